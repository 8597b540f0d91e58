/**
 * Property-based tests of fixing over generated mixed Chinese/English
 * Markdown and plain text: fixes change bytes only inside reported spans,
 * fixing is idempotent, nothing safe-fixable remains, nothing throws.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {lintText} from '../../src/index.js'
import type {LintMessage} from '../../src/types.js'

/** Pieces of prose that bilint's rules react to, mixed with clean ones. */
const words = [
  'PM2.5Caused', 'O3More', 'NOX', 'CO2emissions', 'PM2.5 concentrations', 'CO2-equivalent', 'haze', 'the', 'city',
  'Resolutely', '大会精神', '加强', '中文', '鄱阳湖', 'Poyang Lake (鄱阳湖)', 'API 接口', '，', '。', ',', '.', '(', ')',
  '`PM2.5Caused`', '**O3More**', 'CO~2~emissions', 'H<sub>2</sub>O', '&amp;', '\\*', 'https://example.com/PM2.5Caused',
  '𠮷', '👍🏽', '\u3000', '1.', '二、', 'First,', 'The second is',
]
const separators = [' ', ' ', '', '\n', '\r\n', '\n\n', '\r\n\r\n']

const prose = fc
  .array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...separators)), {maxLength: 40})
  .map((parts) => parts.map(([word, separator]) => word + separator).join(''))

const markdown = fc
  .array(
    fc.oneof(
      prose,
      prose.map((text) => `# ${text.replace(/[\r\n]+/g, ' ')}`),
      prose.map((text) => `- ${text.replace(/\n/g, '\n  ')}`),
      prose.map((text) => `> ${text.replace(/\n/g, '\n> ')}`),
      fc.constant('```\nPM2.5Caused NOX\n```'),
    ),
    {maxLength: 8},
  )
  .chain((blocks) =>
    fc.boolean().map((frontMatter) => (frontMatter ? '---\ntitle: PM2.5Caused\n---\n\n' : '') + blocks.join('\n\n')),
  )

/** Offsets of the text that fixes may change: the union of the safe-fix ranges. */
function fixRanges(messages: readonly LintMessage[]): Array<[number, number]> {
  return messages.filter((message) => message.fix).map((message) => message.fix!.range)
}

/** Whether `after` equals `before` outside the given ranges. */
function onlyInside(before: string, after: string, ranges: Array<[number, number]>): boolean {
  let expected = ''
  let cursor = 0
  const sorted = [...ranges].sort((a, b) => a[0] - b[0])
  const pieces: string[] = []
  for (const [start, end] of sorted) {
    if (start < cursor) continue
    pieces.push(before.slice(cursor, start))
    cursor = end
  }
  pieces.push(before.slice(cursor))
  // Every untouched piece appears in order in the fixed text.
  let at = 0
  for (const piece of pieces) {
    const found = after.indexOf(piece, at)
    if (found === -1) return false
    expected += piece
    at = found + piece.length
  }
  return expected.length <= after.length
}

/** Text that fixing must leave alone, per format. */
const untouchableInMarkdown = ['`PM2.5Caused`', 'CO~2~emissions', 'H<sub>2</sub>O', 'https://example.com/PM2.5Caused', 'title: PM2.5Caused', '```\nPM2.5Caused NOX\n```']
const untouchableInText = ['https://example.com/PM2.5Caused']

for (const [name, arbitrary, filePath, untouchable] of [
  ['Markdown', markdown, 'doc.md', untouchableInMarkdown],
  ['plain text', prose, 'doc.txt', untouchableInText],
] as const) {
  describe(`fixing generated ${name}`, () => {
    it('changes only reported spans, is idempotent and leaves nothing safe-fixable', async () => {
      await fc.assert(
        fc.asyncProperty(arbitrary, async (text) => {
          const linted = await lintText(text, {filePath})
          for (const message of linted.messages) {
            expect(message.line).toBeGreaterThanOrEqual(1)
            expect(message.endLine * 1e6 + message.endColumn).toBeGreaterThanOrEqual(message.line * 1e6 + message.column)
          }
          const fixed = await lintText(text, {filePath, fix: 'safe'})
          const output = fixed.output ?? text
          expect(onlyInside(text, output, fixRanges(linted.messages))).toBe(true)
          expect(fixed.messages.filter((message) => message.fix)).toEqual([])
          const again = await lintText(output, {filePath, fix: 'safe'})
          expect(again.output ?? output).toBe(output)
          // Markup, code and URLs survive.
          for (const kept of untouchable) {
            const count = (value: string) => value.split(kept).length
            expect(count(output)).toBe(count(text))
          }
        }),
        {numRuns: 150, seed: 20261128},
      )
    })
  })
}
