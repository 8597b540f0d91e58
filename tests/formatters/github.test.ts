/** The GitHub Actions format: escaping by the workflow command rules, and annotation ranges the runner keeps. */

import {describe, expect, it} from 'vitest'
import formatGithub, {escapeCommandData, escapeCommandProperty} from '../../src/formatters/github.js'
import type {LintMessage, LintResult} from '../../src/types.js'
import {fixtureContext} from './fixture-results.js'

/** Returns a result for `filePath` holding `message`. */
function resultWith(filePath: string, message: LintMessage): LintResult {
  return {
    filePath,
    messages: [message],
    errorCount: message.severity === 2 ? 1 : 0,
    warningCount: message.severity === 1 ? 1 : 0,
    fatalErrorCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  }
}

describe('github', () => {
  it('escapes %, CR and LF in message data, and : and , too in properties', () => {
    expect(escapeCommandData('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext: a,b')
    expect(escapeCommandProperty('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext%3A a%2Cb')
    expect(escapeCommandData('%0A is not a newline')).toBe('%250A is not a newline')
  })

  it('escapes the file path and rule id as properties and the message as data', () => {
    const output = formatGithub(
      [
        resultWith('/project/dir,with:odd%/a b.md', {
          ruleId: 'odd:rule,id',
          severity: 1,
          message: 'Line one: 50%, more\nline two',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 5,
        }),
      ],
      fixtureContext(),
    )
    expect(output).toBe(
      '::warning file=dir%2Cwith%3Aodd%25/a b.md,line=2,col=3,endLine=2,endColumn=5,title=odd%3Arule%2Cid::Line one: 50%25, more%0Aline two\n',
    )
  })

  it('gives a multi-line annotation lines only, since the runner drops its columns', () => {
    const output = formatGithub(
      [resultWith('/project/a.md', {ruleId: 'r', severity: 2, message: 'm', line: 2, column: 5, endLine: 4, endColumn: 1})],
      fixtureContext(),
    )
    expect(output).toBe('::error file=a.md,line=2,endLine=4,title=r::m\n')
  })

  it('titles a fatal message "bilint" and keeps a stdin name as it is', () => {
    const output = formatGithub(
      [resultWith('notes.md', {ruleId: null, fatal: true, severity: 2, message: 'Unreadable', line: 0, column: 0, endLine: 0, endColumn: 0})],
      fixtureContext(),
    )
    expect(output).toBe('::error file=notes.md,line=1,col=1,endLine=1,endColumn=1,title=bilint::Unreadable\n')
  })
})
