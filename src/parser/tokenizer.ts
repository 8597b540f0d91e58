/**
 * bilint's single-pass tokenizer: prose text to an nlcst `ParagraphNode`.
 *
 * It emits the node types retext plugins know (sentences, words with text and
 * punctuation children, white space, punctuation, symbols, sources) and adds
 * what parse-english lacks for Chinese: words split at Han/Latin boundaries,
 * astral Han as letters, and sentences that end at `。！？`.
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
import {chunkEnd, literalLength, urlSchemeAt} from './literals.js'
import type {ProseText} from './prose.js'

let abbreviations: ReadonlySet<string> | undefined

/** Abbreviations after which `.` does not end a sentence (from `dictionaries/abbreviations.txt`). */
function abbreviationSet(): ReadonlySet<string> {
  return (abbreviations ??= new Set(readWordList('abbreviations.txt')))
}

/** Longest URL, e-mail address or file name recognised as one literal. */
export const maxLiteralLength = 2048

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

/** A tokenizer bound to one file's line index. */
export class Tokenizer {
  private text = ''
  private prose!: ProseText

  /**
   * @param lines Line index of the whole file, for positions.
   */
  constructor(private readonly lines: LineIndex) {}

  /**
   * Tokenizes one block of prose.
   * @param prose The block's text and its map to the source.
   */
  tokenize(prose: ProseText): Paragraph {
    this.prose = prose
    const text = (this.text = prose.value)
    const length = text.length
    const opaque = prose.opaque
    let opaqueIndex = 0
    const paragraphChildren: Paragraph['children'] = []
    let sentence: SentenceContent[] = []
    /** Set after a terminator: the sentence closes at the next white space. */
    let closing = false
    /** End of the current run of non-space text (see `chunkEnd`). */
    let chunkLimit = 0
    let index = 0

    const closeSentence = (): void => {
      if (sentence.length > 0) paragraphChildren.push(this.parent<Sentence>('SentenceNode', sentence))
      sentence = []
      closing = false
    }

    while (index < length) {
      const range = opaque[opaqueIndex]
      if (range && range.start === index) {
        if (closing) closeSentence()
        sentence.push(this.literal<Source>('SourceNode', range.start, range.end))
        index = range.end
        opaqueIndex++
        continue
      }
      const stop = range ? range.start : length
      const code = text.codePointAt(index)!
      const charClass = classify(code)

      if (charClass === CharClass.Space) {
        let end = index + 1
        while (end < stop && classify(text.charCodeAt(end)) === CharClass.Space) end++
        const node = this.literal<WhiteSpace>('WhiteSpaceNode', index, end)
        if (closing || sentence.length === 0) {
          closeSentence()
          paragraphChildren.push(node)
        } else {
          sentence.push(node)
        }
        index = end
        continue
      }

      if (closing) {
        // A terminator followed directly by more text ends the sentence only
        // after CJK marks (`第一句。第二句`); after `.` it was an inner dot.
        closeSentence()
      }

      if (charClass === CharClass.Han) {
        let end = index
        while (end < stop) {
          const next = text.codePointAt(end)!
          if (classify(next) !== CharClass.Han) break
          end += next > 0xffff ? 2 : 1
        }
        sentence.push(this.word(index, end))
        index = end
        continue
      }

      if (charClass === CharClass.Letter || charClass === CharClass.Digit) {
        const previous = index > 0 ? text.charCodeAt(index - 1) : 32
        if ((classify(previous) !== CharClass.Letter && classify(previous) !== CharClass.Digit) || urlSchemeAt(text, index)) {
          // The chunk's end is found once per chunk, and a literal is looked for
          // in a bounded window: text with no white space stays linear.
          if (index >= chunkLimit) chunkLimit = chunkEnd(text, index)
          const literal = literalLength(text, index, Math.min(chunkLimit, stop, index + maxLiteralLength))
          if (literal > 0) {
            sentence.push(this.literal<Source>('SourceNode', index, index + literal))
            index += literal
            continue
          }
        }
        const end = this.wordEnd(index, stop)
        sentence.push(this.word(index, end))
        index = end
        continue
      }

      if (charClass === CharClass.Punctuation) {
        let end = index + (code > 0xffff ? 2 : 1)
        // Runs of the same mark stay one node: `...`, `——`, `!!`, `……`.
        while (end < stop && text.charCodeAt(end) === code && code <= 0xffff) end++
        sentence.push(this.literal<Punctuation>('PunctuationNode', index, end))
        if (isCjkTerminator(code) || (isLatinTerminator(code) && this.endsLatinSentence(index, end, stop))) {
          // Absorb closing quotes and brackets, then further terminators (`？！`).
          while (end < stop) {
            const next = text.charCodeAt(end)
            if (!isCloser(next) && !isCjkTerminator(next)) break
            sentence.push(this.literal<Punctuation>('PunctuationNode', end, end + 1))
            end++
          }
          closing = true
        }
        index = end
        continue
      }

      const end = index + (code > 0xffff ? 2 : 1)
      sentence.push(this.literal<SymbolNode>('SymbolNode', index, end))
      index = end
    }
    closeSentence()
    return this.parent<Paragraph>('ParagraphNode', paragraphChildren)
  }

  /** End of the word that starts at `start`: letters and digits of one script, with inner joiners. */
  private wordEnd(start: number, stop: number): number {
    const text = this.text
    let index = start
    while (index < stop) {
      const code = text.codePointAt(index)!
      const charClass = classify(code)
      if (charClass === CharClass.Letter || charClass === CharClass.Digit) {
        // A URL glued to the word ends the word.
        if (index > start && (code === 104 || code === 102 || code === 72 || code === 70) && urlSchemeAt(text, index)) break
        index += code > 0xffff ? 2 : 1
        continue
      }
      if (index + 1 < stop && index > start) {
        const next = text.codePointAt(index + 1)!
        const nextClass = classify(next)
        const previousClass = classify(text.charCodeAt(index - 1))
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
      const next = text.codePointAt(after)!
      const nextClass = classify(next)
      if (nextClass === CharClass.Han) return true
      if (nextClass !== CharClass.Space) return false
      if (text.charCodeAt(start) !== 46 || end - start > 1) return true
      // Look past the white space at the next word.
      let word = after
      while (word < stop && classify(text.charCodeAt(word)) === CharClass.Space) word++
      const first = text.charCodeAt(word)
      if (first >= 97 && first <= 122) return false
    } else if (text.charCodeAt(start) !== 46 || end - start > 1) {
      return true
    }
    if (text.charCodeAt(start) !== 46) return true
    // The word before the full stop: an abbreviation or a single capital is not an ending.
    let wordStart = start
    while (wordStart > 0) {
      const previous = classify(text.charCodeAt(wordStart - 1))
      if (previous !== CharClass.Letter && previous !== CharClass.Digit && text.charCodeAt(wordStart - 1) !== 46) break
      wordStart--
    }
    const before = text.slice(wordStart, start)
    if (before.length === 1 && before >= 'A' && before <= 'Z') return false
    return !abbreviationSet().has(before)
  }

  /** A WordNode over `[start, end)`, with text and inner punctuation children. */
  private word(start: number, end: number): Word {
    const text = this.text
    const children: Word['children'] = []
    let partStart = start
    for (let index = start; index < end; index++) {
      const code = text.charCodeAt(index)
      const charClass = code >= 0xd800 && code <= 0xdfff ? CharClass.Letter : classify(code)
      if (charClass === CharClass.Punctuation) {
        if (partStart < index) children.push(this.literal<Text>('TextNode', partStart, index))
        children.push(this.literal<Punctuation>('PunctuationNode', index, index + 1))
        partStart = index + 1
      }
    }
    if (partStart < end) children.push(this.literal<Text>('TextNode', partStart, end))
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

  /** The last point made: a node's end is usually the next node's start, and they share one object. */
  private lastPoint: Point | null = null

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
