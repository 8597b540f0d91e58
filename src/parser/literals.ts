/**
 * Recognises literals that are not language inside prose: URLs, e-mail
 * addresses and file names. Plain scanning code, linear in the chunk length.
 */
import {isHan, isWhiteSpace} from '../text/scripts.js'

/** File extensions that mark a token as a file name (`README.md`, `seed.txt`). */
const fileExtensions = new Set([
  'c', 'cc', 'cfg', 'conf', 'cpp', 'cs', 'css', 'csv', 'doc', 'docx', 'go', 'gz', 'h', 'htm', 'html', 'ini', 'java',
  'jpeg', 'jpg', 'js', 'json', 'jsx', 'lock', 'log', 'md', 'mdx', 'mjs', 'cjs', 'pdf', 'php', 'png', 'ppt', 'pptx',
  'py', 'rb', 'rs', 'sh', 'sql', 'svg', 'tar', 'toml', 'ts', 'tsx', 'txt', 'vue', 'xls', 'xlsx', 'xml', 'yaml',
  'yml', 'zip',
])

/** Characters that may end a URL's chunk but belong to the sentence. */
function isTrailingPunctuation(code: number): boolean {
  // . , ; : ! ? ) ] } ' " and their full-width forms
  return (
    code === 46 || code === 44 || code === 59 || code === 58 || code === 33 || code === 63 || code === 41 ||
    code === 93 || code === 125 || code === 39 || code === 34 || code === 0x3002 || code === 0xff0c ||
    code === 0xff09 || code === 0x201d || code === 0x2019
  )
}

/**
 * End of the chunk that starts at `start`: the run up to white space, a Han
 * character or a CJK mark.
 * @param text The text.
 * @param start Start offset.
 */
export function chunkEnd(text: string, start: number): number {
  let index = start
  const length = text.length
  while (index < length) {
    const code = text.charCodeAt(index)
    if (code < 0x80) {
      // ASCII ends a chunk only at white space.
      if (code === 32 || (code >= 9 && code <= 13)) break
      index++
      continue
    }
    if (isWhiteSpace(code) || code === 0x3001 || code === 0x3002 || (code >= 0xff00 && code <= 0xff0f) || code === 0x201c || code === 0x201d || code === 0x300a || code === 0x300b || code === 0x300c || code === 0x300d) break
    if (code >= 0x3400 && code < 0xa000 && isHan(code)) break
    if (code >= 0xd800 && code <= 0xdbff) {
      const point = text.codePointAt(index)!
      if (isHan(point)) break
      index += 2
      continue
    }
    index++
  }
  return index
}

/**
 * Length of a URL, e-mail address or file name at the start of
 * `text[start, end)`, or 0 when the chunk is ordinary prose.
 * @param text The text.
 * @param start Start of the chunk.
 * @param end End of the chunk (from {@link chunkEnd}).
 */
export function literalLength(text: string, start: number, end: number): number {
  if (end - start < 3) return 0
  let last = end
  while (last > start && isTrailingPunctuation(text.charCodeAt(last - 1))) last--
  // A URL keeps a closing parenthesis it opened, as in Wikipedia links.
  if (last < end && text.charCodeAt(last) === 41 && hasOpenParenthesis(text, start, last)) last++
  if (last - start < 3) return 0
  if (isUrlStart(text, start, last)) return last - start
  let at = -1
  let dots = 0
  let lastDot = -1
  let slash = false
  for (let index = start; index < last; index++) {
    const code = text.charCodeAt(index)
    if (code === 64) {
      if (at !== -1) return 0
      at = index
    } else if (code === 46) {
      dots++
      lastDot = index
    } else if (code === 47 || code === 92) {
      slash = true
    } else if (!isNameCharacter(code)) {
      return 0
    }
  }
  if (at > start && lastDot > at + 1 && lastDot < last - 1) return last - start
  if (dots > 0 && lastDot > start && lastDot < last - 1) {
    const extension = text.slice(lastDot + 1, last).toLowerCase()
    if (fileExtensions.has(extension)) return last - start
  }
  // A path like `src/cli.ts` or `./docs` counts; a bare `and/or` does not.
  if (slash && (text.charCodeAt(start) === 46 || text.charCodeAt(start) === 47 || text.charCodeAt(start) === 126) && last - start > 2) {
    return last - start
  }
  return 0
}

/**
 * Offset of the first `.` or `:` in `text[start, end)`, or `end` when there is
 * none. A literal that starts with a letter or digit holds one (`://`,
 * `mailto:`, `www.`, the dot of an e-mail domain or a file extension), so
 * {@link literalLength} finds nothing at such a start before the next mark.
 * @param text The text.
 * @param start Where to start looking.
 * @param end Where to stop (exclusive).
 */
export function literalMarkAt(text: string, start: number, end: number): number {
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index)
    if (code === 46 || code === 58) return index
  }
  return end
}

/**
 * Whether a URL scheme (`http://`, `https://`, `ftp://`) starts at `index`:
 * a URL glued to the word before it (`seehttps://…`) still starts there.
 * @param text The text.
 * @param index Offset to look at.
 */
export function urlSchemeAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index) | 32
  if (code === 104) return startsWithFolded(text, index, 'http://') || startsWithFolded(text, index, 'https://')
  return code === 102 && startsWithFolded(text, index, 'ftp://')
}

/**
 * Whether `text` has `prefix` at `at`, ASCII letters compared without case:
 * what `toLowerCase().startsWith(prefix)` finds for an ASCII prefix, with no
 * string made (no other character lowers to a letter of these prefixes).
 */
function startsWithFolded(text: string, at: number, prefix: string): boolean {
  // No read past the end: optimized code gives up on a `charCodeAt` out of bounds.
  if (at + prefix.length > text.length) return false
  for (let index = 0; index < prefix.length; index++) {
    const expected = prefix.charCodeAt(index)
    const code = text.charCodeAt(at + index)
    if (expected >= 97 && expected <= 122 ? (code | 32) !== expected : code !== expected) return false
  }
  return true
}

function hasOpenParenthesis(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) if (text.charCodeAt(index) === 40) return true
  return false
}

function isNameCharacter(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ||
    code === 45 || code === 95 || code === 43 || code === 126
  )
}

function isUrlStart(text: string, start: number, end: number): boolean {
  const code = text.charCodeAt(start) | 32
  const length = end - start
  if (code === 104) {
    return (length > 7 && startsWithFolded(text, start, 'http://')) || (length > 8 && startsWithFolded(text, start, 'https://'))
  }
  if (code === 102) return length > 6 && startsWithFolded(text, start, 'ftp://')
  if (code === 119) return length > 5 && startsWithFolded(text, start, 'www.')
  if (code === 109) return length > 8 && startsWithFolded(text, start, 'mailto:')
  return false
}
