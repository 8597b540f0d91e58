/** The format registry: names, the name check, and loading each formatter. */

import {describe, expect, it} from 'vitest'
import {formatNames, isFormatName, loadFormatter, loadPiecewiseFormatter} from '../../src/formatters/index.js'
import type {LintMessage, LintResult} from '../../src/types.js'
import {fixtureContext} from './fixture-results.js'

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

describe('a file with more messages than a call takes arguments', () => {
  // 250,000 messages: spreading them into one call (`push(...items)`, `Math.max(...widths)`) overflows the stack.
  const count = 250_000
  const messages: LintMessage[] = Array.from({length: count}, (_, index) => ({
    ruleId: 'spelling',
    severity: 1,
    message: `Unexpected unknown word \`teh${index % 7}\``,
    line: index + 1,
    column: 1,
    endLine: index + 1,
    endColumn: 5,
  }))
  const result: LintResult = {
    filePath: '/project/huge.md',
    messages,
    errorCount: 0,
    warningCount: count,
    fatalErrorCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  }

  it.each(formatNames)('is reported whole by the %s format', async (name) => {
    const format = await loadPiecewiseFormatter(name)
    let report = ''
    for (const piece of format([result], fixtureContext())) report += piece
    // Every format names the last message's line somewhere.
    expect(report).toContain(String(count))
    if (name === 'stylish') expect(report).toContain(`${count} problems (0 errors, ${count} warnings)`)
  })
})
