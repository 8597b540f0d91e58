/**
 * The SARIF format: accepted by the official validator and by the SARIF
 * 2.1.0 JSON schema, and saying what the results say.
 */

import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import {describe, expect, it} from 'vitest'
import type {SarifLog, SarifRegion} from '../../src/formatters/sarif-types.js'
import formatSarif from '../../src/formatters/sarif.js'
import type {LintResult} from '../../src/types.js'
import {fixtureContext, fixtureResults, guideSource} from './fixture-results.js'
import {sarifValidationErrors} from './sarif-validator.js'

/** Results that stress the edges: impossible positions, an unknown rule, a stdin name, a fix outside the text. */
const edgeResults: LintResult[] = [
  {
    filePath: 'notes.md',
    messages: [
      {ruleId: 'unknown-rule', severity: 1, message: 'Zero positions.', line: 0, column: 0, endLine: 0, endColumn: 0},
      {
        ruleId: 'trailing-spaces',
        severity: 2,
        message: 'End before start; fix past the end.',
        line: 3,
        column: 9,
        endLine: 2,
        endColumn: 1,
        fix: {range: [2, 99], text: ''},
      },
    ],
    errorCount: 1,
    warningCount: 1,
    fatalErrorCount: 0,
    fixableErrorCount: 1,
    fixableWarningCount: 0,
    source: 'ab\ncd\n',
  },
]

/** Returns the SARIF log for `results` with the fixture context, parsed. */
function sarifLogFor(results: LintResult[]): SarifLog {
  return JSON.parse(formatSarif(results, fixtureContext())) as SarifLog
}

/** Returns the UTF-16 offset of a 1-based line and column in `text`. */
function offsetAt(text: string, line: number, column: number): number {
  const lineStarts = [0, ...[...text.matchAll(/\r\n|\r|\n/g)].map((match) => (match.index ?? 0) + match[0].length)]
  return (lineStarts[line - 1] ?? Number.NaN) + column - 1
}

/** Returns `text` with `region` replaced by `insertion`. */
function replaceRegion(text: string, region: SarifRegion, insertion: string): string {
  return (
    text.slice(0, offsetAt(text, region.startLine, region.startColumn)) +
    insertion +
    text.slice(offsetAt(text, region.endLine, region.endColumn))
  )
}

describe('sarif validity', () => {
  /** Runs the validator and fails with its findings when there are any. */
  function expectValid(sarifText: string): void {
    const errors = sarifValidationErrors(sarifText)
    expect(errors, `sarif-multitool errors:\n${errors.join('\n')}`).toEqual([])
  }

  it('the validator reports errors in a broken log, so it does run', {timeout: 60_000}, () => {
    const broken = JSON.stringify({
      version: '2.1.0',
      runs: [
        {
          tool: {driver: {name: 'bilint', version: '1', informationUri: 'https://example.com/'}},
          results: [
            {
              ruleId: 'r',
              message: {text: 'x'},
              locations: [{physicalLocation: {artifactLocation: {uri: 'a b.md'}, region: {startLine: 0}}}],
            },
          ],
        },
      ],
    })
    expect(sarifValidationErrors(broken).length).toBeGreaterThan(0)
  })

  it('the fixture log passes the official validator', {timeout: 60_000}, () => {
    expectValid(formatSarif(fixtureResults, fixtureContext()))
  })

  it('an empty run passes the official validator', {timeout: 60_000}, () => {
    expectValid(formatSarif([], fixtureContext()))
  })

  it('a log of edge cases passes the official validator', {timeout: 60_000}, () => {
    expectValid(formatSarif(edgeResults, fixtureContext()))
  })

  it('every log matches the SARIF 2.1.0 schema', () => {
    // The validator skips a log whose enum values it cannot read, so the schema is checked as well.
    const multitoolBinary = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string
    const schema = JSON.parse(readFileSync(path.join(path.dirname(multitoolBinary), 'sarif-2.1.0.json'), 'utf8')) as object
    const validate = new Ajv2020({strict: false, validateFormats: false, allErrors: true}).compile(schema)
    for (const results of [fixtureResults, [], edgeResults]) {
      const valid = validate(sarifLogFor(results))
      expect(validate.errors ?? [], 'schema errors').toEqual([])
      expect(valid).toBe(true)
    }
  })
})

describe('sarif content', () => {
  const log = sarifLogFor(fixtureResults)
  const run = log.runs[0]

  it('describes the tool and the source root', () => {
    expect(run?.tool.driver).toMatchObject({name: 'bilint', version: '1.2.3', informationUri: 'https://github.com/bilint/bilint'})
    expect(run?.originalUriBaseIds).toEqual({'%SRCROOT%': {uri: 'file:///project/'}})
    expect(run?.columnKind).toBe('utf16CodeUnits')
  })

  it('lists each known rule once and points results at it', () => {
    const ruleIds = run?.tool.driver.rules.map((rule) => rule.id)
    expect(ruleIds).toEqual([
      'untranslated-chinese',
      'spelling',
      'space-before-punctuation',
      'fullwidth-punctuation',
      'spacing-in-parentheses',
      'trailing-spaces',
    ])
    for (const result of run?.results ?? []) {
      if (result.ruleIndex === undefined) expect(result.ruleId).toBe('sentence-length')
      else expect(run?.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId)
    }
  })

  it('turns the fatal message into a failed invocation with a notification', () => {
    expect(run?.results).toHaveLength(7)
    const invocation = run?.invocations[0]
    expect(invocation?.executionSuccessful).toBe(false)
    const notification = invocation?.toolExecutionNotifications?.[0]
    expect(notification?.level).toBe('error')
    const artifact = notification?.locations[0]?.physicalLocation.artifactLocation
    expect(artifact).toEqual({uri: 'notes/%E8%AF%BB%E6%88%91%20%231.md', uriBaseId: '%SRCROOT%'})
    expect(decodeURIComponent(artifact?.uri ?? '')).toBe('notes/读我 #1.md')
  })

  it('reports success when no file failed', () => {
    expect(sarifLogFor([]).runs[0]?.invocations).toEqual([{executionSuccessful: true}])
  })

  it('writes each safe fix so that applying it by line and column equals applying it by offset', () => {
    const guideMessages = fixtureResults[0]?.messages ?? []
    const fixedResults = (run?.results ?? []).filter((result) => result.fixes !== undefined)
    expect(fixedResults.map((result) => result.ruleId)).toEqual(['space-before-punctuation', 'fullwidth-punctuation', 'trailing-spaces'])
    for (const result of fixedResults) {
      const replacement = result.fixes?.[0]?.artifactChanges[0]?.replacements[0]
      const fix = guideMessages.find((message) => message.ruleId === result.ruleId)?.fix
      if (replacement === undefined || fix === undefined) throw new Error(`no fix for ${result.ruleId}`)
      const byOffset = guideSource.slice(0, fix.range[0]) + fix.text + guideSource.slice(fix.range[1])
      expect(replaceRegion(guideSource, replacement.deletedRegion, replacement.insertedContent?.text ?? '')).toBe(byOffset)
    }
  })

  it('leaves out fixes without the source text, and fixes that fall outside it', () => {
    const withoutSource = fixtureResults.map(({source: _source, ...result}) => result)
    expect(sarifLogFor(withoutSource).runs[0]?.results.some((result) => result.fixes !== undefined)).toBe(false)
    const edgeRun = sarifLogFor(edgeResults).runs[0]
    expect(edgeRun?.results.some((result) => result.fixes !== undefined)).toBe(false)
    expect(edgeRun?.results.map((result) => result.locations[0]?.physicalLocation.region)).toEqual([
      {startLine: 1, startColumn: 1, endLine: 1, endColumn: 1},
      {startLine: 3, startColumn: 9, endLine: 3, endColumn: 9},
    ])
  })
})
