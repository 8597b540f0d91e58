import {describe, expect, it} from 'vitest'
import {LineIndex} from '../../src/text/line-index.js'

/** Line starts by the definition: a line ends at `\n`, `\r\n` or a lone `\r`. */
function referenceLineStarts(text: string): number[] {
  const starts = [0]
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '\r' && text[index + 1] === '\n') index++
    if (text[index] === '\n' || text[index] === '\r') starts.push(index + 1)
  }
  return starts
}

describe('LineIndex', () => {
  const cases: Array<[name: string, text: string, starts: number[]]> = [
    ['empty text', '', [0]],
    ['one line', 'abc', [0]],
    ['LF', 'a\nbc\n', [0, 2, 5]],
    ['CRLF', 'a\r\nbc\r\n', [0, 3, 7]],
    ['lone CR', 'a\rb', [0, 2]],
    ['mixed endings', 'a\r\nb\nc\rd', [0, 3, 5, 7]],
    ['blank lines', '\n\n', [0, 1, 2]],
    ['Han and an astral character', '蓝天\n𠀀x\n', [0, 3, 7]],
  ]
  it.each(cases)('%s', (_name, text, starts) => {
    expect(new LineIndex(text).lineStarts).toEqual(starts)
    expect(referenceLineStarts(text)).toEqual(starts)
  })

  it('agrees with the definition on random texts, with and without carriage returns', () => {
    let seed = 7
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    const alphabet = ['a', ' ', '\n', '\r', '\r\n', '蓝', '。']
    for (let round = 0; round < 500; round++) {
      const withoutReturns = round % 2 === 0
      let text = ''
      for (let length = Math.floor(next() * 40); length > 0; length--) {
        const piece = alphabet[Math.floor(next() * alphabet.length)]!
        text += withoutReturns ? piece.replaceAll('\r', '') : piece
      }
      expect(new LineIndex(text).lineStarts, JSON.stringify(text)).toEqual(referenceLineStarts(text))
    }
  })

  it('maps offsets to lines and columns', () => {
    const index = new LineIndex('ab\ncd\r\nef')
    expect(index.point(0)).toEqual({line: 1, column: 1, offset: 0})
    expect(index.point(4)).toEqual({line: 2, column: 2, offset: 4})
    expect(index.point(8)).toEqual({line: 3, column: 2, offset: 8})
  })
})
