/** How many terminal columns text takes, so that tables with Chinese text line up. */

/**
 * Code point ranges that terminals draw two columns wide: the East Asian Wide
 * and Fullwidth blocks of Unicode's UAX #11 that matter in practice (CJK
 * ideographs and punctuation, kana, Hangul, fullwidth forms, emoji). Sorted
 * and disjoint: {@link isWide} searches them by halves.
 */
export const wideRanges: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x26aa, 0x26ab],
  [0x26bd, 0x26be],
  [0x26c4, 0x26c5],
  [0x2705, 0x2705],
  [0x270a, 0x270b],
  [0x274c, 0x274c],
  [0x2753, 0x2755],
  [0x2795, 0x2797],
  [0x2b1b, 0x2b1c],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x16fe4],
  [0x17000, 0x18cff],
  [0x1b000, 0x1b2ff],
  [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a],
  [0x1f200, 0x1f251],
  [0x1f300, 0x1f64f],
  [0x1f680, 0x1f6ff],
  [0x1f7e0, 0x1f7eb],
  [0x1f90c, 0x1f9ff],
  [0x1fa70, 0x1faff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
]

/** Characters that take no column of their own: combining marks and invisible format characters. */
const zeroWidthCharacter = /^[\p{Mn}\p{Me}\p{Cf}]$/u

/** Tells whether the code point `codePoint` is drawn two columns wide: a binary search of the sorted ranges. */
function isWide(codePoint: number): boolean {
  let low = 0
  let high = wideRanges.length - 1
  while (low <= high) {
    const middle = (low + high) >>> 1
    const [first, last] = wideRanges[middle]!
    if (codePoint < first) high = middle - 1
    else if (codePoint > last) low = middle + 1
    else return true
  }
  return false
}

/** The columns one code point takes: 2 when wide, 0 for a combining mark or format character, else 1. */
function codePointWidth(codePoint: number): number {
  if (isWide(codePoint)) return 2
  return zeroWidthCharacter.test(String.fromCodePoint(codePoint)) ? 0 : 1
}

/**
 * Returns the number of terminal columns `text` takes (text without control
 * characters). Printable ASCII, most of a report, takes one column each
 * without a lookup.
 */
export function displayWidth(text: string): number {
  let width = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code >= 0x20 && code < 0x7f) {
      width++
      continue
    }
    const codePoint = text.codePointAt(index)!
    if (codePoint > 0xffff) index++
    width += codePointWidth(codePoint)
  }
  return width
}

/** Appends spaces to `text`, which takes `textWidth` columns, until it takes `width`. */
export function padEndFromWidth(text: string, textWidth: number, width: number): string {
  return text + ' '.repeat(Math.max(0, width - textWidth))
}
