/**
 * Numbering markers at the start of a block or a sentence, parsed into a
 * style and a value: `1.`, `1)`, `(1)`, `1、`, `一、`, `（一）`, `一是`,
 * `第一，`, `①`, `I.`, `A.`, `First,`, `The second is`, `Step 3`.
 *
 * Every pattern is anchored and bounded, so matching is linear.
 */

/** A numbering style. Styles of one family never mix within one sequence. */
export type NumberingStyle =
  | 'decimal-dot' // 1.
  | 'decimal-paren-right' // 1)
  | 'decimal-paren' // (1)
  | 'decimal-fullwidth-paren' // （1）
  | 'decimal-dun' // 1、
  | 'cn-dun' // 一、
  | 'cn-paren' // （一）
  | 'cn-shi' // 一是
  | 'cn-di' // 第一，
  | 'cn-chapter' // 第一章
  | 'circled' // ①
  | 'roman-upper' // I.
  | 'roman-lower' // i.
  | 'alpha-upper' // A.
  | 'alpha-lower' // a.
  | 'ordinal-comma' // First, / Firstly,
  | 'ordinal-is' // The first is
  | 'step' // Step 3
  | 'outline' // 1.1

/** A marker found at the start of a text. */
export interface NumberingMarker {
  /** The style family. */
  style: NumberingStyle
  /** The number it stands for (1-based). */
  value: number
  /** The marker as written, e.g. `二、` or `The second is`. */
  text: string
  /** Offset of the marker in the text it was found in. */
  start: number
  /** Offset just past the marker. */
  end: number
}

/** Styles written in Chinese (a sign of untranslated text in an English document). */
export const chineseStyles: ReadonlySet<NumberingStyle> = new Set([
  'decimal-fullwidth-paren',
  'decimal-dun',
  'cn-dun',
  'cn-paren',
  'cn-shi',
  'cn-di',
  'cn-chapter',
])

/** Styles that also count when they open a sentence inside a paragraph. */
export const inlineStyles: ReadonlySet<NumberingStyle> = new Set([
  'ordinal-comma',
  'ordinal-is',
  'cn-shi',
  'cn-di',
  'decimal-paren',
  'decimal-fullwidth-paren',
  'circled',
])

const englishOrdinals = [
  'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth',
]
const ordinalValue = new Map<string, number>()
englishOrdinals.forEach((word, index) => {
  ordinalValue.set(word, index + 1)
  ordinalValue.set(`${word}ly`, index + 1)
})

const chineseDigits: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
}

/**
 * Value of a Chinese numeral up to 99 (`一`, `十`, `十二`, `二十三`), or 0.
 * @param numeral The numeral.
 */
export function chineseNumeralValue(numeral: string): number {
  if (numeral.length === 0 || numeral.length > 3) return 0
  const ten = numeral.indexOf('十')
  if (ten === -1) return numeral.length === 1 ? (chineseDigits[numeral] ?? 0) : 0
  const tens = ten === 0 ? 1 : (chineseDigits[numeral.slice(0, ten)] ?? 0)
  const units = ten === numeral.length - 1 ? 0 : (chineseDigits[numeral.slice(ten + 1)] ?? -100)
  const value = tens * 10 + units
  return value > 0 ? value : 0
}

const romanValues: Record<string, number> = {I: 1, V: 5, X: 10, L: 50}

/** Value of a Roman numeral up to 49 written canonically, or 0. */
function romanValue(numeral: string): number {
  const upper = numeral.toUpperCase()
  let total = 0
  for (let index = 0; index < upper.length; index++) {
    const value = romanValues[upper[index]!] ?? 0
    const next = romanValues[upper[index + 1] ?? ''] ?? 0
    if (value === 0) return 0
    total += value < next ? -value : value
  }
  return total > 0 && toRoman(total) === upper ? total : 0
}

function toRoman(value: number): string {
  const table: Array<[number, string]> = [[40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']]
  let rest = value
  let result = ''
  for (const [amount, letters] of table) {
    while (rest >= amount) {
      result += letters
      rest -= amount
    }
  }
  return result
}

const cnNumeral = '[〇零一二两三四五六七八九十]{1,3}'

/**
 * What may follow an outline number (`1.2`): a trailing dot before a space or
 * a Han character, a space and a title that does not start lower-case, with a
 * digit or with `/ ( [ - – — | :`, or a Han character that is not a unit or
 * magnitude. So `1.5 million`, `1.5亿元` and the version in `3.0.2 / 2018-07-19`
 * are not outline numbers while `1.2 Scope` and `1.2概述` are.
 */
const outlineEnd =
  '(?:\\.(?=\\s|[\\u4e00-\\u9fff])|(?=\\s+[^\\sa-z\\d/(\\[\\-–—|:])|(?=(?![万亿千百倍元吨米个年月日号时分秒岁次])[\\u4e00-\\u9fff]))'

/** A marker pattern: its style, its anchored regex, the characters a match can start with and the number it stands for. */
interface MarkerPattern {
  style: NumberingStyle
  pattern: RegExp
  /** Every character a text must start with for the pattern to give a marker. */
  firsts: string
  /** Whether a text that starts with `prefix` may give a marker; absent when its first character decides. */
  fits?: (prefix: string) => boolean
  value: (match: RegExpExecArray) => number
}

const digits = '0123456789'
const cnNumeralChars = '〇零一二两三四五六七八九十'
const upperLetters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const circledNumbers = Array.from({length: 20}, (_, index) => String.fromCharCode(0x2460 + index)).join('')
/** The ordinals as an `ordinal-comma` marker writes them: `First`, `Firstly`, … */
const capitalisedOrdinals = [...ordinalValue.keys()].map((word) => `${word[0]!.toUpperCase()}${word.slice(1)}`)
/** First letters of the capitalised ordinals: an `ordinal-comma` match counts only on one of them. */
const ordinalInitials = [...new Set(capitalisedOrdinals.map((word) => word[0]!))].join('')

/** Whether `prefix` and `literal` agree as far as the shorter goes: a text starting with `prefix` may start with `literal`. */
function agrees(prefix: string, literal: string): boolean {
  return prefix.length <= literal.length ? literal.startsWith(prefix) : prefix.startsWith(literal)
}

/** A capital and the lower-case ASCII letters after it at the start of `prefix`. */
function leadingCapitalisedWord(prefix: string): string {
  let end = 1
  while (end < prefix.length && prefix.charCodeAt(end) >= 97 && prefix.charCodeAt(end) <= 122) end++
  return prefix.slice(0, end)
}

/** Every start of a capitalised ordinal: `F`, `Fi`, … `Firstly`. */
const ordinalStarts: ReadonlySet<string> = new Set(
  capitalisedOrdinals.flatMap((ordinal) => Array.from({length: ordinal.length}, (_, index) => ordinal.slice(0, index + 1))),
)

/** Whether a text starting with `prefix` may open with a capitalised ordinal (`Second`, not `Since`). */
function mayOpenWithOrdinal(prefix: string): boolean {
  return ordinalStarts.has(leadingCapitalisedWord(prefix))
}

const patterns: MarkerPattern[] = [
  {style: 'outline', pattern: new RegExp(`^(\\d{1,3})(?:\\.\\d{1,3}){1,4}${outlineEnd}`), firsts: digits, value: (m) => Number(m[1])},
  // `1. Scope`, `1.统筹`; not `20.x` (a version) or `1.5` (a decimal).
  {style: 'decimal-dot', pattern: /^(\d{1,3})\.(?=\s|[^\x00-\x7f])/, firsts: digits, value: (m) => Number(m[1])},
  {style: 'decimal-paren-right', pattern: /^(\d{1,3})\)/, firsts: digits, value: (m) => Number(m[1])},
  {style: 'decimal-paren', pattern: /^\((\d{1,3})\)/, firsts: '(', value: (m) => Number(m[1])},
  {style: 'decimal-fullwidth-paren', pattern: /^（(\d{1,3})）/, firsts: '（', value: (m) => Number(m[1])},
  {style: 'decimal-dun', pattern: /^(\d{1,3})、/, firsts: digits, value: (m) => Number(m[1])},
  {style: 'cn-dun', pattern: new RegExp(`^(${cnNumeral})、`), firsts: cnNumeralChars, value: (m) => chineseNumeralValue(m[1]!)},
  {style: 'cn-paren', pattern: new RegExp(`^[（(](${cnNumeral})[）)]`), firsts: '（(', value: (m) => chineseNumeralValue(m[1]!)},
  {style: 'cn-shi', pattern: new RegExp(`^(${cnNumeral})是`), firsts: cnNumeralChars, value: (m) => chineseNumeralValue(m[1]!)},
  {style: 'cn-chapter', pattern: new RegExp(`^第(${cnNumeral})[章节条部篇]`), firsts: '第', value: (m) => chineseNumeralValue(m[1]!)},
  {style: 'cn-di', pattern: new RegExp(`^第(${cnNumeral})[，、,]`), firsts: '第', value: (m) => chineseNumeralValue(m[1]!)},
  {style: 'circled', pattern: /^([\u2460-\u2473])/, firsts: circledNumbers, value: (m) => m[1]!.charCodeAt(0) - 0x2460 + 1},
  {style: 'roman-upper', pattern: /^([IVXL]{1,6})\.(?=\s)/, firsts: 'IVXL', value: (m) => romanValue(m[1]!)},
  {style: 'roman-lower', pattern: /^([ivxl]{1,6})\.(?=\s)/, firsts: 'ivxl', value: (m) => romanValue(m[1]!)},
  {style: 'alpha-upper', pattern: /^([A-Z])[.)](?=\s)/, firsts: upperLetters, value: (m) => m[1]!.charCodeAt(0) - 64},
  {style: 'alpha-lower', pattern: /^([a-z])[.)](?=\s)/, firsts: upperLetters.toLowerCase(), value: (m) => m[1]!.charCodeAt(0) - 96},
  {style: 'ordinal-comma', pattern: /^([A-Z][a-z]{4,9})(?: of all)?,/, firsts: ordinalInitials, fits: mayOpenWithOrdinal, value: (m) => ordinalValue.get(m[1]!.toLowerCase()) ?? 0},
  {style: 'ordinal-is', pattern: /^[Tt]he ([a-z]{5,8}) is\b/, firsts: 'Tt', fits: (prefix) => agrees(prefix, `${prefix[0]}he `), value: (m) => (ordinalValue.get(m[1]!) ?? 0) <= 12 && !m[1]!.endsWith('ly') ? (ordinalValue.get(m[1]!) ?? 0) : 0},
  {style: 'step', pattern: /^Step (\d{1,3})\b/, firsts: 'S', fits: (prefix) => agrees(prefix, 'Step '), value: (m) => Number(m[1])},
]

/** The patterns that can give a marker at a character, in the order they are tried, by the character's UTF-16 code: ASCII ones by index, others by key. */
const patternsByAsciiCode: Array<MarkerPattern[] | undefined> = Array.from({length: 128}, () => undefined)
const patternsByOtherCode = new Map<number, MarkerPattern[]>()
for (const entry of patterns) {
  for (let index = 0; index < entry.firsts.length; index++) {
    const code = entry.firsts.charCodeAt(index)
    const list = code < 128 ? patternsByAsciiCode[code] : patternsByOtherCode.get(code)
    if (list) list.push(entry)
    else if (code < 128) patternsByAsciiCode[code] = [entry]
    else patternsByOtherCode.set(code, [entry])
  }
}

/** The patterns worth trying on a text that starts with `code`, in `styles` when given; null when there are none. */
function candidatePatterns(code: number, styles: ReadonlySet<NumberingStyle> | undefined): readonly MarkerPattern[] | null {
  const candidates = code < 128 ? patternsByAsciiCode[code] : patternsByOtherCode.get(code)
  if (!candidates) return null
  if (!styles) return candidates
  for (const {style} of candidates) if (styles.has(style)) return candidates
  return null
}

/**
 * Whether a marker may open a text that starts with `prefix`: false means
 * {@link parseMarker} finds none there, so callers can skip reading the rest
 * of the text.
 * @param prefix The text's first characters (at least one).
 * @param styles Only these styles (all when omitted).
 */
export function mayStartMarker(prefix: string, styles?: ReadonlySet<NumberingStyle>): boolean {
  const candidates = candidatePatterns(prefix.charCodeAt(0), styles)
  if (!candidates) return false
  for (const {style, fits} of candidates) {
    if (styles && !styles.has(style)) continue
    if (!fits || fits(prefix)) return true
  }
  return false
}

/**
 * The numbering marker at `offset` in `text`, or null.
 * @param text The text (a block's prose, or a sentence).
 * @param offset Where to look.
 * @param styles Only these styles (all when omitted).
 */
export function parseMarker(text: string, offset = 0, styles?: ReadonlySet<NumberingStyle>): NumberingMarker | null {
  if (offset >= text.length) return null
  // Most positions start with a character no marker starts with.
  const candidates = candidatePatterns(text.charCodeAt(offset), styles)
  if (!candidates) return null
  // Every pattern is anchored with `^`; a short slice bounds the work per call.
  const head = text.slice(offset, offset + 48)
  for (const {style, pattern, value} of candidates) {
    if (styles && !styles.has(style)) continue
    const match = pattern.exec(head)
    if (!match) continue
    const number = value(match)
    if (number <= 0) continue
    return {style, value: number, text: match[0], start: offset, end: offset + match[0].length}
  }
  return null
}

/**
 * The marker text a sequence in `style` would use for `value`, for messages and fixes.
 * @param style The style.
 * @param value The number.
 */
export function formatMarker(style: NumberingStyle, value: number): string {
  switch (style) {
    case 'decimal-dot':
      return `${value}.`
    case 'decimal-paren-right':
      return `${value})`
    case 'decimal-paren':
      return `(${value})`
    case 'decimal-fullwidth-paren':
      return `（${value}）`
    case 'decimal-dun':
      return `${value}、`
    case 'cn-dun':
      return `${toChineseNumeral(value)}、`
    case 'cn-paren':
      return `（${toChineseNumeral(value)}）`
    case 'cn-shi':
      return `${toChineseNumeral(value)}是`
    case 'cn-di':
      return `第${toChineseNumeral(value)}，`
    case 'cn-chapter':
      return `第${toChineseNumeral(value)}章`
    case 'circled':
      return value <= 20 ? String.fromCharCode(0x2460 + value - 1) : `(${value})`
    case 'roman-upper':
      return `${toRoman(value)}.`
    case 'roman-lower':
      return `${toRoman(value).toLowerCase()}.`
    case 'alpha-upper':
      return `${String.fromCharCode(64 + value)}.`
    case 'alpha-lower':
      return `${String.fromCharCode(96 + value)}.`
    case 'ordinal-comma': {
      const word = englishOrdinals[value - 1] ?? `${value}th`
      return `${word[0]!.toUpperCase()}${word.slice(1)},`
    }
    case 'ordinal-is':
      return `The ${englishOrdinals[value - 1] ?? `${value}th`} is`
    case 'step':
      return `Step ${value}`
    case 'outline':
      return `${value}.`
  }
}

/**
 * A Chinese numeral for 1–99.
 * @param value The number.
 */
export function toChineseNumeral(value: number): string {
  const digits = '〇一二三四五六七八九'
  if (value < 10) return digits[value] ?? String(value)
  if (value >= 100) return String(value)
  const tens = Math.floor(value / 10)
  const units = value % 10
  return `${tens === 1 ? '' : digits[tens]}十${units === 0 ? '' : digits[units]}`
}
