/** The stylish format: colour only on request, aligned columns, and a correct summary. */

import {describe, expect, it} from 'vitest'
import {displayWidth} from '../../src/formatters/display-width.js'
import formatStylish from '../../src/formatters/stylish.js'
import type {LintMessage, LintResult} from '../../src/types.js'
import {fixtureContext, fixtureResults} from './fixture-results.js'

/** Matches any ANSI escape sequence. */
const ansiEscape = /\u001B\[/

/** Returns a result for `/project/a.md` holding `messages`. */
function resultWith(messages: LintMessage[]): LintResult {
  return {
    filePath: '/project/a.md',
    messages,
    errorCount: messages.filter((message) => message.severity === 2).length,
    warningCount: messages.filter((message) => message.severity === 1).length,
    fatalErrorCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  }
}

/** Returns a message of severity `severity` at line 1, column 1. */
function messageOf(severity: 1 | 2, text = 'Problem.', ruleId: string | null = 'some-rule'): LintMessage {
  return {ruleId, severity, message: text, line: 1, column: 1, endLine: 1, endColumn: 2}
}

describe('stylish', () => {
  it('writes no ANSI escapes without colour', () => {
    expect(formatStylish(fixtureResults, fixtureContext({color: false}))).not.toMatch(ansiEscape)
  })

  it('colours errors, warnings, path and summary with colour on', () => {
    const output = formatStylish(fixtureResults, fixtureContext({color: true}))
    expect(output).toMatch(ansiEscape)
    expect(output).toContain('\u001B[31merror\u001B[39m')
    expect(output).toContain('\u001B[33mwarning\u001B[39m')
    expect(output).toContain('\u001B[4mdocs/guide.md\u001B[24m')
    expect(output).toContain('\u001B[1m\u001B[31m\u2716 8 problems')
    expect(output.replace(/\u001B\[\d+m/g, '')).toBe(formatStylish(fixtureResults, fixtureContext({color: false})))
  })

  it('keeps a control character in a message from reaching the terminal', () => {
    const output = formatStylish([resultWith([messageOf(2, 'bad \u001B[2J text\nnext')])], fixtureContext())
    expect(output).not.toMatch(ansiEscape)
    expect(output).toContain('bad \\u001B[2J text next')
  })

  it('aligns the rule column, counting Chinese characters as two columns', () => {
    const output = formatStylish(
      [resultWith([messageOf(2, '中文', 'rule-a'), messageOf(1, 'abcd', 'rule-b'), messageOf(1, 'ab', 'rule-c')])],
      fixtureContext(),
    )
    const ruleColumns = output
      .split('\n')
      .filter((line) => line.includes('rule-'))
      .map((line) => displayWidth(line.slice(0, line.indexOf('rule-'))))
    expect(ruleColumns).toEqual([ruleColumns[0], ruleColumns[0], ruleColumns[0]])
  })

  it('leaves the rule column empty for a fatal message, without trailing spaces', () => {
    const output = formatStylish([resultWith([messageOf(2, 'Could not read.', null)])], fixtureContext())
    expect(output).toBe('a.md\n  1:1  error  Could not read.\n\n\u2716 1 problem (1 error, 0 warnings)\n')
  })

  it('uses singular and plural words in the summary', () => {
    const oneWarning = formatStylish([resultWith([{...messageOf(1), fix: {range: [0, 1], text: ''}}])], fixtureContext())
    expect(oneWarning).toContain('\u2716 1 problem (0 errors, 1 warning)\n')
    expect(oneWarning).toContain('  0 errors and 1 warning potentially fixable with the `--fix` option.\n')
    const twoErrors = formatStylish([resultWith([messageOf(2), messageOf(2)])], fixtureContext())
    expect(twoErrors).toContain('\u2716 2 problems (2 errors, 0 warnings)\n')
    expect(twoErrors).not.toContain('fixable')
  })

  it('does not count a suggestion as fixable', () => {
    const output = formatStylish(
      [resultWith([{...messageOf(2), suggestions: [{desc: 'Do it', fix: {range: [0, 1], text: 'x'}}]}])],
      fixtureContext(),
    )
    expect(output).not.toContain('fixable')
  })

  it('prints nothing when there are no messages', () => {
    expect(formatStylish([resultWith([])], fixtureContext({color: true}))).toBe('')
  })
})
