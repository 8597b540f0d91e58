/**
 * mixed-language: text a translation left in the source language. Chinese
 * left in an English document (`二、Resolutely shoulder …`, a whole Chinese
 * paragraph) is an error; an English sentence left in a Chinese document
 * (`…挂载到全局变量上。For example, you can do:`) is a warning.
 *
 * Glosses (`Poyang Lake (鄱阳湖)`), cited words (`the character 霾`), quoted
 * or book-title text, links, bilingual table rows, names and short terms
 * (`API 接口`) are left alone.
 */
import type {Paragraph, Sentence} from 'nlcst'
import {readWordList} from '../../src/dictionaries.js'
import type {Block, DocumentIndex} from '../../src/document/types.js'
import {wordText} from '../../src/document/walk.js'
import {defineRule, ruleUrl, type RuleReport} from '../../src/engine/rule.js'
import {isHan, isLatinLetter} from '../../src/text/scripts.js'

/** Options of mixed-language. */
export interface MixedLanguageOptions {
  /**
   * Terms that may stay untranslated: Chinese terms in English text, English
   * phrases in Chinese text. Characters and words they cover do not count
   * (default: none).
   */
  allowedTerms: string[]
  /** Minimum Han characters in a run of Chinese in English text for it to be reported (default 1). */
  minRunLength: number
  /**
   * Minimum Latin words in a run of English in Chinese text for it to be
   * reported (default 6: shorter runs are mostly interface labels and terms,
   * `Save as a new file`).
   */
  minEnglishWords: number
}

/** English function words a run of Latin words needs before it reads as a sentence. */
const minFunctionWords = 2

/** Longest quote of Chinese in a message, in UTF-16 units. */
const maxChineseQuote = 12

/** Longest quote of English in a message, in UTF-16 units. */
const maxEnglishQuote = 32

/** What a token of a paragraph is, for this rule. */
type TokenKind =
  | 'han' // a run of Han characters
  | 'latin' // a word with Latin letters
  | 'number' // digits without letters
  | 'otherScript' // kana, hangul, Cyrillic, Greek, …
  | 'wideMark' // CJK or full-width punctuation and symbols (`、，（）《》`)
  | 'mark' // other punctuation
  | 'symbol'
  | 'space'
  | 'source' // code, URLs, e-mail addresses, file names, inline HTML

/** One leaf of a paragraph, with its offsets in the file. */
interface Token {
  kind: TokenKind
  text: string
  start: number
  end: number
}

/** A run of one language inside a paragraph: token indices of its first and last word. */
interface Run {
  first: number
  last: number
}

/** A paragraph's tokens with their bracket and quote pairs. */
interface TokenizedBlock {
  tokens: Token[]
  /** For a token that opens or closes a pair: the index of its partner, else -1. */
  partner: Int32Array
  /** For each token: the index of the opener of the innermost pair around it, else -1. */
  enclosing: Int32Array
}

/** What one language looks for in the other, and how it reports it. */
interface Direction {
  /** Language of the document. */
  documentLanguage: 'en' | 'zh'
  /** The token kind of the foreign language. */
  foreignKind: 'han' | 'latin'
  /** The token kind of the document's own language. */
  ownKind: 'han' | 'latin'
}

const englishDocument: Direction = {documentLanguage: 'en', foreignKind: 'han', ownKind: 'latin'}
const chineseDocument: Direction = {documentLanguage: 'zh', foreignKind: 'latin', ownKind: 'han'}

/** Closing mark of each opening bracket or quote; `"` and `＂` close themselves. */
const closerOf: ReadonlyMap<string, string> = new Map([
  ['(', ')'],
  ['（', '）'],
  ['[', ']'],
  ['【', '】'],
  ['“', '”'],
  ['‘', '’'],
  ['「', '」'],
  ['『', '』'],
  ['《', '》'],
  ['〈', '〉'],
  ['"', '"'],
  ['＂', '＂'],
])

/** Closing marks, for recognising a closer without its opener. */
const closers: ReadonlySet<string> = new Set(closerOf.values())

/** Openers whose pair is a parenthetical: a gloss when it follows text in the other language. */
const parentheses: ReadonlySet<string> = new Set(['(', '（', '[', '【'])

/** Latin marks that end a clause and stay with the words before them. */
const clauseEndings: ReadonlySet<string> = new Set(['.', ',', ':', ';', '!', '?', '...', '…'])

let functionWords: ReadonlySet<string> | undefined
let citationWords: ReadonlySet<string> | undefined

/** English function words, from `dictionaries/english-function-words.txt`. */
function functionWordSet(): ReadonlySet<string> {
  return (functionWords ??= new Set(readWordList('english-function-words.txt')))
}

/** Words that cite the Chinese after them, from `dictionaries/chinese-citation-words.txt`. */
function citationWordSet(): ReadonlySet<string> {
  return (citationWords ??= new Set(readWordList('chinese-citation-words.txt')))
}

/** Whether a code point is CJK or full-width punctuation or a symbol of those blocks. */
function isWideMark(code: number): boolean {
  return (
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0xff00 && code <= 0xffef) ||
    (code >= 0xfe10 && code <= 0xfe1f) ||
    (code >= 0xfe30 && code <= 0xfe4f)
  )
}

/** The kind of a word's text: Han runs are whole words, so the first character decides. */
function wordKind(text: string): TokenKind {
  if (isHan(text.codePointAt(0) ?? 0)) return 'han'
  let letters = false
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (isLatinLetter(code)) return 'latin'
    if (code > 0x7f && !letters) letters = /\p{L}/u.test(text[index]!)
  }
  return letters ? 'otherScript' : 'number'
}

/** A token from one nlcst leaf. */
function toToken(node: Sentence['children'][number] | Paragraph['children'][number]): Token | null {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return null
  switch (node.type) {
    case 'WordNode': {
      const text = wordText(node)
      return {kind: wordKind(text), text, start, end}
    }
    case 'PunctuationNode':
    case 'SymbolNode': {
      const kind = isWideMark(node.value.charCodeAt(0)) ? 'wideMark' : node.type === 'SymbolNode' ? 'symbol' : 'mark'
      return {kind, text: node.value, start, end}
    }
    case 'WhiteSpaceNode':
      return {kind: 'space', text: node.value, start, end}
    case 'SourceNode':
      return {kind: 'source', text: node.value, start, end}
    default:
      return null
  }
}

/** The leaves of a paragraph in order, across its sentences. */
function flatten(paragraph: Paragraph): Token[] {
  const tokens: Token[] = []
  const push = (node: Sentence['children'][number] | Paragraph['children'][number]): void => {
    const token = toToken(node)
    if (token) tokens.push(token)
  }
  for (const child of paragraph.children) {
    if (child.type === 'SentenceNode') for (const node of child.children) push(node)
    else push(child)
  }
  return tokens
}

/** Whether a token is a mark that can open or close a pair. */
function isPairMark(token: Token): boolean {
  return (token.kind === 'mark' || token.kind === 'wideMark') && (closerOf.has(token.text) || closers.has(token.text))
}

/** How many open marks an unmatched closer is compared with. */
const maxPairSearch = 32

/**
 * Pairs brackets and quotes with a stack: a closer pairs with the nearest
 * open mark it closes (unclosed marks inside are dropped); `"` closes an open
 * `"` or opens one.
 */
function pairMarks(tokens: readonly Token[]): Int32Array {
  const partner = new Int32Array(tokens.length).fill(-1)
  const open: number[] = []
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!
    if (!isPairMark(token)) continue
    let match = -1
    if (closers.has(token.text)) {
      // Look a bounded way down the stack: an unmatched closer must not cost a
      // scan of every opener (linear time on adversarial text).
      for (let depth = open.length - 1; depth >= 0 && depth >= open.length - maxPairSearch; depth--) {
        if (closerOf.get(tokens[open[depth]!]!.text) === token.text) {
          match = depth
          break
        }
      }
    }
    if (match !== -1) {
      partner[open[match]!] = index
      partner[index] = open[match]!
      open.length = match
    } else if (closerOf.has(token.text)) {
      open.push(index)
    }
  }
  return partner
}

/** For each token, the opener of the innermost closed pair around it. */
function enclosingPairs(partner: Int32Array): Int32Array {
  const enclosing = new Int32Array(partner.length).fill(-1)
  const open: number[] = []
  for (let index = 0; index < partner.length; index++) {
    const other = partner[index]!
    if (other !== -1 && other < index) open.pop()
    enclosing[index] = open[open.length - 1] ?? -1
    if (other > index) open.push(index)
  }
  return enclosing
}

/** A block's tokens and their pairs. */
function tokenizeBlock(paragraph: Paragraph): TokenizedBlock {
  const tokens = flatten(paragraph)
  const partner = pairMarks(tokens)
  return {tokens, partner, enclosing: enclosingPairs(partner)}
}

/**
 * Runs of the foreign language: from a foreign word to the last foreign word
 * before a word of the document's language, code or a foreign-breaking mark.
 * Chinese runs take digits, spaces and any punctuation between Han
 * (`二、加强党对…领导`); English runs take digits, spaces, Latin punctuation,
 * symbols and inline code between words, and stop at CJK punctuation.
 */
function foreignRuns(tokens: readonly Token[], direction: Direction): Run[] {
  const runs: Run[] = []
  let index = 0
  while (index < tokens.length) {
    if (tokens[index]!.kind !== direction.foreignKind) {
      index++
      continue
    }
    const first = index
    let last = index
    for (let next = index + 1; next < tokens.length; next++) {
      const kind = tokens[next]!.kind
      if (kind === direction.foreignKind) last = next
      else if (breaksRun(kind, direction)) break
    }
    runs.push({first, last})
    index = last + 1
  }
  return runs
}

/** Whether a token kind ends a foreign run. */
function breaksRun(kind: TokenKind, direction: Direction): boolean {
  if (kind === direction.ownKind) return true
  if (direction.foreignKind === 'han') return kind === 'source'
  return kind === 'wideMark' || kind === 'otherScript'
}

/** Index of the nearest word or code before `index`, skipping spaces, marks and symbols; -1 if none. */
function previousContent(tokens: readonly Token[], index: number): number {
  let before = index - 1
  while (before >= 0 && isFiller(tokens[before]!.kind)) before--
  return before
}

/** Index of the nearest word or code after `index`, skipping spaces, marks and symbols; -1 if none. */
function nextContent(tokens: readonly Token[], index: number): number {
  let after = index + 1
  while (after < tokens.length && isFiller(tokens[after]!.kind)) after++
  return after < tokens.length ? after : -1
}

/** Spaces, marks and symbols: what lies between words. */
function isFiller(kind: TokenKind): boolean {
  return kind === 'space' || kind === 'mark' || kind === 'wideMark' || kind === 'symbol'
}

/**
 * Whether the run sits inside quotes, book-title marks or a gloss in
 * parentheses: `“蓝天”`, `《The Art of War》`, `Poyang Lake (鄱阳湖)`,
 * `绿水青山（lucid waters and lush mountains）`.
 */
function isEnclosed(block: TokenizedBlock, run: Run, direction: Direction): boolean {
  const opener = block.enclosing[run.first]!
  if (opener === -1 || block.enclosing[run.last] !== opener) return false
  const tokens = block.tokens
  if (!parentheses.has(tokens[opener]!.text)) return true
  // A gloss opens with the foreign text and follows text in the document's language.
  if (nextContent(tokens, opener) !== run.first) return false
  const before = previousContent(tokens, opener)
  return before !== -1 && tokens[before]!.kind === direction.ownKind
}

/** Whether the run is followed by its gloss in parentheses: `鄱阳湖 (Poyang Lake)`, `Data Sync Service（数据同步服务）`. */
function isGlossed(block: TokenizedBlock, run: Run, direction: Direction): boolean {
  const tokens = block.tokens
  let after = run.last + 1
  while (after < tokens.length && tokens[after]!.kind === 'space') after++
  const opener = tokens[after]
  if (!opener || !parentheses.has(opener.text) || block.partner[after]! <= after) return false
  const inside = nextContent(tokens, after)
  return inside !== -1 && inside < block.partner[after]! && tokens[inside]!.kind === direction.ownKind
}

/** Whether Chinese in English text is cited after a word like `character` or `known as`. */
function isCited(tokens: readonly Token[], run: Run): boolean {
  const last = previousContent(tokens, run.first)
  if (last === -1 || tokens[last]!.kind !== 'latin') return false
  const word = tokens[last]!.text.toLowerCase()
  const citations = citationWordSet()
  if (citations.has(word)) return true
  const before = previousContent(tokens, last)
  return before !== -1 && tokens[before]!.kind === 'latin' && citations.has(`${tokens[before]!.text.toLowerCase()} ${word}`)
}

/** Whether the run is the whole text of a Markdown link: `[How to use the API](…)`. */
function isLinkText(index: DocumentIndex, tokens: readonly Token[], run: Run): boolean {
  if (index.format !== 'markdown') return false
  const text = index.text
  let end = tokens[run.last]!.end
  while (end < text.length && clauseEndings.has(text[end]!)) end++
  return text[tokens[run.first]!.start - 1] === '[' && text[end] === ']'
}

/** The text of tokens `first`…`last`, and each token's offset in it. */
function runText(tokens: readonly Token[], first: number, last: number): {text: string; offsets: number[]} {
  let text = ''
  const offsets: number[] = []
  for (let index = first; index <= last; index++) {
    offsets.push(text.length)
    text += tokens[index]!.text
  }
  return {text, offsets}
}

/** Whether the UTF-16 unit at `index` is a Latin letter or digit (a word goes on across it). */
function isWordCharacter(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  return isLatinLetter(code) || (code >= 48 && code <= 57)
}

/**
 * Marks the characters of `text` that allowed terms cover. A term that
 * starts or ends with a Latin letter must start or end a word there.
 */
function coverAllowedTerms(text: string, terms: readonly string[]): Uint8Array {
  const covered = new Uint8Array(text.length)
  for (const term of terms) {
    for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
      const end = at + term.length
      if (isWordCharacter(term, 0) && at > 0 && isWordCharacter(text, at - 1)) continue
      if (isWordCharacter(term, term.length - 1) && isWordCharacter(text, end)) continue
      covered.fill(1, at, end)
    }
  }
  return covered
}

/** Han characters of a run that no allowed term covers. */
function countHan(tokens: readonly Token[], run: Run, terms: readonly string[]): number {
  const {text} = runText(tokens, run.first, run.last)
  const covered = coverAllowedTerms(text, terms)
  let count = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.codePointAt(index)!
    if (isHan(code) && !covered[index]) count++
    if (code > 0xffff) index++
  }
  return count
}

/** Words of an English run that no allowed term covers. */
function englishWords(tokens: readonly Token[], run: Run, terms: readonly string[]): string[] {
  const {text, offsets} = runText(tokens, run.first, run.last)
  const covered = coverAllowedTerms(text, terms)
  const words: string[] = []
  for (let index = run.first; index <= run.last; index++) {
    const token = tokens[index]!
    if (token.kind !== 'latin') continue
    const offset = offsets[index - run.first]!
    if (covered[offset] && covered[offset + token.text.length - 1]) continue
    words.push(token.text)
  }
  return words
}

/** A function word as written in running text: lower case, or capitalised at a sentence start. */
function isFunctionWord(word: string): boolean {
  const lower = word.toLowerCase()
  if (!functionWordSet().has(lower)) return false
  return word === lower || word.slice(1) === lower.slice(1)
}

/** Whether a word starts with a capital letter or a digit (`Ministry`, `API`, `3D`). */
function isCapitalised(word: string): boolean {
  const first = word.charAt(0)
  return first !== first.toLowerCase() || (first >= '0' && first <= '9')
}

/**
 * Whether words read as an English sentence rather than a name, a title or
 * a term: enough words, at least two function words, and a content word in
 * lower case (`Ministry of Ecology and Environment` is a name).
 */
function readsAsEnglish(words: readonly string[], minEnglishWords: number): boolean {
  if (words.length < minEnglishWords) return false
  let functionWordCount = 0
  let lowerContentWord = false
  for (const word of words) {
    if (isFunctionWord(word)) functionWordCount++
    else if (!isCapitalised(word)) lowerContentWord = true
  }
  return functionWordCount >= minFunctionWords && lowerContentWord
}

/** Whether a run in the other language is left alone whatever it holds: quoted, glossed, cited, a link. */
function isExempt(index: DocumentIndex, block: TokenizedBlock, run: Run, direction: Direction): boolean {
  if (isEnclosed(block, run, direction) || isGlossed(block, run, direction) || isLinkText(index, block.tokens, run)) return true
  return direction.foreignKind === 'han' && isCited(block.tokens, run)
}

/** Whether kana sit inside or glued to a run of Han characters (`東京へようこそ`): Japanese, not Chinese. */
function isJapanese(tokens: readonly Token[], run: Run): boolean {
  for (let at = run.first; at <= run.last; at++) if (tokens[at]!.kind === 'otherScript') return true
  const before = tokens[run.first - 1]
  const after = tokens[run.last + 1]
  if (before?.kind === 'otherScript' && before.end === tokens[run.first]!.start) return true
  return after?.kind === 'otherScript' && after.start === tokens[run.last]!.end
}

/** Whether a Chinese run in English text is untranslated Chinese. */
function isUntranslatedChinese(index: DocumentIndex, block: TokenizedBlock, run: Run, options: MixedLanguageOptions): boolean {
  if (isJapanese(block.tokens, run)) return false
  if (countHan(block.tokens, run, options.allowedTerms) < Math.max(1, options.minRunLength)) return false
  return !isExempt(index, block, run, englishDocument)
}

/** Whether an English run in Chinese text is an untranslated English sentence. */
function isUntranslatedEnglish(index: DocumentIndex, block: TokenizedBlock, run: Run, options: MixedLanguageOptions): boolean {
  if (!readsAsEnglish(englishWords(block.tokens, run, options.allowedTerms), options.minEnglishWords)) return false
  return !isExempt(index, block, run, chineseDocument)
}

/**
 * The run's span: Chinese takes the CJK marks glued to it (`（一）`, `二、`)
 * and a Latin clause mark glued between it and the next word (`领导,Resolutely`);
 * English takes a clause mark glued after its last word (`you can do:`).
 */
function runSpan(tokens: readonly Token[], run: Run, direction: Direction): {first: number; last: number} {
  let first = run.first
  let last = run.last
  const glued = (left: number, right: number): boolean => tokens[left]!.end === tokens[right]!.start
  if (direction.foreignKind === 'han') {
    while (first > 0 && tokens[first - 1]!.kind === 'wideMark' && closerOf.has(tokens[first - 1]!.text) && glued(first - 1, first)) first--
    while (last + 1 < tokens.length && tokens[last + 1]!.kind === 'wideMark' && !closerOf.has(tokens[last + 1]!.text) && glued(last, last + 1)) last++
    const mark = tokens[last + 1]
    const word = tokens[last + 2]
    if (mark?.kind === 'mark' && clauseEndings.has(mark.text) && word?.kind === 'latin' && glued(last, last + 1) && glued(last + 1, last + 2)) last++
  } else {
    const mark = tokens[last + 1]
    if (mark?.kind === 'mark' && clauseEndings.has(mark.text) && glued(last, last + 1)) last++
  }
  return {first, last}
}

/** A short quote of tokens `first`…`last` for a message: spaces collapsed, backticks dropped, long text cut. */
function quoteOf(tokens: readonly Token[], first: number, last: number, maxLength: number): string {
  let text = ''
  for (let index = first; index <= last && text.length <= maxLength + 1; index++) {
    const token = tokens[index]!
    text += token.kind === 'space' ? ' ' : token.text.replaceAll('`', '')
  }
  text = text.replace(/ {2,}/g, ' ').trim()
  if (text.length <= maxLength) return text
  let cut = maxLength
  // Do not split a surrogate pair.
  if (text.charCodeAt(cut - 1) >= 0xd800 && text.charCodeAt(cut - 1) <= 0xdbff) cut--
  const lastSpace = text.lastIndexOf(' ', cut)
  if (lastSpace > maxLength / 2) cut = lastSpace
  return `${text.slice(0, cut).trimEnd()}…`
}

/** What a block is called in a message. */
function blockNoun(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return 'heading'
    case 'listItem':
      return 'list item'
    case 'tableCell':
      return 'table cell'
    default:
      return 'paragraph'
  }
}

/** Indices of a paragraph's first and last tokens that hold text (not spaces or code); null when none. */
function textBounds(tokens: readonly Token[]): {first: number; last: number} | null {
  let first = 0
  while (first < tokens.length && (tokens[first]!.kind === 'space' || tokens[first]!.kind === 'source')) first++
  let last = tokens.length - 1
  while (last > first && (tokens[last]!.kind === 'space' || tokens[last]!.kind === 'source')) last--
  return first < tokens.length ? {first, last} : null
}

/**
 * Table rows by line, with the languages of their cells: a row that holds
 * both languages is a glossary (`| 蓝天保卫战 | Blue Sky Defence Battle |`).
 */
function tableRowLanguages(blocks: readonly Block[], index: DocumentIndex): Map<number, Set<string>> {
  const rows = new Map<number, Set<string>>()
  for (const block of blocks) {
    if (block.kind !== 'tableCell') continue
    const line = index.lines.point(block.start).line
    const languages = rows.get(line) ?? new Set<string>()
    languages.add(block.language)
    rows.set(line, languages)
  }
  return rows
}

/** Whether a block is a table cell in a row that also holds the document's language, while it holds the other one. */
function isGlossaryCell(block: Block, rows: Map<number, Set<string>>, index: DocumentIndex, direction: Direction): boolean {
  if (block.kind !== 'tableCell' || block.language === direction.documentLanguage) return false
  return rows.get(index.lines.point(block.start).line)?.has(direction.documentLanguage) === true
}

/** Whether a block could hold text in the other language at all. */
function hasForeignScript(block: Block, direction: Direction): boolean {
  return direction.foreignKind === 'han' ? block.scripts.han > 0 : block.scripts.latin > 0
}

/**
 * Whether a paragraph opens with a reference number (`[3] 生态环境部. 2023年…`):
 * a bibliography entry cites titles in their own language.
 */
function isReferenceEntry(tokens: readonly Token[]): boolean {
  const bounds = textBounds(tokens)
  if (!bounds) return false
  const [open, number, close] = [tokens[bounds.first], tokens[bounds.first + 1], tokens[bounds.first + 2]]
  return (open?.text === '[' || open?.text === '【') && number?.kind === 'number' && (close?.text === ']' || close?.text === '】')
}

/** The message for a run, or for a block left in the other language as a whole. */
function messageFor(direction: Direction, quote: string, noun: string | null): string {
  const [foreign, own] = direction.documentLanguage === 'en' ? ['Chinese', 'English'] : ['English', 'Chinese']
  return `Unexpected untranslated ${foreign}${noun ? ` ${noun}` : ''} \`${quote}\` in ${own} text`
}

/**
 * Checks one block: a block in the other language is reported once as a
 * whole; otherwise each untranslated run is.
 */
function checkBlock(
  index: DocumentIndex,
  block: Block,
  direction: Direction,
  options: MixedLanguageOptions,
  report: (finding: RuleReport) => void,
): void {
  const tokenized = tokenizeBlock(block.paragraph!)
  const tokens = tokenized.tokens
  if (isReferenceEntry(tokens)) return
  const isUntranslated = direction.foreignKind === 'han' ? isUntranslatedChinese : isUntranslatedEnglish
  const runs = foreignRuns(tokens, direction).filter((run) => isUntranslated(index, tokenized, run, options))
  if (runs.length === 0) return
  const lowerSeverity = direction.documentLanguage === 'zh'
  const maxQuote = direction.foreignKind === 'han' ? maxChineseQuote : maxEnglishQuote
  const foreignLanguage = direction.foreignKind === 'han' ? 'zh' : 'en'
  const bounds = textBounds(tokens)
  if (block.language === foreignLanguage && bounds) {
    report({
      message: messageFor(direction, quoteOf(tokens, bounds.first, bounds.last, maxQuote), blockNoun(block)),
      start: tokens[bounds.first]!.start,
      end: tokens[bounds.last]!.end,
      lowerSeverity,
    })
    return
  }
  for (const run of runs) {
    const span = runSpan(tokens, run, direction)
    report({
      message: messageFor(direction, quoteOf(tokens, span.first, span.last, maxQuote), null),
      start: tokens[span.first]!.start,
      end: tokens[span.last]!.end,
      lowerSeverity,
    })
  }
}

export default defineRule<MixedLanguageOptions>(
  {
    id: 'mixed-language',
    description: 'Chinese left untranslated in English text, or English in Chinese text',
    type: 'problem',
    languages: ['en', 'zh'],
    fixable: 'never',
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      properties: {
        allowedTerms: {type: 'array', items: {type: 'string', minLength: 1}, uniqueItems: true},
        minRunLength: {type: 'integer', minimum: 1},
        minEnglishWords: {type: 'integer', minimum: 1},
      },
      additionalProperties: false,
    },
    url: ruleUrl('mixed-language'),
    presets: ['recommended', 'zh-typography'],
  },
  {allowedTerms: [], minRunLength: 1, minEnglishWords: 6},
  ({index, options, report}) => {
    const direction = index.language === 'en' ? englishDocument : index.language === 'zh' ? chineseDocument : null
    if (!direction) return
    // Block languages are known before the walk: the rows are read from them, with no paragraph.
    const rows = tableRowLanguages(index.blocks, index)
    return {
      block(block) {
        if (!block.paragraph || !hasForeignScript(block, direction)) return
        if (isGlossaryCell(block, rows, index, direction)) return
        checkBlock(index, block, direction, options, report)
      },
    }
  },
)
