/**
 * Character classes for mixed Chinese/English text, by code point.
 *
 * Plain comparisons rather than regular expressions: these run once per
 * character of every file.
 */

/**
 * Whether a code point is a Han ideograph (CJK Unified Ideographs and their
 * extensions, compatibility ideographs, `々` and `〇`).
 * @param code A Unicode code point.
 */
export function isHan(code: number): boolean {
  if (code < 0x3005) return false
  if (code <= 0x9fff) {
    return code >= 0x4e00 || (code >= 0x3400 && code <= 0x4dbf) || code === 0x3005 || code === 0x3007
  }
  if (code >= 0xf900 && code <= 0xfaff) return true
  return code >= 0x20000 && code <= 0x323af
}

/**
 * Whether a code point is kana, hangul or bopomofo: East Asian letters that
 * are not Han.
 * @param code A Unicode code point.
 */
export function isOtherEastAsianLetter(code: number): boolean {
  return (
    (code >= 0x3040 && code <= 0x30ff) || // hiragana, katakana
    (code >= 0x3100 && code <= 0x312f) || // bopomofo
    (code >= 0x31f0 && code <= 0x31ff) ||
    (code >= 0xac00 && code <= 0xd7af) || // hangul syllables
    (code >= 0x1100 && code <= 0x11ff)
  )
}

/**
 * Whether a code point is a Latin letter (ASCII or accented).
 * @param code A Unicode code point.
 */
export function isLatinLetter(code: number): boolean {
  if (code < 0x80) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
  return (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) || (code >= 0x1e00 && code <= 0x1eff)
}

/**
 * Whether a code point is an ASCII digit.
 * @param code A Unicode code point.
 */
export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

/**
 * Whether a code point is white space, including the ideographic space.
 * @param code A Unicode code point.
 */
export function isWhiteSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0xfeff ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x1680
  )
}

/**
 * Whether a code point is a full-width form or CJK punctuation
 * (`，。！？：；（）“”‘’《》【】、…`).
 * @param code A Unicode code point.
 */
export function isCjkPunctuation(code: number): boolean {
  return (
    (code >= 0x3001 && code <= 0x3003) ||
    (code >= 0x3008 && code <= 0x3011) ||
    (code >= 0x3014 && code <= 0x301f) ||
    (code >= 0xff01 && code <= 0xff0f) ||
    (code >= 0xff1a && code <= 0xff20) ||
    (code >= 0xff3b && code <= 0xff40) ||
    (code >= 0xff5b && code <= 0xff65) ||
    code === 0x2014 ||
    code === 0x2026 ||
    code === 0x00b7
  )
}

const letterPattern = /\p{L}|\p{M}/u
const numberPattern = /\p{N}/u
const punctuationPattern = /\p{P}/u

/** Coarse classes used by the tokenizer (plain numbers: compared per character). */
export const CharClass = {
  /** Han ideograph. */
  Han: 1,
  /** Any other letter or combining mark (Latin, Greek, kana, …). */
  Letter: 2,
  /** A digit or other number character. */
  Digit: 3,
  /** White space. */
  Space: 4,
  /** Punctuation (`\p{P}`). */
  Punctuation: 5,
  /** Anything else: symbols, emoji, controls. */
  Symbol: 6,
} as const

/** One of the {@link CharClass} values. */
export type CharClass = (typeof CharClass)[keyof typeof CharClass]

/**
 * The tokenizer class of a code point.
 * @param code A Unicode code point.
 */
export function classify(code: number): CharClass {
  if (code < 0x80) {
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return CharClass.Letter
    if (code >= 48 && code <= 57) return CharClass.Digit
    if (code === 32 || (code >= 9 && code <= 13)) return CharClass.Space
    if (code < 32 || code === 127) return CharClass.Symbol
    // ASCII punctuation versus symbols ($ + < = > ^ ` | ~).
    return code === 36 || code === 43 || code === 60 || code === 61 || code === 62 || code === 94 || code === 96 || code === 124 || code === 126
      ? CharClass.Symbol
      : CharClass.Punctuation
  }
  if (isHan(code)) return CharClass.Han
  if (isWhiteSpace(code)) return CharClass.Space
  const character = String.fromCodePoint(code)
  if (letterPattern.test(character)) return CharClass.Letter
  if (numberPattern.test(character)) return CharClass.Digit
  if (punctuationPattern.test(character)) return CharClass.Punctuation
  return CharClass.Symbol
}
