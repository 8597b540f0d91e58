import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ConfigError} from '../../src/config/errors.js'

describe('ConfigError', () => {
  it('names the file and the key on one line', () => {
    const error = new ConfigError('.bilintrc.json', 'rules.mixed-language[1].minRunLength', 'must be integer')
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('ConfigError')
    expect(error.message).toBe('.bilintrc.json: rules.mixed-language[1].minRunLength: must be integer')
    expect(error.filePath).toBe('.bilintrc.json')
    expect(error.key).toBe('rules.mixed-language[1].minRunLength')
  })

  it('leaves out the key when the whole file is at fault, and folds line breaks', () => {
    const error = new ConfigError('/elsewhere/.bilintrc.yaml', undefined, 'invalid YAML:\n\n  a: [\n')
    expect(error.message).toBe('/elsewhere/.bilintrc.yaml: invalid YAML: a: [')
  })

  it('shows files under the working directory relative to it', () => {
    const filePath = path.join(process.cwd(), 'docs', '.bilintrc.json')
    const error = new ConfigError(filePath, 'rules.x', 'unknown rule id')
    expect(error.message).toBe(`${path.join('docs', '.bilintrc.json')}: rules.x: unknown rule id`)
    expect(error.filePath).toBe(filePath)
  })
})
