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
import type {Paragraph} from 'nlcst'
import type {Block, ScriptLanguage} from '../../src/document/types.js'
import {paragraphLeaves, type ParagraphLeaf} from '../../src/document/walk.js'
import {defineRule, ruleUrl, type RuleReport} from '../../src/engine/rule.js'
import type {FixApplicability} from '../../src/types.js'
import {CharClass, classify, isDigit, isHan} from '../../src/text/scripts.js'

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

/** What a token of the paragraph is, for this rule. */
type TokenKind = 'han' | 'latin' | 'number' | 'space' | 'mark' | 'other'

/** One leaf of a paragraph, flattened, with its source offsets; words are told apart by script. */
type Token = Omit<ParagraphLeaf, 'kind'> & {kind: TokenKind}

/** Everything the checks of one paragraph read. */
interface ParagraphContext {
  tokens: Token[]
  /** Index of the matching bracket or quote, or -1. */
  partner: Int32Array
  /** Sentences with Han outside brackets and quotes: Chinese sentences. */
  chineseSentences: Set<number>
  /** Parenthesis and quote nesting depth of each token. */
  depth: Int32Array
  /** Han and Latin words before each token, for the letters of a group in O(1). */
  hanBefore: Int32Array
  latinBefore: Int32Array
  /** Marks that belong to an emoticon (`:)`, `;-)`). */
  emoticon: Set<number>
  /** The block's language, standing in for a side with no word. */
  blockScript: Script | null
  /** The file text. */
  text: string
  options: PunctuationWidthOptions
}

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

/** Brackets and quotes that open a group. */
const openers = new Set(['(', '（', '“'])

/** Brackets and quotes that close a group. */
const closers = new Set([')', '）', '”'])

/** Marks and word values that can follow `:` or `;` (and a nose) in an emoticon. */
const emoticonMouths = new Set([')', '(', ']', '[', '|', '/', '\\', '*', 'D', 'P', 'p', 'O', 'o', 'd', '3', 'S', 's', 'x', 'X'])

/** Chinese numerals that open a numbered heading (`一.概述`). */
const chineseNumerals = new Set([...'〇零一二两三四五六七八九十'])

/** Whether a code point is kana: Japanese follows the full-width convention too. */
function isKana(code: number): boolean {
  return code >= 0x3040 && code <= 0x30ff
}

/** The kind of a word: Han (or kana), Latin-script letters, or only digits. */
function wordKind(value: string): TokenKind {
  let hasDigit = false
  for (const character of value) {
    const code = character.codePointAt(0)!
    if (isHan(code) || isKana(code)) return 'han'
    if (isDigit(code)) hasDigit = true
    else if (classify(code) === CharClass.Letter) return 'latin'
  }
  return hasDigit ? 'number' : 'other'
}

/** The paragraph's leaves, with each word's kind refined to `han`, `latin`, `number` or `other`. */
function tokensOf(paragraph: Paragraph): Token[] {
  const tokens = paragraphLeaves(paragraph) as Array<ParagraphLeaf | Token>
  for (const token of tokens) if (token.kind === 'word') (token as Token).kind = wordKind(token.value)
  return tokens as Token[]
}

/** Whether token `b` starts where token `a` ends in the file. */
function touches(a: Token | undefined, b: Token | undefined): boolean {
  return a !== undefined && b !== undefined && a.end === b.start
}

/** Marks that form emoticons: `:)`, `;-)`, `:D` (a letter mouth only when no word follows it). */
function emoticonMarks(tokens: Token[]): Set<number> {
  const marks = new Set<number>()
  tokens.forEach((token, index) => {
    if (token.kind !== 'mark' || (token.value !== ':' && token.value !== ';')) return
    let mouth = index + 1
    const nose = tokens[mouth]
    if (touches(token, nose) && nose!.kind === 'mark' && (nose!.value === '-' || nose!.value === "'")) mouth++
    const mouthToken = tokens[mouth]
    if (!touches(tokens[mouth - 1], mouthToken) || !emoticonMouths.has(mouthToken!.value)) return
    const after = tokens[mouth + 1]
    if (mouthToken!.kind !== 'mark' && touches(mouthToken, after) && after!.kind !== 'space' && after!.kind !== 'mark') return
    for (let member = index; member <= mouth; member++) marks.add(member)
  })
  return marks
}

/** Matches brackets (of either width) and double quotes (curly by direction, straight by alternation). */
function pairGroups(tokens: Token[], emoticon: Set<number>): Int32Array {
  const partner = new Int32Array(tokens.length).fill(-1)
  const brackets: number[] = []
  const curly: number[] = []
  let straight = -1
  tokens.forEach((token, index) => {
    if (token.kind !== 'mark' || emoticon.has(index)) return
    const pair = (open: number | undefined): void => {
      if (open === undefined) return
      partner[open] = index
      partner[index] = open
    }
    switch (token.value) {
      case '(':
      case '（':
        brackets.push(index)
        break
      case ')':
      case '）':
        pair(brackets.pop())
        break
      case '“':
        curly.push(index)
        break
      case '”':
        pair(curly.pop())
        break
      case '"':
        if (straight === -1) straight = index
        else {
          pair(straight)
          straight = -1
        }
        break
      default:
        break
    }
  })
  return partner
}

/** Whether a paired token opens its group. */
function opensGroup(partner: Int32Array, index: number): boolean {
  return partner[index]! > index
}

/** Group depth of each token, and the sentences with Han outside every group. */
function groupDepths(tokens: Token[], partner: Int32Array): {depth: Int32Array; chineseSentences: Set<number>} {
  const depth = new Int32Array(tokens.length)
  const chineseSentences = new Set<number>()
  let level = 0
  tokens.forEach((token, index) => {
    const paired = partner[index] !== -1
    if (paired && !opensGroup(partner, index)) level = Math.max(0, level - 1)
    depth[index] = level
    if (paired && opensGroup(partner, index)) level++
    if (token.kind === 'han' && level === 0) chineseSentences.add(token.sentence)
  })
  return {depth, chineseSentences}
}

/** Running counts of Han and Latin words: entry `i` counts tokens `0 … i-1`. */
function wordCounts(tokens: Token[]): {hanBefore: Int32Array; latinBefore: Int32Array} {
  const hanBefore = new Int32Array(tokens.length + 1)
  const latinBefore = new Int32Array(tokens.length + 1)
  tokens.forEach((token, index) => {
    hanBefore[index + 1] = hanBefore[index]! + (token.kind === 'han' ? 1 : 0)
    latinBefore[index + 1] = latinBefore[index]! + (token.kind === 'latin' ? 1 : 0)
  })
  return {hanBefore, latinBefore}
}

/** `zh` or `en` for a block language; null when it has no letters. */
function scriptOfLanguage(language: ScriptLanguage): Script | null {
  return language === 'und' ? null : language
}

/** Builds what the checks of one block read. */
function paragraphContext(block: Block, paragraph: Paragraph, text: string, options: PunctuationWidthOptions): ParagraphContext {
  const tokens = tokensOf(paragraph)
  const emoticon = emoticonMarks(tokens)
  const partner = pairGroups(tokens, emoticon)
  const {depth, chineseSentences} = groupDepths(tokens, partner)
  const {hanBefore, latinBefore} = wordCounts(tokens)
  return {tokens, partner, chineseSentences, depth, hanBefore, latinBefore, emoticon, blockScript: scriptOfLanguage(block.language), text, options}
}

/**
 * The script of the nearest word from `from` in direction `step`, skipping
 * spaces, digits, marks, symbols and code, and jumping over a whole
 * bracketed or quoted group; null when none is near.
 */
function scriptBeside(context: ParagraphContext, from: number, step: 1 | -1): Script | null {
  const {tokens, partner} = context
  let index = from
  for (let steps = 0; steps < maxNeighbourSteps && index >= 0 && index < tokens.length; steps++) {
    const token = tokens[index]!
    if (token.kind === 'han') return 'zh'
    if (token.kind === 'latin') return 'en'
    const other = partner[index]!
    // Jump a whole group: `Xi Jinping (习近平)，Huang` reads `Jinping` before the comma.
    if (other !== -1 && (step === -1 ? other < index : other > index)) index = other
    index += step
  }
  return null
}

/** The scripts on the left and right of a span; a side with no word stands for the block's language. */
function sides(context: ParagraphContext, first: number, last: number): [Script, Script] | null {
  const left = scriptBeside(context, first - 1, -1) ?? context.blockScript
  const right = scriptBeside(context, last + 1, 1) ?? context.blockScript
  return left && right ? [left, right] : null
}

/** Safe when the block's language agrees with both sides, unsafe otherwise. */
function applicability(context: ParagraphContext, script: Script): FixApplicability {
  return context.blockScript === script ? 'safe' : 'unsafe'
}

/** Whether a mark sits between two digits: `3,000`, `10：30`. */
function betweenDigits(tokens: Token[], index: number): boolean {
  const before = tokens[index - 1]
  const after = tokens[index + 1]
  return (
    touches(before, tokens[index]) &&
    touches(tokens[index], after) &&
    isDigit(before!.value.charCodeAt(before!.value.length - 1)) &&
    isDigit(after!.value.charCodeAt(0))
  )
}

/** Whether a half-width mark is spaced the English way: followed by a space, a mark or nothing. */
function spacedTheEnglishWay(tokens: Token[], index: number): boolean {
  const after = tokens[index + 1]
  return after === undefined || after.kind === 'space' || after.kind === 'mark'
}

/** Whether the token is white space on one line, standing in the file as in the prose. */
function isAbsorbableSpace(token: Token | undefined, text: string): boolean {
  if (token?.kind !== 'space' || /[\n\r]/.test(token.value)) return false
  return text.slice(token.start, token.end) === token.value
}

/** The mark's span widened over the spaces that touch it (Chinese marks take no spaces). */
function spanWithSpaces(context: ParagraphContext, index: number): [number, number] {
  const {tokens, text} = context
  const token = tokens[index]!
  const before = tokens[index - 1]
  const after = tokens[index + 1]
  const start = touches(before, token) && isAbsorbableSpace(before, text) ? before!.start : token.start
  const end = touches(token, after) && isAbsorbableSpace(after, text) ? after!.end : token.end
  return [start, end]
}

/** Whether a token is a word, a symbol or code: something a half-width mark needs a space from. */
function isWordLike(token: Token | undefined): boolean {
  return token !== undefined && token.kind !== 'space' && token.kind !== 'mark'
}

/** The half-width replacement of a closing-side mark, with the space English puts after it. */
function englishAfter(context: ParagraphContext, index: number, replacement: string): Finding['expected'] {
  const {tokens, partner} = context
  const after = tokens[index + 1]
  const opensNext = after?.kind === 'mark' && partner[index + 1] !== -1 && opensGroup(partner, index + 1)
  const needsSpace = touches(tokens[index], after) && (isWordLike(after) || opensNext)
  return [needsSpace ? `${replacement} ` : replacement]
}

/** The half-width replacement of an opening mark, with the space English puts before it. */
function englishBefore(context: ParagraphContext, index: number, replacement: string): Finding['expected'] {
  const before = context.tokens[index - 1]
  return [touches(before, context.tokens[index]) && isWordLike(before) ? ` ${replacement}` : replacement]
}

/** A finding that replaces a mark and the spaces around it with its full-width form. */
function chineseFinding(context: ParagraphContext, index: number, replacement: string, fix: FixApplicability, why: string): Finding {
  const [start, end] = spanWithSpaces(context, index)
  const mark = context.tokens[index]!.value
  return {mark: index, message: `Unexpected half-width \`${mark}\` ${why}, expected \`${replacement}\``, start, end, expected: [replacement], fix}
}

/** A finding that replaces a full-width mark (and spaces before a trailing one) with its half-width form. */
function englishFinding(context: ParagraphContext, index: number, expected: string[], fix: FixApplicability, trailing: boolean): Finding {
  const token = context.tokens[index]!
  const before = context.tokens[index - 1]
  const start = trailing && touches(before, token) && isAbsorbableSpace(before, context.text) ? before!.start : token.start
  return {
    mark: index,
    message: `Unexpected full-width \`${token.value}\` in English text, expected \`${expected[0]!.trim()}\``,
    start,
    end: token.end,
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
  let mapped = ''
  for (const character of value) {
    const replacement = table[character]
    if (replacement === undefined) return null
    mapped += replacement
  }
  return mapped
}

/** A `.` after a Chinese numeral that opens the block (`一.概述`): numbering, left to the numbering rules. */
function isNumeralMarker(tokens: Token[], index: number): boolean {
  const before = tokens[index - 1]
  if (!before || before.kind !== 'han' || [...before.value].some((character) => !chineseNumerals.has(character))) return false
  for (let earlier = index - 2; earlier >= 0; earlier--) if (tokens[earlier]!.kind !== 'space') return false
  return true
}

/** Half-width `,;:?!` (and runs like `!!`): Chinese text wants the full-width form. */
function checkHalfWidthClauseMark(context: ParagraphContext, index: number, fullWidth: string): Finding | null {
  const {tokens, options} = context
  const scripts = sides(context, index, index)
  if (!scripts) return null
  const [left, right] = scripts
  if (left === 'zh' && right === 'zh') return chineseFinding(context, index, fullWidth, applicability(context, 'zh'), 'in Chinese text')
  if (left === 'en' && right === 'en') {
    const token = tokens[index]!
    const listComma = token.value === ',' && context.chineseSentences.has(token.sentence) && context.depth[index] === 0
    if (!listComma || options.allowEnglishListsInChinese) return null
    return chineseFinding(context, index, fullWidth, 'unsafe', 'between English words in a Chinese sentence')
  }
  // A seam between Chinese and English: fine when the English spacing holds (`霾, meaning`).
  if (spacedTheEnglishWay(tokens, index)) return null
  const mark = tokens[index]!.value
  const [start, end] = spanWithSpaces(context, index)
  const expected = left === 'zh' ? [fullWidth, `${mark} `] : [`${mark} `, fullWidth]
  return {
    mark: index,
    message: `Unexpected half-width \`${mark}\` glued between Chinese and English, expected \`${fullWidth}\` in Chinese or \`${mark} \` in English`,
    start: left === 'zh' ? start : tokens[index]!.start,
    end: left === 'zh' ? end : tokens[index]!.end,
    expected,
    fix: 'unsafe',
  }
}

/** A half-width `.` right after a Han character, in Chinese text: `完整.不得`. */
function checkHalfWidthPeriod(context: ParagraphContext, index: number): Finding | null {
  const {tokens} = context
  const before = tokens[index - 1]
  if (!touches(before, tokens[index]) || before!.kind !== 'han' || isNumeralMarker(tokens, index)) return null
  const scripts = sides(context, index, index)
  if (!scripts || scripts[0] !== 'zh' || scripts[1] !== 'zh') return null
  return chineseFinding(context, index, '。', applicability(context, 'zh'), 'in Chinese text')
}

/** `...` in Chinese text, where the ellipsis is `……`. */
function checkHalfWidthEllipsis(context: ParagraphContext, index: number): Finding | null {
  const scripts = sides(context, index, index)
  if (!scripts || scripts[0] !== 'zh' || scripts[1] !== 'zh') return null
  return chineseFinding(context, index, '……', applicability(context, 'zh'), 'in Chinese text')
}

/** Full-width `，。；：！？、` or `……` between English words, outside Chinese sentences. */
function checkFullWidthMark(context: ParagraphContext, index: number, halfWidth: string): Finding | null {
  const scripts = sides(context, index, index)
  if (!scripts || scripts[0] !== 'en' || scripts[1] !== 'en') return null
  // `支持 JPG，PNG 格式`: English words inside a Chinese sentence keep Chinese marks.
  if (context.chineseSentences.has(context.tokens[index]!.sentence)) return null
  return englishFinding(context, index, englishAfter(context, index, halfWidth), applicability(context, 'en'), true)
}

/** Whether a group holds letters, and whether it holds Han. */
function groupLetters(context: ParagraphContext, open: number, close: number): {letters: boolean; han: boolean} {
  const han = context.hanBefore[close]! - context.hanBefore[open + 1]! > 0
  const latin = context.latinBefore[close]! - context.latinBefore[open + 1]! > 0
  return {letters: han || latin, han}
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
function checkGroup(context: ParagraphContext, open: number, close: number): Finding[] {
  const {tokens, options} = context
  const inside = groupLetters(context, open, close)
  // `(1)`, `(^_^)`: numbering and emoticons, not text.
  if (!inside.letters) return []
  const scripts = sides(context, open, close)
  if (!scripts || scripts[0] !== scripts[1]) return []
  const findings: Finding[] = []
  if (scripts[0] === 'zh') {
    for (const index of [open, close]) {
      const replacement = fullWidthBracket(tokens[index]!.value, index === open)
      if (replacement) findings.push(chineseFinding(context, index, replacement, applicability(context, 'zh'), 'in Chinese text'))
    }
    return findings
  }
  if (context.chineseSentences.has(tokens[open]!.sentence)) return []
  const curlyQuotes = tokens[open]!.value === '“' || tokens[close]!.value === '”'
  // Quotes around Chinese in an English sentence (`as “蓝天保卫战”`) are left alone.
  if (curlyQuotes && inside.han) return []
  for (const index of [open, close]) {
    const replacement = halfWidthBracket(tokens[index]!.value, options.allowCurlyQuotesInEnglish)
    if (!replacement) continue
    const expected = index === open ? englishBefore(context, index, replacement) : englishAfter(context, index, replacement)
    findings.push(englishFinding(context, index, expected, applicability(context, 'en'), false))
  }
  return findings
}

/** The check of one unpaired mark, or null when its value is not one this rule knows. */
function checkMark(context: ParagraphContext, index: number): Finding | null {
  const value = context.tokens[index]!.value
  const fullWidth = mapEach(value, fullWidthOf)
  if (fullWidth) return checkHalfWidthClauseMark(context, index, fullWidth)
  if (value === '.') return checkHalfWidthPeriod(context, index)
  if (isRunOf(value, '.', 3)) return checkHalfWidthEllipsis(context, index)
  if (isRunOf(value, '…', 2)) return checkFullWidthMark(context, index, '...')
  const halfWidth = mapEach(value, halfWidthOf)
  return halfWidth ? checkFullWidthMark(context, index, halfWidth) : null
}

/** Every finding in one paragraph, in token order. */
function paragraphFindings(context: ParagraphContext): Finding[] {
  const {tokens, partner} = context
  const findings: Finding[] = []
  tokens.forEach((token, index) => {
    if (token.kind !== 'mark' || context.emoticon.has(index)) return
    const other = partner[index]!
    if (other !== -1) {
      if (other > index) findings.push(...checkGroup(context, index, other))
      return
    }
    if (openers.has(token.value) || closers.has(token.value) || token.value === '"' || betweenDigits(tokens, index)) return
    const finding = checkMark(context, index)
    if (finding) findings.push(finding)
  })
  return findings
}

/**
 * The report of a finding; the fix is dropped when the mark does not stand
 * in the file as the prose has it (an entity such as `&quot;`). Spaces in
 * the span were checked when they were taken in.
 */
function toReport(finding: Finding, context: ParagraphContext): RuleReport {
  const {message, start, end, expected, fix} = finding
  const token = context.tokens[finding.mark]!
  const faithful = context.text.slice(token.start, token.end) === token.value
  return faithful && fix ? {message, start, end, expected, fix} : {message, start, end, expected}
}

export default defineRule<PunctuationWidthOptions>(
  {
    id: 'punctuation-width',
    description: 'Full-width punctuation in English text, or half-width punctuation in Chinese text',
    type: 'layout',
    languages: ['en', 'zh'],
    fixable: 'sometimes',
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      properties: {
        allowEnglishListsInChinese: {type: 'boolean'},
        allowCurlyQuotesInEnglish: {type: 'boolean'},
      },
      additionalProperties: false,
    },
    url: ruleUrl('punctuation-width'),
    presets: ['recommended', 'zh-typography'],
  },
  {allowEnglishListsInChinese: true, allowCurlyQuotesInEnglish: false},
  ({index, options, report}) => ({
    block(block) {
      if (!block.paragraph) return
      const context = paragraphContext(block, block.paragraph, index.text, options)
      for (const finding of paragraphFindings(context)) report(toReport(finding, context))
    },
  }),
)
