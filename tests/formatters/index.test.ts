/** The format registry: names, the name check, and loading each formatter. */

import {describe, expect, it} from 'vitest'
import {formatNames, isFormatName, loadFormatter} from '../../src/formatters/index.js'

describe('format registry', () => {
  it('lists the eight formats, stylish first', () => {
    expect(formatNames).toEqual(['stylish', 'json', 'sarif', 'github', 'unix', 'checkstyle', 'junit', 'html'])
  })

  it('recognizes format names only', () => {
    for (const name of formatNames) expect(isFormatName(name)).toBe(true)
    for (const name of ['', 'Stylish', 'HTML', 'toString', 'constructor']) expect(isFormatName(name)).toBe(false)
  })

  it.each(formatNames)('loads the %s formatter', async (name) => {
    expect(typeof (await loadFormatter(name))).toBe('function')
  })
})
