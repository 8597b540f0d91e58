/**
 * bilint's single-pass tokenizer: prose text to an nlcst `ParagraphNode`.
 *
 * It emits the node types retext plugins know (sentences, words with text and
 * punctuation children, white space, punctuation, symbols, sources) and adds
 * what parse-english lacks for Chinese: words split at Han/Latin boundaries,
 * astral Han as letters, and sentences that end at `。！？`.
 *
 * One scan finds the tokens and hands them to a {@link TokenSink}: the
 * paragraph builder makes the nodes; other sinks read the same tokens
 * without building a tree.
 */
import type {
  Paragraph,
  Punctuation,
  Sentence,
  SentenceContent,
  Source,
  Symbol as SymbolNode,
  Text,
  WhiteSpace,
  Word,
} from 'nlcst'
import type {Point, Position} from 'unist'
import {readWordList} from '../dictionaries.js'
import type {LineIndex} from '../text/line-index.js'
import {CharClass, classify} from '../text/scripts.js'
import {chunkEnd, literalLength, literalMarkAt, urlSchemeAt} from './literals.js'
import type {BlockTokens} from './block-tokens.js'
import type {ProseText} from './prose.js'
import {TokenRecord} from './token-record.js'

let abbreviations: ReadonlySet<string> | undefined

/** Abbreviations after which `.` does not end a sentence (from `dictionaries/abbreviations.txt`). */
function abbreviationSet(): ReadonlySet<string> {
  return (abbreviations ??= new Set(readWordList('abbreviations.txt')))
}

/** Longest URL, e-mail address or file name recognised as one literal. */
export const maxLiteralLength = 2048

/** Classes of BMP code points, filled as they are met (0: not classified yet). */
const bmpClasses = new Uint8Array(0x10000)

/**
 * The {@link classify} class of a code point, remembered for the BMP: for
 * most characters outside ASCII it costs Unicode property tests.
 */
function classOf(code: number): CharClass {
  if (code > 0xffff) return classify(code)
  let charClass = bmpClasses[code]!
  if (charClass === 0) bmpClasses[code] = charClass = classify(code)
  return charClass as CharClass
}

/** The code point at `index`: `charCodeAt`, with the surrogate pair read only where one starts. */
function codePointAt(text: string, index: number): number {
  const code = text.charCodeAt(index)
  return code >= 0xd800 && code <= 0xdbff ? text.codePointAt(index)! : code
}

/** Full-width marks that always end a sentence. */
function isCjkTerminator(code: number): boolean {
  return code === 0x3002 || code === 0xff01 || code === 0xff1f || code === 0xff61
}

/** Latin marks that end a sentence when followed by a break. */
function isLatinTerminator(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 0x2026 || code === 0x203d
}

/** Closing quotes and brackets that stay with the sentence they close. */
function isCloser(code: number): boolean {
  return (
    code === 34 || code === 39 || code === 41 || code === 93 || code === 0x201d || code === 0x2019 ||
    code === 0x300d || code === 0x300f || code === 0xff09 || code === 0x3011 || code === 0x300b || code === 0x3009
  )
}

/** Characters that may join two parts of one word (`it's`, `well-known`, `2.5`, `snake_case`). */
function isJoiner(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 45 || code === 46 || code === 95 || code === 0x2010 || code === 0x2011
}

/** Characters that join digits only (`3,000`, `10:30`). */
function isDigitJoiner(code: number): boolean {
  return code === 44 || code === 58
}

/** A piece of a word: a run of letters and digits, or one punctuation mark inside it. */
export interface WordPiece {
  /** The nlcst type of the piece's node. */
  type: 'TextNode' | 'PunctuationNode'
  /** Its text. */
  value: string
  /** Start offset in the file. */
  start: number
  /** End offset in the file (exclusive). */
  end: number
}

/**
 * Calls `visit` for each piece of the word at `[start, end)` of `text`: the
 * children of its nlcst node, split at the punctuation inside it.
 */
function forEachWordPiece(text: string, start: number, end: number, visit: (punctuation: boolean, start: number, end: number) => void): void {
  let partStart = start
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index)
    const charClass = code >= 0xd800 && code <= 0xdfff ? CharClass.Letter : classOf(code)
    if (charClass === CharClass.Punctuation) {
      if (partStart < index) visit(false, partStart, index)
      visit(true, index, index + 1)
      partStart = index + 1
    }
  }
  if (partStart < end) visit(false, partStart, end)
}

/**
 * Whether a word holds no punctuation (`it's` and `well-known` do): its
 * nlcst node has a single text child.
 * @param word The word's text.
 */
export function isSinglePieceWord(word: string): boolean {
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index)
    if ((code < 0xd800 || code > 0xdfff) && classOf(code) === CharClass.Punctuation) return false
  }
  return true
}

/**
 * The pieces of a word token, with file offsets: the children of its nlcst node.
 * @param tokens A block's tokens.
 * @param index The index of a word among them.
 */
export function wordPieces(tokens: BlockTokens, index: number): WordPiece[] {
  const prose = tokens.prose
  const pieces: WordPiece[] = []
  forEachWordPiece(prose.value, tokens.proseStarts[index]!, tokens.proseEnds[index]!, (punctuation, start, end) => {
    pieces.push({
      type: punctuation ? 'PunctuationNode' : 'TextNode',
      value: prose.value.slice(start, end),
      start: prose.toSource(start),
      end: prose.toSourceEnd(end),
    })
  })
  return pieces
}

/**
 * Receives the tokens of one block of prose, in order, as the scanner finds
 * them. Offsets are UTF-16 offsets in the prose text.
 */
export interface TokenSink {
  /** A run of white space. */
  space(start: number, end: number): void
  /** A word: a run of Han, or letters and digits of one script with inner joiners. */
  word(start: number, end: number): void
  /** Code, markup, a URL, an e-mail address or a file name: not language. */
  source(start: number, end: number): void
  /** A punctuation mark, or a run of the same mark. */
  punctuation(start: number, end: number): void
  /** A symbol, an emoji or a control character. */
  symbol(start: number, end: number): void
  /** The sentence ends with the token before: the next token that is not white space opens a new one. */
  endSentence(): void
}

/** A tokenizer bound to one file's line index. */
export class Tokenizer {
  private text = ''
  private readonly builder: ParagraphBuilder

  /**
   * @param lines Line index of the whole file, for positions.
   */
  constructor(lines: LineIndex) {
    this.builder = new ParagraphBuilder(lines)
  }

  /**
   * Tokenizes one block of prose into an nlcst paragraph.
   * @param prose The block's text and its map to the source.
   */
  tokenize(prose: ProseText): Paragraph {
    this.builder.start(prose)
    // The tokens recorded when the document was built, when there are; otherwise a scan.
    if (!TokenRecord.replay(prose, this.builder)) this.scan(prose, this.builder)
    return this.builder.finish()
  }

  /**
   * Reads the tokens of one block of prose into a table, building no nodes.
   * @param prose The block's text and its map to the source.
   * @param tokens The table, emptied first.
   */
  read(prose: ProseText, tokens: BlockTokens): void {
    tokens.start(prose)
    if (!TokenRecord.replay(prose, tokens)) this.scan(prose, tokens)
    tokens.finish()
  }

  /**
   * The nlcst paragraph of a table's tokens: the one {@link tokenize} makes of its prose.
   * @param tokens Tokens read by {@link read}.
   */
  paragraphOf(tokens: BlockTokens): Paragraph {
    this.builder.start(tokens.prose)
    tokens.replay(this.builder)
    return this.builder.finish()
  }

  /**
   * Reads one block of prose and hands each token to `sink`, building no
   * nodes: the tokens {@link tokenize} makes nodes of, in the same order.
   * @param prose The block's text and its map to the source.
   * @param sink Receives the tokens.
   */
  scan(prose: ProseText, sink: TokenSink): void {
    const text = (this.text = prose.value)
    const length = text.length
    const opaque = prose.opaque
    let opaqueIndex = 0
    /** End of the current run of non-space text (see `chunkEnd`). */
    let chunkLimit = 0
    /** The next `.` or `:` of the chunk (see `literalMarkAt`), or the chunk's end; -1 before it is looked for. */
    let markAt = -1
    let index = 0

    while (index < length) {
      const range = opaque[opaqueIndex]
      if (range && range.start === index) {
        sink.source(range.start, range.end)
        index = range.end
        opaqueIndex++
        continue
      }
      const stop = range ? range.start : length
      const code = codePointAt(text, index)
      const charClass = classOf(code)

      if (charClass === CharClass.Space) {
        let end = index + 1
        while (end < stop && classOf(text.charCodeAt(end)) === CharClass.Space) end++
        sink.space(index, end)
        index = end
        continue
      }

      if (charClass === CharClass.Han) {
        let end = index
        while (end < stop) {
          const next = codePointAt(text, end)
          if (classOf(next) !== CharClass.Han) break
          end += next > 0xffff ? 2 : 1
        }
        sink.word(index, end)
        index = end
        continue
      }

      if (charClass === CharClass.Letter || charClass === CharClass.Digit) {
        const previous = index > 0 ? text.charCodeAt(index - 1) : 32
        if ((classOf(previous) !== CharClass.Letter && classOf(previous) !== CharClass.Digit) || urlSchemeAt(text, index)) {
          // The chunk's end is found once per chunk, and a literal is looked for
          // in a bounded window: text with no white space stays linear.
          if (index >= chunkLimit) {
            chunkLimit = chunkEnd(text, index)
            markAt = -1
          }
          // A literal that starts with a letter or digit holds a `.` or `:`: without one ahead, none is looked for.
          if (markAt < index) markAt = literalMarkAt(text, index, chunkLimit)
          const windowEnd = Math.min(chunkLimit, stop, index + maxLiteralLength)
          const literal = markAt < windowEnd ? literalLength(text, index, windowEnd) : 0
          if (literal > 0) {
            sink.source(index, index + literal)
            index += literal
            continue
          }
        }
        const end = this.wordEnd(index, stop)
        sink.word(index, end)
        index = end
        continue
      }

      if (charClass === CharClass.Punctuation) {
        let end = index + (code > 0xffff ? 2 : 1)
        // Runs of the same mark stay one node: `...`, `——`, `!!`, `……`.
        while (end < stop && text.charCodeAt(end) === code && code <= 0xffff) end++
        sink.punctuation(index, end)
        if (isCjkTerminator(code) || (isLatinTerminator(code) && this.endsLatinSentence(index, end, stop))) {
          // Absorb closing quotes and brackets, then further terminators (`？！`).
          while (end < stop) {
            const next = text.charCodeAt(end)
            if (!isCloser(next) && !isCjkTerminator(next)) break
            sink.punctuation(end, end + 1)
            end++
          }
          // A terminator followed directly by more text ends the sentence only
          // after CJK marks (`第一句。第二句`); after `.` it was an inner dot.
          sink.endSentence()
        }
        index = end
        continue
      }

      const end = index + (code > 0xffff ? 2 : 1)
      sink.symbol(index, end)
      index = end
    }
  }

  /** End of the word that starts at `start`: letters and digits of one script, with inner joiners. */
  private wordEnd(start: number, stop: number): number {
    const text = this.text
    let index = start
    while (index < stop) {
      const code = codePointAt(text, index)
      const charClass = classOf(code)
      if (charClass === CharClass.Letter || charClass === CharClass.Digit) {
        // A URL glued to the word ends the word.
        if (index > start && (code === 104 || code === 102 || code === 72 || code === 70) && urlSchemeAt(text, index)) break
        index += code > 0xffff ? 2 : 1
        continue
      }
      if (index + 1 < stop && index > start) {
        const next = codePointAt(text, index + 1)
        const nextClass = classOf(next)
        const previousClass = classOf(text.charCodeAt(index - 1))
        if (nextClass === CharClass.Letter || nextClass === CharClass.Digit) {
          if (isJoiner(code)) {
            index++
            continue
          }
          if (isDigitJoiner(code) && previousClass === CharClass.Digit && nextClass === CharClass.Digit) {
            index++
            continue
          }
        }
      }
      break
    }
    return index
  }

  /**
   * Whether the Latin terminator at `[start, end)` ends its sentence: it is
   * followed by a break, does not follow an abbreviation or an initial, and
   * the next word does not start in lower case.
   */
  private endsLatinSentence(start: number, end: number, stop: number): boolean {
    const text = this.text
    let after = end
    while (after < stop && isCloser(text.charCodeAt(after))) after++
    if (after < stop) {
      const next = codePointAt(text, after)
      const nextClass = classOf(next)
      if (nextClass === CharClass.Han) return true
      if (nextClass !== CharClass.Space) return false
      if (text.charCodeAt(start) !== 46 || end - start > 1) return true
      // Look past the white space at the next word.
      let word = after
      while (word < stop && classOf(text.charCodeAt(word)) === CharClass.Space) word++
      const first = text.charCodeAt(word)
      if (first >= 97 && first <= 122) return false
    } else if (text.charCodeAt(start) !== 46 || end - start > 1) {
      return true
    }
    if (text.charCodeAt(start) !== 46) return true
    // The word before the full stop: an abbreviation or a single capital is not an ending.
    let wordStart = start
    while (wordStart > 0) {
      const previous = classOf(text.charCodeAt(wordStart - 1))
      if (previous !== CharClass.Letter && previous !== CharClass.Digit && text.charCodeAt(wordStart - 1) !== 46) break
      wordStart--
    }
    const before = text.slice(wordStart, start)
    if (before.length === 1 && before >= 'A' && before <= 'Z') return false
    return !abbreviationSet().has(before)
  }

}

/** Builds the nlcst paragraph of one block from the tokens of its scan. */
class ParagraphBuilder implements TokenSink {
  private prose!: ProseText
  private text = ''
  private paragraphChildren: Paragraph['children'] = []
  private sentence: SentenceContent[] = []
  /** Set after a terminator: the sentence closes at the next token. */
  private closing = false
  /** The last point made: a node's end is usually the next node's start, and they share one object. */
  private lastPoint: Point | null = null

  /**
   * @param lines Line index of the whole file, for positions.
   */
  constructor(private readonly lines: LineIndex) {}

  /**
   * Starts a paragraph.
   * @param prose The block's text and its map to the source.
   */
  start(prose: ProseText): void {
    this.prose = prose
    this.text = prose.value
    this.paragraphChildren = []
    this.sentence = []
    this.closing = false
  }

  /** Closes the last sentence and returns the paragraph. */
  finish(): Paragraph {
    this.closeSentence()
    const paragraph = this.parent<Paragraph>('ParagraphNode', this.paragraphChildren)
    this.paragraphChildren = []
    return paragraph
  }

  space(start: number, end: number): void {
    const node = this.literal<WhiteSpace>('WhiteSpaceNode', start, end)
    if (this.closing || this.sentence.length === 0) {
      this.closeSentence()
      this.paragraphChildren.push(node)
    } else {
      this.sentence.push(node)
    }
  }

  word(start: number, end: number): void {
    this.push(this.wordNode(start, end))
  }

  source(start: number, end: number): void {
    this.push(this.literal<Source>('SourceNode', start, end))
  }

  punctuation(start: number, end: number): void {
    this.push(this.literal<Punctuation>('PunctuationNode', start, end))
  }

  symbol(start: number, end: number): void {
    this.push(this.literal<SymbolNode>('SymbolNode', start, end))
  }

  endSentence(): void {
    this.closing = true
  }

  /** Adds a node that is not white space, after closing an ended sentence. */
  private push(node: SentenceContent): void {
    if (this.closing) this.closeSentence()
    this.sentence.push(node)
  }

  private closeSentence(): void {
    if (this.sentence.length > 0) this.paragraphChildren.push(this.parent<Sentence>('SentenceNode', this.sentence))
    this.sentence = []
    this.closing = false
  }

  /** A WordNode over `[start, end)`, with text and inner punctuation children. */
  private wordNode(start: number, end: number): Word {
    const children: Word['children'] = []
    forEachWordPiece(this.text, start, end, (punctuation, pieceStart, pieceEnd) => {
      children.push(punctuation ? this.literal<Punctuation>('PunctuationNode', pieceStart, pieceEnd) : this.literal<Text>('TextNode', pieceStart, pieceEnd))
    })
    return this.parent<Word>('WordNode', children)
  }

  /** A literal node of `type` over `[start, end)` of the prose text. */
  private literal<Node extends Text | Punctuation | SymbolNode | WhiteSpace | Source>(
    type: Node['type'],
    start: number,
    end: number,
  ): Node {
    return {type, value: this.text.slice(start, end), position: this.position(start, end)} as Node
  }

  /** A parent node of `type` spanning its children. */
  private parent<Node extends Word | Sentence | Paragraph>(type: Node['type'], children: Node['children']): Node {
    const first = children[0]
    const last = children[children.length - 1]
    const position: Position | undefined =
      first?.position && last?.position ? {start: first.position.start, end: last.position.end} : undefined
    return {type, children, position} as Node
  }

  /** The source position of prose range `[start, end)`. */
  private position(start: number, end: number): Position {
    return {start: this.pointAt(this.prose.toSource(start)), end: this.pointAt(this.prose.toSourceEnd(end))}
  }

  /** The point of a source offset, reusing the previous one when it is the same. */
  private pointAt(offset: number): Point {
    const last = this.lastPoint
    if (last && last.offset === offset) return last
    return (this.lastPoint = this.lines.point(offset))
  }
}
