import {describe, expect, it} from 'vitest'
import {DecodeError, decodeText, encodeText} from '../../src/text/decode.js'
import {LineIndex} from '../../src/text/line-index.js'

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM, and writes both back unchanged', () => {
    for (const bytes of [Buffer.from('中文 text\r\n'), Buffer.from('\uFEFF中文 text\n')]) {
      const decoded = decodeText(bytes)
      expect(decoded.text.startsWith('中文')).toBe(true)
      expect(Buffer.from(encodeText(decoded.text, decoded))).toEqual(bytes)
    }
  })

  it('reads UTF-16 with a BOM', () => {
    const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('文本 ok', 'utf16le')])
    const big = Buffer.from(little)
    big.subarray(2).swap16()
    big[0] = 0xfe
    big[1] = 0xff
    for (const bytes of [little, big]) {
      const decoded = decodeText(bytes)
      expect(decoded.text).toBe('文本 ok')
      expect(Buffer.from(encodeText(decoded.text, decoded))).toEqual(bytes)
    }
  })

  it('refuses binary content and invalid UTF-8 with a one-line reason', () => {
    expect(() => decodeText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]))).toThrow(new DecodeError('binary file (NUL byte at offset 4)'))
    expect(() => decodeText(Buffer.from([0x61, 0x62, 0xff, 0x63]))).toThrow(new DecodeError('not valid UTF-8 text (first bad byte at offset 2)'))
    expect(() => decodeText(Buffer.from([0xe4, 0xb8]))).toThrow(/not valid UTF-8/)
  })

  it('reads an empty file', () => {
    expect(decodeText(new Uint8Array())).toEqual({text: '', encoding: 'utf-8', bom: false})
  })
})

describe('LineIndex', () => {
  it('counts lines at LF, CRLF and lone CR, and columns in UTF-16 units', () => {
    const lines = new LineIndex('a\r\nb\rc\n𠮷d')
    expect(lines.lineCount).toBe(4)
    expect(lines.point(0)).toEqual({line: 1, column: 1, offset: 0})
    expect(lines.point(3)).toEqual({line: 2, column: 1, offset: 3})
    expect(lines.point(5)).toEqual({line: 3, column: 1, offset: 5})
    expect(lines.point(9)).toEqual({line: 4, column: 3, offset: 9})
    expect(lines.offset(4, 3)).toBe(9)
    // Out-of-order lookups still work.
    expect(lines.point(1)).toEqual({line: 1, column: 2, offset: 1})
  })
})
