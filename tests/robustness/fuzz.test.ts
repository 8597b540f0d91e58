/**
 * Fuzzing `lintText` with every rule on (`preset: 'strict'`) over random
 * mixed-script Markdown and plain text: Han, Latin, digits, punctuation of
 * both widths, Markdown syntax, emoji, control characters, lone surrogates
 * and every kind of line ending. No exception, no rule crash, and every
 * reported position lies inside the text with its start before its end.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {lintText} from '../../src/index.js'
import type {LintResult} from '../../src/types.js'

/** Fixed seed: a failure reproduces run after run. */
const seed = 20_240_611

/** Generated documents per format. */
const numRuns = 300

/** Single characters, grouped so that each group gets a fair share. */
const characterGroups: string[][] = [
  [...'中文汉字的一是在不了有和人这大国我们霾鄱阳湖蓝天保卫战二三四五十第章节条'],
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéüñ'],
  [...'0123456789'],
  [...'.,;:!?\'"()[]{}-–—…/\\@&%$#_'],
  [...'，。；：！？、“”‘’（）《》【】「」『』…—·～'],
  [...'#*_~`>|+=-!<>[]()\\'],
  ['😀', '👍🏽', '🇨🇳', '𠮷', '𪚥', '\u{1F600}'],
  ['\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001B', '\u007F', '\u0085'],
  ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u202E', '\u202C', '\u2066', '\u2069', '\u061C', '\u200E'],
  [' ', ' ', ' ', '\t', '\u3000', '\u00A0', '\u2028', '\u2029'],
  ['\n', '\n', '\r\n', '\r', '\n\n', '\r\r', '\n\r'],
  ['\uD800', '\uDBFF', '\uDC00', '\uDFFF'],
]

/** Fragments that exercise the parsers and the rules. */
const fragments = [
  'PM2.5Caused', 'O3More', 'NOX', 'senses2.5Heavier', 'CO2emissions', '一、', '二、', '（一）', '1.', '2)', '(3)', '一是', '第一，',
  '第二章', '①', 'I. ', 'A. ', 'First, ', 'Second,', 'The third is', 'Step 4', '1.2 ', '# ', '## ', '> ', '- ', '* ', '1. ',
  '**', '__', '~~', '`code`', '```\n', '~~~', '<!-- bilint-disable -->', '<!-- bilint-enable glued-subscript -->',
  '<!-- bilint-disable-next-line -->', '<!--', '-->', '[link](https://example.com)', '![img](a.png)', '[^1]', '[^1]: note\n',
  '| a | b |\n| - | - |\n', '&amp;', '&#x4E2D;', '&copy;', '\\*', '<sub>2</sub>', 'PM~2.5~', 'https://example.com/a_b',
  'user@example.com', 'README.md', '---\ntitle: x\n---\n', ':)', '"quoted"', '“引号”', '《书名》', 'e.g.', 'Mr.',
]

const character = fc.oneof(...characterGroups.map((group) => fc.constantFrom(...group)))
const piece = fc.oneof(
  {weight: 6, arbitrary: character},
  {weight: 3, arbitrary: fc.constantFrom(...fragments)},
  {weight: 1, arbitrary: fc.string({unit: 'binary', maxLength: 6})},
)
const documentText = fc.array(piece, {maxLength: 200, size: 'medium'}).map((pieces) => pieces.join(''))

/** Why a result's positions do not fit the text, or null when they do. */
function positionProblem(text: string, result: LintResult): string | null {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const lines = body.split(/\r\n|\r|\n/)
  const inside = (line: number, column: number): boolean =>
    Number.isInteger(line) && Number.isInteger(column) && line >= 1 && line <= lines.length && column >= 1 && column <= lines[line - 1]!.length + 1
  for (const message of result.messages) {
    const {line, column, endLine, endColumn} = message
    if (message.ruleId === 'internal-error') return `rule crash: ${message.message}`
    if (!inside(line, column)) return `start ${line}:${column} outside the text (${lines.length} lines) in ${JSON.stringify(message)}`
    if (!inside(endLine, endColumn)) return `end ${endLine}:${endColumn} outside the text in ${JSON.stringify(message)}`
    if (endLine < line || (endLine === line && endColumn < column)) return `end before start in ${JSON.stringify(message)}`
    for (const edit of [message.fix, ...(message.suggestions ?? []).map((suggestion) => suggestion.fix)]) {
      if (!edit) continue
      const [start, end] = edit.range
      if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= body.length)) {
        return `fix range [${start}, ${end}] outside the text (${body.length} units) in ${JSON.stringify(message)}`
      }
    }
  }
  return null
}

describe('fuzz: random mixed-script documents through every rule', () => {
  for (const filePath of ['fuzz.md', 'fuzz.txt']) {
    it(`${filePath}: no exception, positions inside the text, start before end (${numRuns} documents, seed ${seed})`, async () => {
      let documents = 0
      let withMessages = 0
      await fc.assert(
        fc.asyncProperty(documentText, async (text) => {
          const result = await lintText(text, {filePath, preset: 'strict'})
          documents++
          if (result.messages.length > 0) withMessages++
          expect(positionProblem(text, result)).toBeNull()
          const fixed = await lintText(text, {filePath, preset: 'strict', fix: 'unsafe'})
          expect(typeof (fixed.output ?? text)).toBe('string')
          expect(positionProblem(fixed.output ?? text, fixed)).toBeNull()
        }),
        {numRuns, seed, endOnFailure: true},
      )
      // The documents reached the rules: most of them get messages.
      expect(documents).toBe(numRuns)
      expect(withMessages).toBeGreaterThan(numRuns / 2)
    }, 120_000)
  }
})
