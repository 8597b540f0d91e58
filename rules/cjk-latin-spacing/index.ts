/**
 * cjk-latin-spacing: a missing space between Chinese characters and Latin
 * letters or digits (`部署到heroku有问题`, `共3个`), and a superfluous space
 * between Chinese text and full-width punctuation (`中文 ，`).
 *
 * It reads the prose through nlcst, so Markdown markup between two words
 * (`**粗体**English`) is seen as the gap it is: the space is inserted on
 * the side of the markup that keeps the emphasis or link intact.
 */
import type {Block} from '../../src/document/types.js'
import type {ProseText} from '../../src/parser/prose.js'
import {blockLeaves, type ParagraphLeaf} from '../../src/document/walk.js'
import {defineRule, type RuleReport} from '../../src/engine/rule.js'
import {isCjkPunctuation, isDigit, isHan, isLatinLetter, isWhiteSpace} from '../../src/text/scripts.js'
import {meta} from './meta.js'

/** Options of cjk-latin-spacing. */
export interface CjkLatinSpacingOptions {
  /**
   * Also require a space between Chinese characters and numbers, and after a
   * number's `%`, `°` or `℃` before Chinese (`共 3 个`, `有 15% 的`)
   * (default: `true`). Set to `false` to check Latin letters only.
   */
  numbers: boolean
}

/** One leaf of a paragraph, flattened, with its source offsets. */
type Token = ParagraphLeaf

/** What a piece of inline markup does at a word boundary. */
type MarkupRole = 'open' | 'close' | 'neutral'

/** One piece of inline markup in the gap between two words. */
interface MarkupSegment {
  role: MarkupRole
  /** Source offset just past the piece. */
  end: number
}

/** The markup between two characters of the prose, read. */
interface Gap {
  segments: MarkupSegment[]
  /** Whether the gap held something this rule cannot read (an escape, an entity's tail). */
  unknown: boolean
}

/** Unit signs that attach to the number before them (`10%`, `5℃`) and take a space before Chinese. */
const attachedUnits = new Set(['%', '‰', '°', '℃', '℉'])

/** Marks shared with English typography, which the no-space convention does not cover. */
const sharedMarks = new Set([0x2014, 0x2026, 0x00b7])

/** The first code point of a text, as a string. */
function firstCharacter(value: string): string {
  return String.fromCodePoint(value.codePointAt(0) ?? 0)
}

/** The last code point of a text, as a string. */
function lastCharacter(value: string): string {
  const last = value.charCodeAt(value.length - 1)
  return last >= 0xdc00 && last <= 0xdfff && value.length > 1 ? value.slice(-2) : value.slice(-1)
}

/** Whether a character is Han. */
function isHanCharacter(character: string): boolean {
  return isHan(character.codePointAt(0) ?? 0)
}

/** Whether a character is a Latin letter, or a digit when numbers are checked. */
function isLatinSide(character: string, options: CjkLatinSpacingOptions): boolean {
  const code = character.codePointAt(0) ?? 0
  return isLatinLetter(code) || (options.numbers && isDigit(code))
}

/** Whether a token is a unit sign attached to the number before it (`15%`). */
function isAttachedUnit(tokens: Token[], index: number): boolean {
  const token = tokens[index]!
  const before = tokens[index - 1]
  return attachedUnits.has(token.value) && before?.kind === 'word' && before.end === token.start && isDigit(before.value.charCodeAt(before.value.length - 1))
}

/** Whether tokens `index` and `index + 1` are Chinese and Latin (either order) with nothing between in the prose. */
function isMissingSpace(tokens: Token[], index: number, options: CjkLatinSpacingOptions): boolean {
  const before = tokens[index]!
  const after = tokens[index + 1]
  if (after?.kind !== 'word') return false
  const next = firstCharacter(after.value)
  if (before.kind === 'word') {
    const last = lastCharacter(before.value)
    return (isHanCharacter(last) && isLatinSide(next, options)) || (isLatinSide(last, options) && isHanCharacter(next))
  }
  return options.numbers && isHanCharacter(next) && isAttachedUnit(tokens, index)
}

/** Whether a token is a mark of the Chinese set: full-width, and not shared with English (`—`, `…`). */
function isFullWidthMark(token: Token | undefined): boolean {
  if (token?.kind !== 'mark') return false
  for (const character of token.value) {
    const code = character.codePointAt(0)!
    if (!isCjkPunctuation(code) || sharedMarks.has(code)) return false
  }
  return true
}

/** Whether a token is text a full-width mark must touch: Chinese always, Latin words in Chinese blocks. */
function isTextBeside(token: Token | undefined, block: Block): boolean {
  if (token?.kind !== 'word') return false
  return isHanCharacter(firstCharacter(token.value)) || block.language === 'zh'
}

/** Whether a space token stands between full-width punctuation and text. */
function isSuperfluousSpace(tokens: Token[], index: number, block: Block): boolean {
  const space = tokens[index]!
  if (space.kind !== 'space' || /[\n\r]/.test(space.value)) return false
  const before = tokens[index - 1]
  const after = tokens[index + 1]
  return (isFullWidthMark(before) && isTextBeside(after, block)) || (isTextBeside(before, block) && isFullWidthMark(after))
}

/** Open `*`, `_` and `~` delimiters seen so far in a block: decides whether the next run opens or closes. */
class DelimiterState {
  private readonly open = new Map<string, number>()

  /**
   * The role of a delimiter run, updating the count: a run closes when the
   * same character is open, and opens otherwise.
   * @param character `*`, `_` or `~`.
   * @param length The run's length.
   */
  take(character: string, length: number): MarkupRole {
    const open = this.open.get(character) ?? 0
    if (open > 0) {
      this.open.set(character, Math.max(0, open - length))
      return 'close'
    }
    this.open.set(character, length)
    return 'open'
  }
}

/** Offset just past the bracket that closes the one at `start` (`(` … `)`, `[` … `]`), or `end`. */
function closingBracketEnd(text: string, start: number, end: number): number {
  const open = text[start]!
  const close = open === '(' ? ')' : ']'
  let depth = 0
  for (let at = start; at < end; at++) {
    if (text[at] === open) depth++
    else if (text[at] === close && --depth === 0) return at + 1
  }
  return end
}

/** After `]`: the destination `(…)` or label `[…]` of a link, if any. */
function linkTailEnd(text: string, at: number, end: number): number {
  const next = text[at]
  return next === '(' || next === '[' ? closingBracketEnd(text, at, end) : at
}

/**
 * Reads the inline markup in `text[start, end)`: emphasis runs, link
 * brackets, footnote references and images. A gap that opens the block or
 * spans a line break counts only after its last white space: before it stand
 * block syntax and line prefixes (`## `, `- `, `> `, indents).
 */
function readGap(text: string, start: number, end: number, state: DelimiterState, opensBlock: boolean): Gap {
  let at = start
  if (opensBlock || /[\n\r]/.test(text.slice(start, end))) {
    at = end
    while (at > start && !isWhiteSpace(text.charCodeAt(at - 1))) at--
  }
  const segments: MarkupSegment[] = []
  let unknown = false
  while (at < end) {
    const character = text[at]!
    if (character === '*' || character === '_' || character === '~') {
      let runEnd = at
      while (runEnd < end && text[runEnd] === character) runEnd++
      segments.push({role: state.take(character, runEnd - at), end: runEnd})
      at = runEnd
    } else if (character === '[' && text[at + 1] === '^') {
      at = closingBracketEnd(text, at, end)
      segments.push({role: 'neutral', end: at})
    } else if (character === '!' && text[at + 1] === '[') {
      at = linkTailEnd(text, closingBracketEnd(text, at + 1, end), end)
      segments.push({role: 'neutral', end: at})
    } else if (character === '[') {
      at++
      segments.push({role: 'open', end: at})
    } else if (character === ']') {
      at = linkTailEnd(text, at + 1, end)
      segments.push({role: 'close', end: at})
    } else {
      unknown = true
      at++
    }
  }
  return {segments, unknown}
}

/**
 * Where a space goes in a gap of markup: after everything that closes
 * (`**粗体**|English`, `[文档](url)|English`), before everything that opens
 * (`English|**粗体**`); null when the gap cannot be read that way.
 */
function insertionPoint(gap: Gap, gapStart: number): number | null {
  if (gap.unknown) return null
  let point = gapStart
  let opened = false
  for (const segment of gap.segments) {
    if (segment.role === 'open') opened = true
    else if (opened && segment.role === 'close') return null
    else if (!opened) point = segment.end
  }
  return point
}

/**
 * The markup gaps of a block, keyed by the source offset just past each
 * gap, read in order. Found from the prose map, so gaps inside a word
 * (`列表**粗体**`: one Han run in the prose) count too.
 */
function blockGaps(block: Block, prose: ProseText, text: string): Map<number, Gap> {
  const gaps = new Map<number, Gap>()
  const state = new DelimiterState()
  let previousEnd = block.start
  for (let offset = 0; offset < prose.value.length; offset++) {
    const source = prose.toSource(offset)
    if (source > previousEnd) gaps.set(source, readGap(text, previousEnd, source, state, previousEnd === block.start))
    previousEnd = Math.max(previousEnd, source + 1)
  }
  return gaps
}

/** A short form of a word for messages: its last or first few characters. */
function excerpt(value: string, fromEnd: boolean): string {
  const characters = [...value]
  if (characters.length <= 12) return value
  return fromEnd ? `…${characters.slice(-8).join('')}` : `${characters.slice(0, 8).join('')}…`
}

/** The report of a missing space between tokens `index` and `index + 1`. */
function missingSpaceReport(tokens: Token[], index: number, gaps: Map<number, Gap>, text: string): RuleReport {
  const before = tokens[index]!
  const after = tokens[index + 1]!
  const last = lastCharacter(before.value)
  const first = firstCharacter(after.value)
  const start = before.end - last.length
  const end = after.start + first.length
  const message = `Missing space between \`${excerpt(before.value, true)}\` and \`${excerpt(after.value, false)}\``
  const faithful = text.slice(start, before.end) === last && text.slice(after.start, end) === first
  if (!faithful) return {message, start, end}
  const gap = gaps.get(after.start)
  if (!gap) return {message, start, end, expected: [`${last} ${first}`], fix: 'safe'}
  // Fixes write on prose only: the space joins the character on the far side of the markup.
  const point = insertionPoint(gap, before.end)
  if (point === before.end) return {message, start, end: before.end, expected: [`${last} `], fix: 'safe'}
  if (point === after.start) return {message, start: after.start, end, expected: [` ${first}`], fix: 'safe'}
  return {message, start, end}
}

/** The report of a superfluous space at token `index`. */
function superfluousSpaceReport(tokens: Token[], index: number, text: string): RuleReport | null {
  const space = tokens[index]!
  const before = tokens[index - 1]!
  const after = tokens[index + 1]!
  const between = text.slice(before.end, after.start)
  // A line break (or a Markdown hard break) is not a space to remove.
  if (/[\n\r]/.test(between)) return null
  const mark = isFullWidthMark(before) ? before.value : after.value
  const message = `Unexpected space ${mark === before.value ? 'after' : 'before'} full-width \`${mark}\``
  if (between !== space.value) return {message, start: space.start, end: space.end}
  return {message, start: space.start, end: space.end, expected: [''], fix: 'safe'}
}

export default defineRule<CjkLatinSpacingOptions>(
  meta,
  {numbers: true},
  ({index, options, report}) => {
    const text = index.text
    return {
      block(block) {
        if (!block.tokens || !block.prose) return
        const tokens = blockLeaves(block.tokens)
        const gaps = blockGaps(block, block.prose, text)
        tokens.forEach((_token, position) => {
          if (isMissingSpace(tokens, position, options)) report(missingSpaceReport(tokens, position, gaps, text))
          if (isSuperfluousSpace(tokens, position, block)) {
            const finding = superfluousSpaceReport(tokens, position, text)
            if (finding) report(finding)
          }
        })
      },
      paragraphs: false,
    }
  },
)
