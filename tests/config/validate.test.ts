import {describe, expect, it} from 'vitest'
import {ConfigError} from '../../src/config/errors.js'
import {validateConfig} from '../../src/config/validate.js'
import type {RuleMeta} from '../../src/types.js'

const configPath = '/project/.bilintrc.json'

/** A fake rule with the given id and options schema. */
function fakeRule(id: string, schema: Record<string, unknown> = {type: 'object'}): RuleMeta {
  return {
    id,
    description: `fake ${id}`,
    type: 'suggestion',
    languages: ['en', 'zh'],
    fixable: 'never',
    defaultSeverity: 'warn',
    schema,
    url: `https://example.test/${id}`,
    presets: ['recommended'],
  }
}

const rules: RuleMeta[] = [
  fakeRule('mixed-language', {
    type: 'object',
    properties: {minRunLength: {type: 'integer', minimum: 1}, mode: {enum: ['a', 'b']}},
    additionalProperties: false,
  }),
  fakeRule('no-options'),
]

/** Runs validateConfig expecting a ConfigError, and returns it. */
async function configErrorFor(config: unknown): Promise<ConfigError> {
  try {
    await validateConfig(config, configPath, rules)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return error as ConfigError
  }
  throw new Error('expected a ConfigError')
}

describe('validateConfig', () => {
  it('accepts every documented key and normalises numeric severities', async () => {
    const config = {
      $schema: 'https://example.test/schema.json',
      language: 'zh',
      ignorePatterns: ['dist/'],
      words: ['bilint'],
      rules: {'mixed-language': [1, {minRunLength: 3}], 'no-options': 0},
    }
    expect(await validateConfig(config, configPath, rules)).toEqual({
      $schema: 'https://example.test/schema.json',
      language: 'zh',
      ignorePatterns: ['dist/'],
      words: ['bilint'],
      rules: {'mixed-language': ['warn', {minRunLength: 3}], 'no-options': 'off'},
    })
  })

  it('accepts a one-element array', async () => {
    expect(await validateConfig({rules: {'no-options': ['error']}}, configPath, rules)).toEqual({
      rules: {'no-options': ['error']},
    })
  })

  it('names an unknown rule id', async () => {
    const error = await configErrorFor({rules: {'glued-subscript': 'warn'}})
    expect(error.key).toBe('rules.glued-subscript')
    expect(error.message).toBe(`${configPath}: rules.glued-subscript: unknown rule id`)
  })

  it.each([['warning'], [3], [true], [null]])('names the rule for the bad severity %j', async (severity) => {
    const error = await configErrorFor({rules: {'no-options': severity}})
    expect(error.key).toBe('rules.no-options')
    expect(error.message).toContain('rules.no-options: invalid setting')
  })

  it('names the severity element of an array setting', async () => {
    const error = await configErrorFor({rules: {'no-options': ['loud', {}]}})
    expect(error.key).toBe('rules.no-options[0]')
  })

  it('refuses arrays of the wrong length and options that are not objects', async () => {
    expect((await configErrorFor({rules: {'no-options': []}})).key).toBe('rules.no-options')
    expect((await configErrorFor({rules: {'no-options': ['warn', {}, {}]}})).key).toBe('rules.no-options')
    expect((await configErrorFor({rules: {'no-options': ['warn', 'fast']}})).key).toBe('rules.no-options[1]')
  })

  it('names the option that fails the schema, with ajv message', async () => {
    const notInteger = await configErrorFor({rules: {'mixed-language': ['warn', {minRunLength: 1.5}]}})
    expect(notInteger.message).toBe(`${configPath}: rules.mixed-language[1].minRunLength: must be integer`)
    const tooSmall = await configErrorFor({rules: {'mixed-language': ['warn', {minRunLength: 0}]}})
    expect(tooSmall.key).toBe('rules.mixed-language[1].minRunLength')
    expect(tooSmall.message).toContain('must be >= 1')
    const notAllowed = await configErrorFor({rules: {'mixed-language': ['error', {mode: 'c'}]}})
    expect(notAllowed.key).toBe('rules.mixed-language[1].mode')
    expect(notAllowed.message).toContain('"a", "b"')
  })

  it('names an unknown option', async () => {
    const error = await configErrorFor({rules: {'mixed-language': ['warn', {minRunLenght: 2}]}})
    expect(error.key).toBe('rules.mixed-language[1].minRunLenght')
    expect(error.message).toContain('unknown option')
  })

  it('validates again after a valid config, reusing the compiled schema', async () => {
    await validateConfig({rules: {'mixed-language': ['warn', {minRunLength: 2}]}}, configPath, rules)
    const error = await configErrorFor({rules: {'mixed-language': ['warn', {minRunLength: 'two'}]}})
    expect(error.key).toBe('rules.mixed-language[1].minRunLength')
  })

  it('names an unknown top-level key', async () => {
    const error = await configErrorFor({rule: {}})
    expect(error.key).toBe('rule')
    expect(error.message).toContain(`${configPath}: rule: unknown top-level key`)
  })

  it('checks the types of the other keys', async () => {
    expect((await configErrorFor({language: 'fr'})).key).toBe('language')
    expect((await configErrorFor({$schema: 1})).key).toBe('$schema')
    expect((await configErrorFor({ignorePatterns: 'dist'})).key).toBe('ignorePatterns')
    expect((await configErrorFor({words: ['ok', 2]})).key).toBe('words[1]')
    expect((await configErrorFor({rules: ['mixed-language']})).key).toBe('rules')
  })

  it('refuses a root that is not an object', async () => {
    expect((await configErrorFor([])).key).toBeUndefined()
    expect((await configErrorFor(null)).message).toContain('must be an object')
  })
})
