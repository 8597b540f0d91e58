/**
 * punctuation-width: full-width punctuation in English text (`visitors。`,
 * `Hello，world`) and half-width punctuation in Chinese text (`完整,不得`,
 * `问题(见附件)处理`).
 *
 * Which convention a mark must follow is read from the words on both sides
 * of it (spaces, digits, other marks and code skipped; a parenthesised or
 * quoted group jumped over), not from the block's language alone: in
 * `全局变量 Vue 上。For example,` the `。` ends the Chinese sentence and stays.
 */
import type {Block, ScriptLanguage} from '../../src/document/types.js'
import {defineRule, type RuleReport} from '../../src/engine/rule.js'
import {type BlockTokens, TokenType} from '../../src/parser/block-tokens.js'
import type {FixApplicability} from '../../src/types.js'
import {CharClass, classify, isDigit, isHan} from '../../src/text/scripts.js'
import {meta} from './meta.js'

/** Options of punctuation-width. */
export interface PunctuationWidthOptions {
  /**
   * Accept half-width commas between English words inside a Chinese
   * sentence, as in `支持 JPG, PNG, GIF 格式` (default: `true`).
   */
  allowEnglishListsInChinese: boolean
  /**
   * Accept curly double quotes `“…”` around English text in English
   * sentences, for documents set in English typographic quotes
   * (default: `false`: they are reported and fixed to `"…"`).
   */
  allowCurlyQuotesInEnglish: boolean
}

/** The script whose punctuation convention applies. */
type Script = 'zh' | 'en'

/** What a token of the paragraph is, for this rule (plain numbers: compared per token). */
const Kind = {
  /** A word with Han or kana. */
  Han: 0,
  /** A word with Latin-script letters. */
  Latin: 1,
  /** A word of digits only. */
  Number: 2,
  /** White space. */
  Space: 3,
  /** Punctuation. */
  Mark: 4,
  /** Anything else: symbols, code, words without letters or digits. */
  Other: 5,
} as const

/** One of the {@link Kind} values. */
type TokenKind = (typeof Kind)[keyof typeof Kind]

/** No token: a missing partner. */
const none = -1

/** A finding before it is turned into a report. */
interface Finding {
  /** Index of the mark's token. */
  mark: number
  message: string
  start: number
  end: number
  expected: string[]
  fix?: FixApplicability
}

/** How far (in tokens) the search for a neighbouring word goes. */
const maxNeighbourSteps = 16

/** Half-width marks that end a clause, and their full-width forms. */
const fullWidthOf: Record<string, string> = {',': '，', ';': '；', ':': '：', '?': '？', '!': '！'}

/** Full-width marks that end a clause, and their half-width forms. */
const halfWidthOf: Record<string, string> = {'，': ',', '。': '.', '；': ';', '：': ':', '！': '!', '？': '?', '、': ','}

/** Whether a mark is a bracket or double quote that opens or closes a group: `(`, `（`, `“`, `)`, `）`, `”`, `"`. */
function isGroupMark(value: string): boolean {
  if (value.length !== 1) return false
  const code = value.charCodeAt(0)
  return code === 0x28 || code === 0x29 || code === 0x22 || code === 0xff08 || code === 0xff09 || code === 0x201c || code === 0x201d
}

/** Marks and word values that can follow `:` or `;` (and a nose) in an emoticon. */
const emoticonMouths = new Set([')', '(', ']', '[', '|', '/', '\\', '*', 'D', 'P', 'p', 'O', 'o', 'd', '3', 'S', 's', 'x', 'X'])

/** Chinese numerals that open a numbered heading (`一.概述`). */
const chineseNumerals = new Set([...'〇零一二两三四五六七八九十'])

/**
 * The lowest UTF-16 code of any character this rule acts on: `“` (U+201C).
 * `”`, `…`, CJK and full-width punctuation, kana and Han all lie above it.
 */
const lowestNotableCode = 0x201c

/** Whether a code point is kana: Japanese follows the full-width convention too. */
function isKana(code: number): boolean {
  return code >= 0x3040 && code <= 0x30ff
}

/** The kind of a word: Han (or kana), Latin-script letters, or only digits. */
function wordKind(value: string): TokenKind {
  let hasDigit = false
  for (let index = 0; index < value.length; index++) {
    let code = value.charCodeAt(index)
    if (code >= 0xd800 && code <= 0xdbff) {
      code = value.codePointAt(index)!
      if (code > 0xffff) index++
    }
    if (isHan(code) || isKana(code)) return Kind.Han
    if (isDigit(code)) hasDigit = true
    else if (classify(code) === CharClass.Letter) return Kind.Latin
  }
  return hasDigit ? Kind.Number : Kind.Other
}

/**
 * What the checks read about a block's tokens, as columns beside the block's
 * own (text, file offsets, sentence): each token's kind, the bracket and
 * quote pairs, group depths, running word counts, emoticons and the
 * sentences with Han outside groups. One table serves every block in turn,
 * so reading a block allocates no token objects.
 */
class TokenTable {
  /** Number of tokens. */
  length = 0
  /** Kind of each token. */
  kinds = new Uint8Array(256)
  /** The block's tokens read last: their texts, file offsets and sentences. */
  block!: BlockTokens
  /** Index of the matching bracket or quote, or -1. */
  partner = new Int32Array(256)
  /** Parenthesis and quote nesting depth of each token. */
  depth = new Int32Array(256)
  /** 1 for the marks of an emoticon (`:)`, `;-)`). */
  emoticon = new Uint8Array(256)
  /** Han and Latin words before each token (entry `i` counts tokens `0 … i-1`), for the letters of a group in O(1). */
  hanBefore = new Int32Array(257)
  latinBefore = new Int32Array(257)
  /** 1 for a sentence with Han outside brackets and quotes: a Chinese sentence. */
  chineseSentences = new Uint8Array(64)
  /** Open brackets and curly quotes while pairing. */
  private readonly brackets: number[] = []
  private readonly curly: number[] = []

  /**
   * Reads a block's tokens in place of the previous ones, and what the checks read about them.
   * @param block The block's tokens.
   */
  read(block: BlockTokens): void {
    const length = block.length
    while (this.kinds.length < length) this.grow()
    this.length = length
    this.block = block
    if (this.chineseSentences.length < block.children) this.chineseSentences = new Uint8Array(block.children * 2)
    else this.chineseSentences.fill(0, 0, block.children)
    const {types, texts} = block
    const kinds = this.kinds
    for (let index = 0; index < length; index++) {
      switch (types[index]) {
        case TokenType.Word:
          kinds[index] = wordKind(texts[index]!)
          break
        case TokenType.Space:
          kinds[index] = Kind.Space
          break
        case TokenType.Punctuation:
          kinds[index] = Kind.Mark
          break
        default:
          kinds[index] = Kind.Other
      }
    }
    this.findEmoticons()
    this.pairGroups()
    this.measureGroups()
  }

  /** Whether token `b` exists and starts where token `a` ends in the file. */
  touches(a: number, b: number): boolean {
    return a >= 0 && b >= 0 && a < this.length && b < this.length && this.block.ends[a] === this.block.starts[b]
  }

  /** Whether token `index` exists and is of `kind`. */
  isKind(index: number, kind: TokenKind): boolean {
    return index >= 0 && index < this.length && this.kinds[index] === kind
  }

  /** Whether a paired token opens its group. */
  opensGroup(index: number): boolean {
    return this.partner[index]! > index
  }

  /** Doubles the room of every column. */
  private grow(): void {
    const size = this.kinds.length * 2
    this.kinds = new Uint8Array(size)
    this.partner = new Int32Array(size)
    this.depth = new Int32Array(size)
    this.emoticon = new Uint8Array(size)
    this.hanBefore = new Int32Array(size + 1)
    this.latinBefore = new Int32Array(size + 1)
  }

  /** Marks the marks that form emoticons: `:)`, `;-)`, `:D` (a letter mouth only when no word follows it). */
  private findEmoticons(): void {
    const {length, kinds, emoticon} = this
    const values = this.block.texts
    emoticon.fill(0, 0, length)
    for (let index = 0; index < length; index++) {
      if (kinds[index] !== Kind.Mark || (values[index] !== ':' && values[index] !== ';')) continue
      let mouth = index + 1
      if (this.touches(index, mouth) && kinds[mouth] === Kind.Mark && (values[mouth] === '-' || values[mouth] === "'")) mouth++
      if (!this.touches(mouth - 1, mouth) || !emoticonMouths.has(values[mouth]!)) continue
      const after = mouth + 1
      if (kinds[mouth] !== Kind.Mark && this.touches(mouth, after) && kinds[after] !== Kind.Space && kinds[after] !== Kind.Mark) continue
      emoticon.fill(1, index, mouth + 1)
    }
  }

  /** Matches brackets (of either width) and double quotes (curly by direction, straight by alternation). */
  private pairGroups(): void {
    const {length, kinds, emoticon, partner, brackets, curly} = this
    const values = this.block.texts
    partner.fill(none, 0, length)
    brackets.length = 0
    curly.length = 0
    let straight = none
    for (let index = 0; index < length; index++) {
      if (kinds[index] !== Kind.Mark || emoticon[index]) continue
      switch (values[index]) {
        case '(':
        case '（':
          brackets.push(index)
          break
        case ')':
        case '）':
          this.pair(brackets.pop(), index)
          break
        case '“':
          curly.push(index)
          break
        case '”':
          this.pair(curly.pop(), index)
          break
        case '"':
          if (straight === none) straight = index
          else {
            this.pair(straight, index)
            straight = none
          }
          break
        default:
          break
      }
    }
  }

  /** Pairs an opener, if there is one, with the closer at `close`. */
  private pair(open: number | undefined, close: number): void {
    if (open === undefined) return
    this.partner[open] = close
    this.partner[close] = open
  }

  /** Group depth of each token, the sentences with Han outside every group, and the running word counts. */
  private measureGroups(): void {
    const {length, kinds, partner, depth, chineseSentences, hanBefore, latinBefore} = this
    const sentences = this.block.sentences
    let level = 0
    for (let index = 0; index < length; index++) {
      const other = partner[index]!
      if (other !== none && other < index) level = Math.max(0, level - 1)
      depth[index] = level
      if (other > index) level++
      const kind = kinds[index]
      if (kind === Kind.Han && level === 0) chineseSentences[sentences[index]!] = 1
      hanBefore[index + 1] = hanBefore[index]! + (kind === Kind.Han ? 1 : 0)
      latinBefore[index + 1] = latinBefore[index]! + (kind === Kind.Latin ? 1 : 0)
    }
  }
}

/** The table every block is read into. */
const table = new TokenTable()

/** Everything the checks of one paragraph read. */
interface ParagraphContext {
  tokens: TokenTable
  /** The block's language, standing in for a side with no word. */
  blockScript: Script | null
  /** The file text. */
  text: string
  options: PunctuationWidthOptions
}

/** `zh` or `en` for a block language; null when it has no letters. */
function scriptOfLanguage(language: ScriptLanguage): Script | null {
  return language === 'und' ? null : language
}

/**
 * Whether a block's prose holds a character this rule could act on. Without
 * Han, kana, CJK or full-width marks, curly double quotes and `…`, every
 * word is Latin and so is the block: no mark can be in the wrong width.
 */
function mayNeedChecking(block: Block): boolean {
  if (block.scripts.han > 0 || !block.prose) return true
  const value = block.prose.value
  for (let index = 0; index < value.length; index++) if (value.charCodeAt(index) >= lowestNotableCode) return true
  return false
}

/** Whether token `index` is in a Chinese sentence: one with Han outside brackets and quotes. */
function inChineseSentence(context: ParagraphContext, index: number): boolean {
  return context.tokens.chineseSentences[context.tokens.block.sentences[index]!] === 1
}

/**
 * The script of the nearest word from `from` in direction `step`, skipping
 * spaces, digits, marks, symbols and code, and jumping over a whole
 * bracketed or quoted group; null when none is near.
 */
function scriptBeside(context: ParagraphContext, from: number, step: 1 | -1): Script | null {
  const {kinds, partner, length} = context.tokens
  let index = from
  for (let steps = 0; steps < maxNeighbourSteps && index >= 0 && index < length; steps++) {
    const kind = kinds[index]
    if (kind === Kind.Han) return 'zh'
    if (kind === Kind.Latin) return 'en'
    const other = partner[index]!
    // Jump a whole group: `Xi Jinping (习近平)，Huang` reads `Jinping` before the comma.
    if (other !== none && (step === -1 ? other < index : other > index)) index = other
    index += step
  }
  return null
}

/** The script on the left of token `first`; with no word there, the block's language. */
function leftScript(context: ParagraphContext, first: number): Script | null {
  return scriptBeside(context, first - 1, -1) ?? context.blockScript
}

/** The script on the right of token `last`; with no word there, the block's language. */
function rightScript(context: ParagraphContext, last: number): Script | null {
  return scriptBeside(context, last + 1, 1) ?? context.blockScript
}

/** Whether both sides of a mark are in `script`. */
function bothSidesIn(context: ParagraphContext, index: number, script: Script): boolean {
  const left = leftScript(context, index)
  const right = rightScript(context, index)
  return left === script && right === script
}

/** Safe when the block's language agrees with both sides, unsafe otherwise. */
function applicability(context: ParagraphContext, script: Script): FixApplicability {
  return context.blockScript === script ? 'safe' : 'unsafe'
}

/** Whether a mark sits between two digits: `3,000`, `10：30`. */
function betweenDigits(tokens: TokenTable, index: number): boolean {
  if (!tokens.touches(index - 1, index) || !tokens.touches(index, index + 1)) return false
  const before = tokens.block.texts[index - 1]!
  return isDigit(before.charCodeAt(before.length - 1)) && isDigit(tokens.block.texts[index + 1]!.charCodeAt(0))
}

/** Whether a half-width mark is spaced the English way: followed by a space, a mark or nothing. */
function spacedTheEnglishWay(tokens: TokenTable, index: number): boolean {
  return index + 1 >= tokens.length || tokens.isKind(index + 1, Kind.Space) || tokens.isKind(index + 1, Kind.Mark)
}

/** Whether token `index` is white space on one line, standing in the file as in the prose. */
function isAbsorbableSpace(tokens: TokenTable, index: number, text: string): boolean {
  if (!tokens.isKind(index, Kind.Space)) return false
  const value = tokens.block.texts[index]!
  if (/[\n\r]/.test(value)) return false
  return text.slice(tokens.block.starts[index], tokens.block.ends[index]) === value
}

/** The mark's span widened over the spaces that touch it (Chinese marks take no spaces). */
function spanWithSpaces(context: ParagraphContext, index: number): [number, number] {
  const {tokens, text} = context
  const before = index - 1
  const after = index + 1
  const start = tokens.touches(before, index) && isAbsorbableSpace(tokens, before, text) ? tokens.block.starts[before]! : tokens.block.starts[index]!
  const end = tokens.touches(index, after) && isAbsorbableSpace(tokens, after, text) ? tokens.block.ends[after]! : tokens.block.ends[index]!
  return [start, end]
}

/** Whether token `index` is a word, a symbol or code: something a half-width mark needs a space from. */
function isWordLike(tokens: TokenTable, index: number): boolean {
  return index >= 0 && index < tokens.length && tokens.kinds[index] !== Kind.Space && tokens.kinds[index] !== Kind.Mark
}

/** The half-width replacement of a closing-side mark, with the space English puts after it. */
function englishAfter(context: ParagraphContext, index: number, replacement: string): Finding['expected'] {
  const {tokens} = context
  const after = index + 1
  const opensNext = tokens.isKind(after, Kind.Mark) && tokens.partner[after] !== none && tokens.opensGroup(after)
  const needsSpace = tokens.touches(index, after) && (isWordLike(tokens, after) || opensNext)
  return [needsSpace ? `${replacement} ` : replacement]
}

/** The half-width replacement of an opening mark, with the space English puts before it. */
function englishBefore(context: ParagraphContext, index: number, replacement: string): Finding['expected'] {
  const {tokens} = context
  return [tokens.touches(index - 1, index) && isWordLike(tokens, index - 1) ? ` ${replacement}` : replacement]
}

/** A finding that replaces a mark and the spaces around it with its full-width form. */
function chineseFinding(context: ParagraphContext, index: number, replacement: string, fix: FixApplicability, why: string): Finding {
  const [start, end] = spanWithSpaces(context, index)
  const mark = context.tokens.block.texts[index]!
  return {mark: index, message: `Unexpected half-width \`${mark}\` ${why}, expected \`${replacement}\``, start, end, expected: [replacement], fix}
}

/** A finding that replaces a full-width mark (and spaces before a trailing one) with its half-width form. */
function englishFinding(context: ParagraphContext, index: number, expected: string[], fix: FixApplicability, trailing: boolean): Finding {
  const {tokens, text} = context
  const before = index - 1
  const start = trailing && tokens.touches(before, index) && isAbsorbableSpace(tokens, before, text) ? tokens.block.starts[before]! : tokens.block.starts[index]!
  return {
    mark: index,
    message: `Unexpected full-width \`${tokens.block.texts[index]!}\` in English text, expected \`${expected[0]!.trim()}\``,
    start,
    end: tokens.block.ends[index]!,
    expected,
    fix,
  }
}

/** Whether every character of a value is `character`. */
function isRunOf(value: string, character: string, minimum: number): boolean {
  if (value.length < minimum) return false
  for (const each of value) if (each !== character) return false
  return true
}

/** The mark repeated with each character mapped (`!!` → `！！`), or null when one is not in the table. */
function mapEach(value: string, table: Record<string, string>): string | null {
  if (value.length === 1) return table[value] ?? null
  let mapped = ''
  for (const character of value) {
    const replacement = table[character]
    if (replacement === undefined) return null
    mapped += replacement
  }
  return mapped
}

/** A `.` after a Chinese numeral that opens the block (`一.概述`): numbering, left to the numbering rules. */
function isNumeralMarker(tokens: TokenTable, index: number): boolean {
  if (!tokens.isKind(index - 1, Kind.Han)) return false
  for (const character of tokens.block.texts[index - 1]!) if (!chineseNumerals.has(character)) return false
  for (let earlier = index - 2; earlier >= 0; earlier--) if (tokens.kinds[earlier] !== Kind.Space) return false
  return true
}

/** Half-width `,;:?!` (and runs like `!!`): Chinese text wants the full-width form. */
function checkHalfWidthClauseMark(context: ParagraphContext, index: number, fullWidth: string): Finding | null {
  const {tokens, options} = context
  const left = leftScript(context, index)
  const right = rightScript(context, index)
  if (!left || !right) return null
  if (left === 'zh' && right === 'zh') return chineseFinding(context, index, fullWidth, applicability(context, 'zh'), 'in Chinese text')
  if (left === 'en' && right === 'en') {
    const listComma = tokens.block.texts[index] === ',' && inChineseSentence(context, index) && tokens.depth[index] === 0
    if (!listComma || options.allowEnglishListsInChinese) return null
    return chineseFinding(context, index, fullWidth, 'unsafe', 'between English words in a Chinese sentence')
  }
  // A seam between Chinese and English: fine when the English spacing holds (`霾, meaning`).
  if (spacedTheEnglishWay(tokens, index)) return null
  const mark = tokens.block.texts[index]!
  const [start, end] = spanWithSpaces(context, index)
  const expected = left === 'zh' ? [fullWidth, `${mark} `] : [`${mark} `, fullWidth]
  return {
    mark: index,
    message: `Unexpected half-width \`${mark}\` glued between Chinese and English, expected \`${fullWidth}\` in Chinese or \`${mark} \` in English`,
    start: left === 'zh' ? start : tokens.block.starts[index]!,
    end: left === 'zh' ? end : tokens.block.ends[index]!,
    expected,
    fix: 'unsafe',
  }
}

/** A half-width `.` right after a Han character, in Chinese text: `完整.不得`. */
function checkHalfWidthPeriod(context: ParagraphContext, index: number): Finding | null {
  const {tokens} = context
  if (!tokens.touches(index - 1, index) || tokens.kinds[index - 1] !== Kind.Han || isNumeralMarker(tokens, index)) return null
  if (!bothSidesIn(context, index, 'zh')) return null
  return chineseFinding(context, index, '。', applicability(context, 'zh'), 'in Chinese text')
}

/** `...` in Chinese text, where the ellipsis is `……`. */
function checkHalfWidthEllipsis(context: ParagraphContext, index: number): Finding | null {
  if (!bothSidesIn(context, index, 'zh')) return null
  return chineseFinding(context, index, '……', applicability(context, 'zh'), 'in Chinese text')
}

/** Full-width `，。；：！？、` or `……` between English words, outside Chinese sentences. */
function checkFullWidthMark(context: ParagraphContext, index: number, halfWidth: string): Finding | null {
  if (!bothSidesIn(context, index, 'en')) return null
  // `支持 JPG，PNG 格式`: English words inside a Chinese sentence keep Chinese marks.
  if (inChineseSentence(context, index)) return null
  return englishFinding(context, index, englishAfter(context, index, halfWidth), applicability(context, 'en'), true)
}

/** Whether a group holds Han or Latin words. */
function groupHasLetters(tokens: TokenTable, open: number, close: number): boolean {
  return groupHasHan(tokens, open, close) || tokens.latinBefore[close]! - tokens.latinBefore[open + 1]! > 0
}

/** Whether a group holds Han words. */
function groupHasHan(tokens: TokenTable, open: number, close: number): boolean {
  return tokens.hanBefore[close]! - tokens.hanBefore[open + 1]! > 0
}

/** The full-width form of a half-width bracket or quote, by its side. */
function fullWidthBracket(value: string, opening: boolean): string | null {
  if (value === '(') return '（'
  if (value === ')') return '）'
  if (value === '"') return opening ? '“' : '”'
  return null
}

/** The half-width form of a full-width bracket or curly quote. */
function halfWidthBracket(value: string, allowCurly: boolean): string | null {
  if (value === '（') return '('
  if (value === '）') return ')'
  if ((value === '“' || value === '”') && !allowCurly) return '"'
  return null
}

/** A pair of brackets or quotes: the text outside decides its width. */
function checkGroup(context: ParagraphContext, open: number, close: number, report: (finding: Finding) => void): void {
  const {tokens, options} = context
  // `(1)`, `(^_^)`: numbering and emoticons, not text.
  if (!groupHasLetters(tokens, open, close)) return
  const left = leftScript(context, open)
  const right = rightScript(context, close)
  if (!left || !right || left !== right) return
  if (left === 'zh') {
    for (const index of [open, close]) {
      const replacement = fullWidthBracket(tokens.block.texts[index]!, index === open)
      if (replacement) report(chineseFinding(context, index, replacement, applicability(context, 'zh'), 'in Chinese text'))
    }
    return
  }
  if (inChineseSentence(context, open)) return
  const curlyQuotes = tokens.block.texts[open] === '“' || tokens.block.texts[close] === '”'
  // Quotes around Chinese in an English sentence (`as “蓝天保卫战”`) are left alone.
  if (curlyQuotes && groupHasHan(tokens, open, close)) return
  for (const index of [open, close]) {
    const replacement = halfWidthBracket(tokens.block.texts[index]!, options.allowCurlyQuotesInEnglish)
    if (!replacement) continue
    const expected = index === open ? englishBefore(context, index, replacement) : englishAfter(context, index, replacement)
    report(englishFinding(context, index, expected, applicability(context, 'en'), false))
  }
}

/** The check of one unpaired mark, or null when its value is not one this rule knows. */
function checkMark(context: ParagraphContext, index: number): Finding | null {
  const value = context.tokens.block.texts[index]!
  const fullWidth = mapEach(value, fullWidthOf)
  if (fullWidth) return checkHalfWidthClauseMark(context, index, fullWidth)
  if (value === '.') return checkHalfWidthPeriod(context, index)
  if (isRunOf(value, '.', 3)) return checkHalfWidthEllipsis(context, index)
  if (isRunOf(value, '…', 2)) return checkFullWidthMark(context, index, '...')
  const halfWidth = mapEach(value, halfWidthOf)
  return halfWidth ? checkFullWidthMark(context, index, halfWidth) : null
}

/** Reports every finding in one paragraph, in token order. */
function checkParagraph(context: ParagraphContext, report: (finding: Finding) => void): void {
  const {tokens} = context
  const {kinds, partner, emoticon} = tokens
  const values = tokens.block.texts
  for (let index = 0; index < tokens.length; index++) {
    if (kinds[index] !== Kind.Mark || emoticon[index]) continue
    const other = partner[index]!
    if (other !== none) {
      if (other > index) checkGroup(context, index, other, report)
      continue
    }
    const value = values[index]!
    if (isGroupMark(value) || betweenDigits(tokens, index)) continue
    const finding = checkMark(context, index)
    if (finding) report(finding)
  }
}

/**
 * The report of a finding; the fix is dropped when the mark does not stand
 * in the file as the prose has it (an entity such as `&quot;`). Spaces in
 * the span were checked when they were taken in.
 */
function toReport(finding: Finding, context: ParagraphContext): RuleReport {
  const {message, start, end, expected, fix} = finding
  const {tokens} = context
  const faithful = context.text.slice(tokens.block.starts[finding.mark], tokens.block.ends[finding.mark]) === tokens.block.texts[finding.mark]
  return faithful && fix ? {message, start, end, expected, fix} : {message, start, end, expected}
}

export default defineRule<PunctuationWidthOptions>(
  meta,
  {allowEnglishListsInChinese: true, allowCurlyQuotesInEnglish: false},
  ({index, options, report}) => ({
    block(block) {
      if (!block.tokens || !mayNeedChecking(block)) return
      table.read(block.tokens)
      const context: ParagraphContext = {tokens: table, blockScript: scriptOfLanguage(block.language), text: index.text, options}
      checkParagraph(context, (finding) => report(toReport(finding, context)))
    },
    paragraphs: false,
  }),
)
