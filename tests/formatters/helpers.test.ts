/** The small shared helpers of the formatters. */

import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {displayWidth, padEndFromWidth, wideRanges} from '../../src/formatters/display-width.js'
import {relativePath} from '../../src/formatters/paths.js'
import {createPositionFinder} from '../../src/formatters/source-positions.js'
import {messageSpan} from '../../src/formatters/span.js'
import {toSingleLine} from '../../src/formatters/terminal-text.js'

describe('relativePath', () => {
  it('makes absolute paths relative to the working directory, with forward slashes', () => {
    expect(relativePath(path.join(path.sep, 'project', 'docs', 'a.md'), path.join(path.sep, 'project'))).toBe('docs/a.md')
    expect(relativePath(path.join(path.sep, 'elsewhere', 'a.md'), path.join(path.sep, 'project'))).toBe('../elsewhere/a.md')
  })

  it('keeps a stdin name as it is', () => {
    expect(relativePath('notes.md', '/project')).toBe('notes.md')
  })
})

describe('displayWidth', () => {
  it('counts Chinese and fullwidth characters as two columns, combining marks as none', () => {
    expect(displayWidth('abc')).toBe(3)
    expect(displayWidth('中文，。')).toBe(8)
    expect(displayWidth('e\u0301')).toBe(1)
    expect(displayWidth('😀')).toBe(2)
    expect(padEndFromWidth('中', displayWidth('中'), 4)).toBe('中  ')
    expect(padEndFromWidth('toolong', displayWidth('toolong'), 3)).toBe('toolong')
  })

  it('gives what the definition gives, code point by code point, on random texts', () => {
    for (const [index, [first, last]] of wideRanges.entries()) expect(first <= last && (index === 0 || first > wideRanges[index - 1]![1])).toBe(true)
    // The definition: each code point is wide (2: in one of the ranges), a combining mark or format character (0), or 1.
    const wide = (codePoint: number): boolean => wideRanges.some(([first, last]) => codePoint >= first && codePoint <= last)
    const byDefinition = (text: string): number => {
      let width = 0
      for (const character of text) {
        const codePoint = character.codePointAt(0)!
        width += wide(codePoint) ? 2 : /^[\p{Mn}\p{Me}\p{Cf}]$/u.test(character) ? 0 : 1
      }
      return width
    }
    // Characters on both sides of range ends, ASCII, marks, format characters, emoji and lone surrogates.
    const pool = [...'aZ ~中文，。ｶ한e\u0301\u00ad\u200b\u200d\u20dd😀𠀀\ud800\udc00\u115f\u1160\u2e7f\u2e80\u303e\u303f\u9fff\ua000ￚ\u{2fffd}\u{2fffe}']
    let seed = 7
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
    for (let round = 0; round < 300; round++) {
      let text = ''
      const length = Math.floor(random() * 40)
      for (let index = 0; index < length; index++) text += pool[Math.floor(random() * pool.length)]
      expect(displayWidth(text), JSON.stringify(text)).toBe(byDefinition(text))
    }
  })
})

describe('toSingleLine', () => {
  it('turns line breaks and tabs into spaces and shows control characters as escapes', () => {
    expect(toSingleLine('a\r\nb\nc\rd\te')).toBe('a b c d e')
    expect(toSingleLine('bell\u0007 escape\u001B[31m rtl\u202E')).toBe('bell\\u0007 escape\\u001B[31m rtl\\u202E')
    expect(toSingleLine('中文 “quotes”')).toBe('中文 “quotes”')
  })
})

describe('createPositionFinder', () => {
  it('finds lines ended by LF, CRLF or CR, and columns in UTF-16 code units', () => {
    const find = createPositionFinder('ab\r\n😀c\rd\n')
    expect(find(0)).toEqual({line: 1, column: 1})
    expect(find(2)).toEqual({line: 1, column: 3})
    expect(find(4)).toEqual({line: 2, column: 1})
    expect(find(6)).toEqual({line: 2, column: 3})
    expect(find(8)).toEqual({line: 3, column: 1})
    expect(find(10)).toEqual({line: 4, column: 1})
    expect(find(11)).toBeUndefined()
    expect(find(-1)).toBeUndefined()
  })
})

describe('messageSpan', () => {
  const base = {ruleId: 'r', severity: 2 as const, message: 'm'}

  it('keeps a valid span', () => {
    expect(messageSpan({...base, line: 2, column: 3, endLine: 4, endColumn: 1})).toEqual({line: 2, column: 3, endLine: 4, endColumn: 1})
  })

  it('raises positions below 1 and moves an end before the start to the start', () => {
    expect(messageSpan({...base, line: 0, column: 0, endLine: 0, endColumn: 0})).toEqual({line: 1, column: 1, endLine: 1, endColumn: 1})
    expect(messageSpan({...base, line: 3, column: 5, endLine: 3, endColumn: 2})).toEqual({line: 3, column: 5, endLine: 3, endColumn: 5})
    expect(messageSpan({...base, line: 3, column: 5, endLine: 1, endColumn: 9})).toEqual({line: 3, column: 5, endLine: 3, endColumn: 5})
  })
})
