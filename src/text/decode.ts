/**
 * Turns a file's bytes into text, or says clearly why it cannot.
 *
 * UTF-8 (with or without BOM) and UTF-16 with a BOM are decoded; anything
 * else that is not valid UTF-8, or that holds NUL bytes, is refused.
 */

/** A decoded text and what is needed to write it back unchanged. */
export interface DecodedText {
  /** The text without its BOM. */
  text: string
  /** Encoding of the bytes. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be'
  /** Whether the bytes started with a byte order mark. */
  bom: boolean
}

/** Why a file could not be read as text. */
export class DecodeError extends Error {}

const utf8Decoder = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})

/**
 * Decodes bytes as text.
 * @param bytes The file's content.
 * @throws {DecodeError} For binary content or invalid UTF-8.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf-16le')
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf-16be')
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const nul = bytes.indexOf(0)
  if (nul !== -1) throw new DecodeError(`binary file (NUL byte at offset ${nul})`)
  let text: string
  try {
    text = utf8Decoder.decode(bom ? bytes.subarray(3) : bytes)
  } catch {
    throw new DecodeError(`not valid UTF-8 text (first bad byte at offset ${firstInvalidUtf8Offset(bytes)})`)
  }
  return {text, encoding: 'utf-8', bom}
}

/**
 * Encodes text back to the bytes it came from.
 * @param text Text without BOM.
 * @param original How the text was decoded.
 */
export function encodeText(text: string, original: Pick<DecodedText, 'encoding' | 'bom'>): Uint8Array {
  if (original.encoding === 'utf-8') {
    const body = Buffer.from(text, 'utf8')
    return original.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body
  }
  const body = Buffer.from(text, 'utf16le')
  if (original.encoding === 'utf-16be') body.swap16()
  const bom = original.encoding === 'utf-16be' ? [0xfe, 0xff] : [0xff, 0xfe]
  return Buffer.concat([Buffer.from(bom), body])
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedText {
  if (bytes.length % 2 !== 0) throw new DecodeError(`not valid ${encoding.toUpperCase()} text (odd byte count)`)
  const text = new TextDecoder(encoding, {fatal: false, ignoreBOM: true}).decode(bytes.subarray(2))
  if (text.includes('\0')) throw new DecodeError('binary file (NUL character in UTF-16 text)')
  return {text, encoding, bom: true}
}

/** Offset of the first byte that breaks UTF-8, found by a plain scan. */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const lead = bytes[index]!
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0
    if (length === 0) return index
    for (let next = 1; next < length; next++) {
      const byte = bytes[index + next]
      if (byte === undefined || (byte & 0xc0) !== 0x80) return index
    }
    index += length
  }
  return index
}
