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
import {readWordList} from '../../src/dictionaries.js'
import {type BlockTokens, TokenType} from '../../src/parser/block-tokens.js'
import type {Block, DocumentIndex} from '../../src/document/types.js'
import {defineRule, type RuleReport} from '../../src/engine/rule.js'
import {isHan, isLatinLetter} from '../../src/text/scripts.js'
import {meta} from './meta.js'

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

/** What a token of a paragraph is, for this rule (plain numbers: compared per token). */
const Kind = {
  /** A run of Han characters. */
  Han: 0,
  /** A word with Latin letters. */
  Latin: 1,
  /** Digits without letters. */
  Number: 2,
  /** Kana, hangul, Cyrillic, Greek, … */
  OtherScript: 3,
  /** CJK or full-width punctuation and symbols (`、，（）《》`). */
  WideMark: 4,
  /** Other punctuation. */
  Mark: 5,
  /** Other symbols. */
  Symbol: 6,
  /** White space. */
  Space: 7,
  /** Code, URLs, e-mail addresses, file names, inline HTML. */
  Source: 8,
} as const

/** One of the {@link Kind} values. */
type TokenKind = (typeof Kind)[keyof typeof Kind]

/** No token: a missing partner, enclosing pair or neighbour. */
const none = -1

/** What one language looks for in the other, and how it reports it. */
interface Direction {
  /** Language of the document. */
  documentLanguage: 'en' | 'zh'
  /** Language of the text looked for. */
  foreignLanguage: 'zh' | 'en'
  /** The token kind of the foreign language. */
  foreignKind: TokenKind
  /** The token kind of the document's own language. */
  ownKind: TokenKind
  /** Longest quote of the foreign text in a message, in UTF-16 units. */
  maxQuote: number
}

const englishDocument: Direction = {documentLanguage: 'en', foreignLanguage: 'zh', foreignKind: Kind.Han, ownKind: Kind.Latin, maxQuote: maxChineseQuote}
const chineseDocument: Direction = {documentLanguage: 'zh', foreignLanguage: 'en', foreignKind: Kind.Latin, ownKind: Kind.Han, maxQuote: maxEnglishQuote}

/**
 * The UTF-16 code of the mark that closes an opening bracket or quote, else
 * -1; `"` and `＂` close themselves.
 */
function closerOf(code: number): number {
  switch (code) {
    case 0x28: // (
      return 0x29
    case 0xff08: // （
      return 0xff09
    case 0x5b: // [
      return 0x5d
    case 0x3010: // 【
      return 0x3011
    case 0x201c: // “
      return 0x201d
    case 0x2018: // ‘
      return 0x2019
    case 0x300c: // 「
      return 0x300d
    case 0x300e: // 『
      return 0x300f
    case 0x300a: // 《
      return 0x300b
    case 0x3008: // 〈
      return 0x3009
    case 0x22: // "
    case 0xff02: // ＂
      return code
    default:
      return none
  }
}

/** Whether a UTF-16 code is a closing bracket or quote. */
function isCloser(code: number): boolean {
  switch (code) {
    case 0x29:
    case 0xff09:
    case 0x5d:
    case 0x3011:
    case 0x201d:
    case 0x2019:
    case 0x300d:
    case 0x300f:
    case 0x300b:
    case 0x3009:
    case 0x22:
    case 0xff02:
      return true
    default:
      return false
  }
}

/** The code of a one-character text, else -1: every bracket and quote is one character. */
function singleCode(text: string): number {
  return text.length === 1 ? text.charCodeAt(0) : none
}

/** Whether a text opens a pair: a bracket or quote that has a closer. */
function isOpener(text: string): boolean {
  return closerOf(singleCode(text)) !== none
}

/** Whether a text opens a parenthetical, a gloss when it follows text in the other language: `(`, `（`, `[`, `【`. */
function isParenthesis(text: string): boolean {
  const code = singleCode(text)
  return code === 0x28 || code === 0xff08 || code === 0x5b || code === 0x3010
}

/** Whether a UTF-16 code is a one-character Latin mark that ends a clause and stays with the words before it. */
function isClauseEndingCode(code: number): boolean {
  return code === 0x2e || code === 0x2c || code === 0x3a || code === 0x3b || code === 0x21 || code === 0x3f || code === 0x2026
}

/** Whether a mark ends a clause and stays with the words before it: `.`, `,`, `:`, `;`, `!`, `?`, `...`, `…`. */
function isClauseEnding(text: string): boolean {
  return text === '...' || isClauseEndingCode(singleCode(text))
}

let citationWords: ReadonlySet<string> | undefined

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
  if (isHan(text.codePointAt(0) ?? 0)) return Kind.Han
  let letters = false
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (isLatinLetter(code)) return Kind.Latin
    if (code > 0x7f && !letters) letters = /\p{L}/u.test(text[index]!)
  }
  return letters ? Kind.OtherScript : Kind.Number
}

/** How many open marks an unmatched closer is compared with. */
const maxPairSearch = 32

/**
 * What the checks read about a block's tokens, as columns beside the block's
 * own (text, file offsets): each token's kind, and its bracket and quote
 * pairs, read when a check first asks for them. One table serves every block
 * in turn, so reading a block allocates no token objects.
 */
class TokenTable {
  /** Number of tokens. */
  length = 0
  /** Kind of each token. */
  kinds = new Uint8Array(256)
  /** The block's tokens read last: their texts and file offsets. */
  block!: BlockTokens
  /** For a token that opens or closes a pair: the index of its partner, else -1. */
  private partners = new Int32Array(256)
  /** For each token: the index of the opener of the innermost pair around it, else -1. */
  private enclosers = new Int32Array(256)
  /** Whether `partners` and `enclosers` hold the pairs of the current tokens. */
  private paired = false
  /** Indices of open marks while pairing. */
  private readonly open: number[] = []

  /**
   * Reads a block's tokens in place of the previous ones.
   * @param block The block's tokens.
   */
  read(block: BlockTokens): void {
    const length = block.length
    while (this.kinds.length < length) this.grow()
    this.length = length
    this.block = block
    this.paired = false
    const {types, texts} = block
    const kinds = this.kinds
    for (let index = 0; index < length; index++) {
      const text = texts[index]!
      switch (types[index]) {
        case TokenType.Word:
          kinds[index] = wordKind(text)
          break
        case TokenType.Punctuation:
          kinds[index] = isWideMark(text.charCodeAt(0)) ? Kind.WideMark : Kind.Mark
          break
        case TokenType.Symbol:
          kinds[index] = isWideMark(text.charCodeAt(0)) ? Kind.WideMark : Kind.Symbol
          break
        case TokenType.Space:
          kinds[index] = Kind.Space
          break
        default:
          kinds[index] = Kind.Source
      }
    }
  }

  /** Index of the opener or closer paired with token `index`, else -1. */
  partner(index: number): number {
    if (!this.paired) this.pair()
    return this.partners[index]!
  }

  /** Index of the opener of the innermost closed pair around token `index`, else -1. */
  enclosing(index: number): number {
    if (!this.paired) this.pair()
    return this.enclosers[index]!
  }

  /** Doubles the room of every column. */
  private grow(): void {
    const size = this.kinds.length * 2
    this.kinds = new Uint8Array(size)
    this.partners = new Int32Array(size)
    this.enclosers = new Int32Array(size)
  }

  /** Whether token `index` is a mark that can open or close a pair; its code if so, else -1. */
  private pairCode(index: number): number {
    const kind = this.kinds[index]
    if (kind !== Kind.Mark && kind !== Kind.WideMark) return none
    const code = singleCode(this.block.texts[index]!)
    return closerOf(code) !== none || isCloser(code) ? code : none
  }

  /**
   * Pairs brackets and quotes with a stack: a closer pairs with the nearest
   * open mark it closes (unclosed marks inside are dropped); `"` closes an
   * open `"` or opens one. Then finds, for each token, the opener of the
   * innermost closed pair around it.
   */
  private pair(): void {
    const {length, partners, open} = this
    partners.fill(none, 0, length)
    open.length = 0
    for (let index = 0; index < length; index++) {
      const code = this.pairCode(index)
      if (code === none) continue
      let match = none
      if (isCloser(code)) {
        // Look a bounded way down the stack: an unmatched closer must not cost a
        // scan of every opener (linear time on adversarial text).
        for (let depth = open.length - 1; depth >= 0 && depth >= open.length - maxPairSearch; depth--) {
          if (closerOf(this.block.texts[open[depth]!]!.charCodeAt(0)) === code) {
            match = depth
            break
          }
        }
      }
      if (match !== none) {
        partners[open[match]!] = index
        partners[index] = open[match]!
        open.length = match
      } else if (closerOf(code) !== none) {
        open.push(index)
      }
    }
    this.enclose()
    this.paired = true
  }

  /** For each token, the opener of the innermost closed pair around it. */
  private enclose(): void {
    const {length, partners, enclosers, open} = this
    open.length = 0
    for (let index = 0; index < length; index++) {
      const other = partners[index]!
      if (other !== none && other < index) open.pop()
      enclosers[index] = open.length > 0 ? open[open.length - 1]! : none
      if (other > index) open.push(index)
    }
  }
}

/** The table every block is read into. */
const table = new TokenTable()

/** Whether a token kind lies between words: spaces, marks and symbols. */
function isFiller(kind: number): boolean {
  return kind === Kind.Space || kind === Kind.Mark || kind === Kind.WideMark || kind === Kind.Symbol
}

/** Index of the nearest word or code before `index`, skipping spaces, marks and symbols; -1 if none. */
function previousContent(tokens: TokenTable, index: number): number {
  let before = index - 1
  while (before >= 0 && isFiller(tokens.kinds[before]!)) before--
  return before
}

/** Index of the nearest word or code after `index`, skipping spaces, marks and symbols; -1 if none. */
function nextContent(tokens: TokenTable, index: number): number {
  let after = index + 1
  while (after < tokens.length && isFiller(tokens.kinds[after]!)) after++
  return after < tokens.length ? after : none
}

/** Whether a token kind ends a foreign run. */
function breaksRun(kind: number, direction: Direction): boolean {
  if (kind === direction.ownKind) return true
  if (direction.foreignKind === Kind.Han) return kind === Kind.Source
  return kind === Kind.WideMark || kind === Kind.OtherScript
}

/** Index of the first foreign word at or after `from`, else -1. */
function nextForeignWord(tokens: TokenTable, from: number, direction: Direction): number {
  for (let index = from; index < tokens.length; index++) if (tokens.kinds[index] === direction.foreignKind) return index
  return none
}

/**
 * The last word of the foreign run that starts at `first`: the last foreign
 * word before a word of the document's language, code or a foreign-breaking
 * mark. Chinese runs take digits, spaces and any punctuation between Han
 * (`二、加强党对…领导`); English runs take digits, spaces, Latin punctuation,
 * symbols and inline code between words, and stop at CJK punctuation.
 */
function runEnd(tokens: TokenTable, first: number, direction: Direction): number {
  let last = first
  for (let next = first + 1; next < tokens.length; next++) {
    const kind = tokens.kinds[next]!
    if (kind === direction.foreignKind) last = next
    else if (breaksRun(kind, direction)) break
  }
  return last
}

/**
 * Whether the run sits inside quotes, book-title marks or a gloss in
 * parentheses: `“蓝天”`, `《The Art of War》`, `Poyang Lake (鄱阳湖)`,
 * `绿水青山（lucid waters and lush mountains）`.
 */
function isEnclosed(tokens: TokenTable, first: number, last: number, direction: Direction): boolean {
  const opener = tokens.enclosing(first)
  if (opener === none || tokens.enclosing(last) !== opener) return false
  if (!isParenthesis(tokens.block.texts[opener]!)) return true
  // A gloss opens with the foreign text and follows text in the document's language.
  if (nextContent(tokens, opener) !== first) return false
  const before = previousContent(tokens, opener)
  return before !== none && tokens.kinds[before] === direction.ownKind
}

/** Whether the run is followed by its gloss in parentheses: `鄱阳湖 (Poyang Lake)`, `Data Sync Service（数据同步服务）`. */
function isGlossed(tokens: TokenTable, last: number, direction: Direction): boolean {
  let after = last + 1
  while (after < tokens.length && tokens.kinds[after] === Kind.Space) after++
  if (after >= tokens.length || !isParenthesis(tokens.block.texts[after]!)) return false
  const closer = tokens.partner(after)
  if (closer <= after) return false
  const inside = nextContent(tokens, after)
  return inside !== none && inside < closer && tokens.kinds[inside] === direction.ownKind
}

/** Whether Chinese in English text is cited after a word like `character` or `known as`. */
function isCited(tokens: TokenTable, first: number): boolean {
  const last = previousContent(tokens, first)
  if (last === none || tokens.kinds[last] !== Kind.Latin) return false
  const word = tokens.block.texts[last]!.toLowerCase()
  const citations = citationWordSet()
  if (citations.has(word)) return true
  const before = previousContent(tokens, last)
  return before !== none && tokens.kinds[before] === Kind.Latin && citations.has(`${tokens.block.texts[before]!.toLowerCase()} ${word}`)
}

/** Whether the run is the whole text of a Markdown link: `[How to use the API](…)`. */
function isLinkText(index: DocumentIndex, tokens: TokenTable, first: number, last: number): boolean {
  if (index.format !== 'markdown') return false
  const text = index.text
  let end = tokens.block.ends[last]!
  while (end < text.length && isClauseEndingCode(text.charCodeAt(end))) end++
  return text[tokens.block.starts[first]! - 1] === '[' && text[end] === ']'
}

/** The text of tokens `first`…`last`, and each token's offset in it. */
function runText(tokens: TokenTable, first: number, last: number): {text: string; offsets: number[]} {
  let text = ''
  const offsets: number[] = []
  for (let index = first; index <= last; index++) {
    offsets.push(text.length)
    text += tokens.block.texts[index]!
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

/** Han characters of `text` from `from`, with those `covered` marks left out. */
function countHanIn(text: string, covered: Uint8Array | null, from: number): number {
  let count = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.codePointAt(index)!
    if (isHan(code) && !covered?.[from + index]) count++
    if (code > 0xffff) index++
  }
  return count
}

/** Whether a run holds at least `minimum` Han characters that no allowed term covers. */
function hasHan(tokens: TokenTable, first: number, last: number, terms: readonly string[], minimum: number): boolean {
  if (terms.length > 0) {
    const {text} = runText(tokens, first, last)
    return countHanIn(text, coverAllowedTerms(text, terms), 0) >= minimum
  }
  let count = 0
  for (let index = first; index <= last && count < minimum; index++) count += countHanIn(tokens.block.texts[index]!, null, 0)
  return count >= minimum
}

/** How a Latin word reads in running text. */
const WordClass = {
  /** A function word (`the`, `of`), lower case or capitalised at a sentence start. */
  Function: 0,
  /** Another word starting with a capital letter or a digit (`Ministry`, `API`, `3D`). */
  Capitalised: 1,
  /** Another word in lower case. */
  LowerContent: 2,
} as const

/** One of the {@link WordClass} values. */
type WordClass = (typeof WordClass)[keyof typeof WordClass]

/** Words classed so far: running text repeats its words. */
const wordClasses = new Map<string, WordClass>()

/** How many classed words are kept before the cache starts over. */
const maxClassedWords = 65536

let functionWords: ReadonlySet<string> | undefined

/** English function words, from `dictionaries/english-function-words.txt`. */
function functionWordSet(): ReadonlySet<string> {
  return (functionWords ??= new Set(readWordList('english-function-words.txt')))
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

/** How a Latin word reads, from the cache when it was seen before. */
function wordClass(word: string): WordClass {
  let kind = wordClasses.get(word)
  if (kind === undefined) {
    kind = isFunctionWord(word) ? WordClass.Function : isCapitalised(word) ? WordClass.Capitalised : WordClass.LowerContent
    if (wordClasses.size >= maxClassedWords) wordClasses.clear()
    wordClasses.set(word, kind)
  }
  return kind
}

/** For each token of a run, whether allowed terms cover its first and last characters. */
function coveredTokens(tokens: TokenTable, first: number, last: number, terms: readonly string[]): Uint8Array {
  const {text, offsets} = runText(tokens, first, last)
  const covered = coverAllowedTerms(text, terms)
  const tokenCovered = new Uint8Array(last - first + 1)
  for (let index = first; index <= last; index++) {
    const offset = offsets[index - first]!
    tokenCovered[index - first] = covered[offset] && covered[offset + tokens.block.texts[index]!.length - 1] ? 1 : 0
  }
  return tokenCovered
}

/**
 * Whether the words of an English run that no allowed term covers read as an
 * English sentence rather than a name, a title or a term: enough words, at
 * least two function words, and a content word in lower case (`Ministry of
 * Ecology and Environment` is a name).
 */
function readsAsEnglish(tokens: TokenTable, first: number, last: number, options: MixedLanguageOptions): boolean {
  const covered = options.allowedTerms.length > 0 ? coveredTokens(tokens, first, last, options.allowedTerms) : null
  let words = 0
  let functionWordCount = 0
  let lowerContentWord = false
  for (let index = first; index <= last; index++) {
    if (tokens.kinds[index] !== Kind.Latin || covered?.[index - first]) continue
    words++
    const kind = wordClass(tokens.block.texts[index]!)
    if (kind === WordClass.Function) functionWordCount++
    else if (kind === WordClass.LowerContent) lowerContentWord = true
    // The counts only grow: once they suffice, the rest of the run cannot change the answer.
    if (words >= options.minEnglishWords && functionWordCount >= minFunctionWords && lowerContentWord) return true
  }
  return false
}

/** Whether a run in the other language is left alone whatever it holds: quoted, glossed, cited, a link. */
function isExempt(index: DocumentIndex, tokens: TokenTable, first: number, last: number, direction: Direction): boolean {
  if (isEnclosed(tokens, first, last, direction) || isGlossed(tokens, last, direction) || isLinkText(index, tokens, first, last)) return true
  return direction.foreignKind === Kind.Han && isCited(tokens, first)
}

/** Whether kana sit inside or glued to a run of Han characters (`東京へようこそ`): Japanese, not Chinese. */
function isJapanese(tokens: TokenTable, first: number, last: number): boolean {
  const {kinds} = tokens
  const {starts, ends} = tokens.block
  for (let at = first; at <= last; at++) if (kinds[at] === Kind.OtherScript) return true
  if (first > 0 && kinds[first - 1] === Kind.OtherScript && ends[first - 1] === starts[first]) return true
  return last + 1 < tokens.length && kinds[last + 1] === Kind.OtherScript && starts[last + 1] === ends[last]
}

/** Whether a run in the other language is untranslated text: Chinese in English text, or an English sentence in Chinese text. */
function isUntranslated(index: DocumentIndex, tokens: TokenTable, first: number, last: number, direction: Direction, options: MixedLanguageOptions): boolean {
  if (direction.foreignKind === Kind.Han) {
    if (isJapanese(tokens, first, last)) return false
    if (!hasHan(tokens, first, last, options.allowedTerms, Math.max(1, options.minRunLength))) return false
  } else if (!readsAsEnglish(tokens, first, last, options)) {
    return false
  }
  return !isExempt(index, tokens, first, last, direction)
}

/** Whether token `right` starts where token `left` ends. */
function glued(tokens: TokenTable, left: number, right: number): boolean {
  return tokens.block.ends[left] === tokens.block.starts[right]
}

/** Whether token `index` exists and is of `kind`. */
function isKindAt(tokens: TokenTable, index: number, kind: TokenKind): boolean {
  return index < tokens.length && tokens.kinds[index] === kind
}

/**
 * The first token of a run's span: Chinese takes the CJK opening marks glued
 * before it (`（一）`).
 */
function spanFirst(tokens: TokenTable, first: number, direction: Direction): number {
  if (direction.foreignKind !== Kind.Han) return first
  while (first > 0 && tokens.kinds[first - 1] === Kind.WideMark && isOpener(tokens.block.texts[first - 1]!) && glued(tokens, first - 1, first)) first--
  return first
}

/**
 * The last token of a run's span: Chinese takes the CJK marks glued after it
 * (`二、`) and a Latin clause mark glued between it and the next word
 * (`领导,Resolutely`); English takes a clause mark glued after its last word
 * (`you can do:`).
 */
function spanLast(tokens: TokenTable, last: number, direction: Direction): number {
  if (direction.foreignKind === Kind.Han) {
    while (isKindAt(tokens, last + 1, Kind.WideMark) && !isOpener(tokens.block.texts[last + 1]!) && glued(tokens, last, last + 1)) last++
    const markThenWord =
      isKindAt(tokens, last + 1, Kind.Mark) && isClauseEnding(tokens.block.texts[last + 1]!) && isKindAt(tokens, last + 2, Kind.Latin)
    if (markThenWord && glued(tokens, last, last + 1) && glued(tokens, last + 1, last + 2)) last++
  } else if (isKindAt(tokens, last + 1, Kind.Mark) && isClauseEnding(tokens.block.texts[last + 1]!) && glued(tokens, last, last + 1)) {
    last++
  }
  return last
}

/** A short quote of tokens `first`…`last` for a message: spaces collapsed, backticks dropped, long text cut. */
function quoteOf(tokens: TokenTable, first: number, last: number, maxLength: number): string {
  let text = ''
  for (let index = first; index <= last && text.length <= maxLength + 1; index++) {
    const token = tokens.block.texts[index]!
    text += tokens.kinds[index] === Kind.Space ? ' ' : token.includes('`') ? token.replaceAll('`', '') : token
  }
  if (text.includes('  ')) text = text.replace(/ {2,}/g, ' ')
  text = text.trim()
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

/** Whether a token holds text: not white space or code. */
function holdsText(tokens: TokenTable, index: number): boolean {
  const kind = tokens.kinds[index]
  return kind !== Kind.Space && kind !== Kind.Source
}

/** Index of a paragraph's first token that holds text; `tokens.length` when none does. */
function firstTextToken(tokens: TokenTable): number {
  let first = 0
  while (first < tokens.length && !holdsText(tokens, first)) first++
  return first
}

/** Index of a paragraph's last token that holds text, no earlier than `first`. */
function lastTextToken(tokens: TokenTable, first: number): number {
  let last = tokens.length - 1
  while (last > first && !holdsText(tokens, last)) last--
  return last
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

/**
 * Whether a block could hold untranslated text at all, from its letter
 * counts: Chinese in English text needs a Han character; an English sentence
 * in Chinese text needs `minEnglishWords` words, two of them function words
 * and one a content word, each with a Latin letter.
 */
function mayHoldForeignText(block: Block, direction: Direction, options: MixedLanguageOptions): boolean {
  if (direction.foreignKind === Kind.Han) return block.scripts.han > 0
  return block.scripts.latin >= Math.max(1, options.minEnglishWords, minFunctionWords + 1)
}

/**
 * Whether a paragraph opens with a reference number (`[3] 生态环境部. 2023年…`):
 * a bibliography entry cites titles in their own language.
 */
function isReferenceEntry(tokens: TokenTable, first: number): boolean {
  if (first + 2 >= tokens.length) return false
  const open = tokens.block.texts[first]
  const close = tokens.block.texts[first + 2]
  return (open === '[' || open === '【') && tokens.kinds[first + 1] === Kind.Number && (close === ']' || close === '】')
}

/** The message for a run, or for a block left in the other language as a whole. */
function messageFor(direction: Direction, quote: string, noun: string | null): string {
  const foreign = direction.documentLanguage === 'en' ? 'Chinese' : 'English'
  const own = direction.documentLanguage === 'en' ? 'English' : 'Chinese'
  return `Unexpected untranslated ${foreign}${noun ? ` ${noun}` : ''} \`${quote}\` in ${own} text`
}

/** Reports tokens `first`…`last`, quoted, as untranslated text: a run, or a whole block when `noun` names it. */
function reportSpan(
  tokens: TokenTable,
  first: number,
  last: number,
  direction: Direction,
  noun: string | null,
  report: (finding: RuleReport) => void,
): void {
  report({
    message: messageFor(direction, quoteOf(tokens, first, last, direction.maxQuote), noun),
    start: tokens.block.starts[first]!,
    end: tokens.block.ends[last]!,
    lowerSeverity: direction.documentLanguage === 'zh',
  })
}

/**
 * Checks one block: a block in the other language is reported once as a
 * whole, on its first untranslated run; otherwise each untranslated run is.
 */
function checkBlock(
  index: DocumentIndex,
  block: Block,
  direction: Direction,
  options: MixedLanguageOptions,
  report: (finding: RuleReport) => void,
): void {
  const tokens = table
  tokens.read(block.tokens!)
  const firstText = firstTextToken(tokens)
  if (isReferenceEntry(tokens, firstText)) return
  const wholeBlock = block.language === direction.foreignLanguage && firstText < tokens.length
  for (let first = nextForeignWord(tokens, 0, direction); first !== none; ) {
    const last = runEnd(tokens, first, direction)
    if (isUntranslated(index, tokens, first, last, direction, options)) {
      if (wholeBlock) {
        reportSpan(tokens, firstText, lastTextToken(tokens, firstText), direction, blockNoun(block), report)
        return
      }
      reportSpan(tokens, spanFirst(tokens, first, direction), spanLast(tokens, last, direction), direction, null, report)
    }
    first = nextForeignWord(tokens, last + 1, direction)
  }
}

export default defineRule<MixedLanguageOptions>(
  meta,
  {allowedTerms: [], minRunLength: 1, minEnglishWords: 6},
  ({index, options, report}) => {
    const direction = index.language === 'en' ? englishDocument : index.language === 'zh' ? chineseDocument : null
    if (!direction) return
    // Block languages are known before the walk: the rows are read from them, with no paragraph.
    const rows = tableRowLanguages(index.blocks, index)
    return {
      block(block) {
        if (!block.tokens || !mayHoldForeignText(block, direction, options)) return
        if (isGlossaryCell(block, rows, index, direction)) return
        checkBlock(index, block, direction, options, report)
      },
      paragraphs: false,
    }
  },
)
