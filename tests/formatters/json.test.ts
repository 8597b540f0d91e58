/** The JSON format keeps ESLint's fields and nothing else. */

import {describe, expect, it} from 'vitest'
import formatJson, {jsonReportPieces} from '../../src/formatters/json.js'
import {countsOf, isStoredResult, jsonResultText, resultFromJson, storedJsonText, toJsonResult} from '../../src/formatters/json-result.js'
import type {LintResult} from '../../src/types.js'
import {fixtureContext, fixtureResults} from './fixture-results.js'

describe('json', () => {
  it('drops the source text and keeps absolute paths', () => {
    const parsed = JSON.parse(formatJson(fixtureResults, fixtureContext())) as LintResult[]
    expect(parsed.map((result) => result.filePath)).toEqual(['/project/docs/guide.md', '/project/README.md', '/project/notes/读我 #1.md'])
    expect(parsed.some((result) => 'source' in result)).toBe(false)
    expect(parsed).toEqual(fixtureResults.map(({source: _source, ...result}) => result))
  })

  it('drops fields it does not know', () => {
    const withExtras = {
      ...fixtureResults[0],
      usedDeprecatedRules: [],
      messages: [{...fixtureResults[0]?.messages[2], nodeType: 'text', fix: {range: [1, 2], text: 'x', extra: true}}],
    } as unknown as LintResult
    const [parsed] = JSON.parse(formatJson([withExtras], fixtureContext())) as Array<Record<string, unknown>>
    expect(Object.keys(parsed ?? {})).toEqual([
      'filePath',
      'messages',
      'errorCount',
      'warningCount',
      'fatalErrorCount',
      'fixableErrorCount',
      'fixableWarningCount',
    ])
    expect((parsed?.['messages'] as unknown[])[0]).toEqual({
      ruleId: 'space-before-punctuation',
      severity: 2,
      message: 'Unexpected space before “,”.',
      line: 4,
      column: 23,
      endLine: 4,
      endColumn: 25,
      fix: {range: [1, 2], text: 'x'},
    })
  })
})

describe('json in pieces', () => {
  it('joins to the same report, in one piece or many', () => {
    const context = fixtureContext()
    expect([...jsonReportPieces(fixtureResults)].join('')).toBe(formatJson(fixtureResults, context))
    expect([...jsonReportPieces([])].join('')).toBe(formatJson([], context))
    // 3,000 copies of a message make a report of several 64 KB pieces; the file path holds the text the pieces are cut at.
    const message = fixtureResults[0]!.messages[0]!
    const large = [
      {...fixtureResults[0]!, filePath: '/project/"messages":[]/a.md', messages: Array.from({length: 3000}, () => message)},
      fixtureResults[1]!,
      {...fixtureResults[0]!, messages: []},
    ]
    const pieces = [...jsonReportPieces(large)]
    expect(pieces.length).toBeGreaterThan(3)
    expect(pieces.join('')).toBe(formatJson(large, context))
    // Many small results, each written whole, also make several pieces.
    const many = Array.from({length: 2000}, (_, index) => ({...fixtureResults[index % fixtureResults.length]!, filePath: `/project/doc-${index}.md`}))
    const manyPieces = [...jsonReportPieces(many)]
    expect(manyPieces.length).toBeGreaterThan(3)
    expect(manyPieces.join('')).toBe(formatJson(many, context))
  })
})

describe('results read back from their JSON', () => {
  const original = fixtureResults.find((result) => result.messages.length > 1)!
  const text = jsonResultText(original)
  const read = (): LintResult => resultFromJson(text, original.filePath, countsOf(original))

  it('equal the result they were written from, messages parsed when first read', () => {
    const result = read()
    expect(isStoredResult(result)).toBe(true)
    expect(storedJsonText(result)).toBe(text)
    expect(result).toEqual(JSON.parse(text))
    // Reading the messages lets go of the stored text: they may be changed from now on.
    expect(storedJsonText(result)).toBeUndefined()
    expect(jsonResultText(result)).toBe(text)
  })

  it('are written anew once changed, and copies do not carry the stored text', () => {
    const changed = read()
    changed.messages = changed.messages.slice(0, 1)
    expect(jsonResultText(changed)).toBe(JSON.stringify(toJsonResult({...original, messages: original.messages.slice(0, 1)})))
    const renamed = read()
    renamed.filePath = '/elsewhere.md'
    expect(jsonResultText(renamed)).toContain('"filePath":"/elsewhere.md"')
    const copy = {...read(), errorCount: 0}
    expect(isStoredResult(copy)).toBe(false)
    expect(jsonResultText(copy)).toContain('"errorCount":0')
    const fixed = read()
    fixed.output = 'fixed'
    expect(storedJsonText(fixed)).toBeUndefined()
  })

  it('make the same report as the results they were written from', () => {
    const context = fixtureContext()
    const stored = fixtureResults.map((result) => resultFromJson(jsonResultText(result), result.filePath, countsOf(result)))
    expect([...jsonReportPieces(stored)].join('')).toBe(formatJson(fixtureResults, context))
    expect(formatJson(stored, context)).toBe(formatJson(fixtureResults, context))
  })
})
