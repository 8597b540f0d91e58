/**
 * The tokens of one block of prose as flat columns: what the rules read
 * instead of an nlcst paragraph, so that the walk over a document builds no
 * node objects. The table holds the tokens an nlcst paragraph's leaves would
 * be (a word counts as one), in order, with the index of the paragraph child
 * (sentence, or white space between sentences) each belongs to, numbered as
 * the tokenizer's paragraph builder numbers them. One table serves every
 * block of a walk in turn: read it during a block's hooks, never after.
 */
import {ProseText} from './prose.js'
import type {TokenSink} from './tokenizer.js'

/** What a token is: the nlcst type of its node. */
export const TokenType = {
  /** A `WordNode`. */
  Word: 1,
  /** A `WhiteSpaceNode`. */
  Space: 2,
  /** A `PunctuationNode`. */
  Punctuation: 3,
  /** A `SymbolNode`. */
  Symbol: 4,
  /** A `SourceNode`: code, markup, a URL, an e-mail address or a file name. */
  Source: 5,
} as const

/** One of the {@link TokenType} values. */
export type TokenTypeValue = (typeof TokenType)[keyof typeof TokenType]

/** The prose of a table that holds no tokens. */
const noProse = new ProseText()

/** A block's tokens, as columns indexed by token. */
export class BlockTokens implements TokenSink {
  /** Number of tokens. */
  length = 0
  /** The prose the tokens were read from. */
  prose = noProse
  /** Type of each token. */
  types = new Uint8Array(256)
  /** Start offset of each token in the file. */
  starts = new Int32Array(256)
  /** End offset of each token in the file (exclusive). */
  ends = new Int32Array(256)
  /** Start offset of each token in the prose. */
  proseStarts = new Int32Array(256)
  /** End offset of each token in the prose (exclusive). */
  proseEnds = new Int32Array(256)
  /** Index of the paragraph child (a sentence, or white space between sentences) that holds each token. */
  sentences = new Int32Array(256)
  /** 1 for a token after which the tokenizer ended a sentence. */
  sentenceEnds = new Uint8Array(256)
  /** Text of each token. */
  texts: string[] = []
  /** Number of paragraph children: sentences and the white space between them. */
  children = 0
  /** Tokens in the sentence being read. */
  private sentenceLength = 0
  /** Set after a sentence end: the sentence closes at the next token. */
  private closing = false

  /**
   * Starts reading the tokens of a block, in place of the previous ones.
   * @param prose The block's prose.
   */
  start(prose: ProseText): void {
    this.prose = prose
    this.length = 0
    this.texts = []
    this.children = 0
    this.sentenceLength = 0
    this.closing = false
  }

  /** Closes the last sentence: the table is complete. */
  finish(): void {
    this.closeSentence()
  }

  /** Lets go of the tokens read last, whose texts hold on to the file's text. */
  release(): void {
    this.length = 0
    this.texts = []
    this.prose = noProse
  }

  space(start: number, end: number): void {
    if (this.closing || this.sentenceLength === 0) {
      this.closeSentence()
      this.push(TokenType.Space, start, end, this.children++)
    } else {
      this.sentenceLength++
      this.push(TokenType.Space, start, end, this.children)
    }
  }

  word(start: number, end: number): void {
    this.inSentence(TokenType.Word, start, end)
  }

  source(start: number, end: number): void {
    this.inSentence(TokenType.Source, start, end)
  }

  punctuation(start: number, end: number): void {
    this.inSentence(TokenType.Punctuation, start, end)
  }

  symbol(start: number, end: number): void {
    this.inSentence(TokenType.Symbol, start, end)
  }

  endSentence(): void {
    this.closing = true
    if (this.length > 0) this.sentenceEnds[this.length - 1] = 1
  }

  /**
   * Hands the tokens to another sink, as the scan that read them did.
   * @param sink Receives the tokens (prose offsets).
   */
  replay(sink: TokenSink): void {
    const {types, proseStarts, proseEnds, sentenceEnds} = this
    for (let index = 0; index < this.length; index++) {
      const start = proseStarts[index]!
      const end = proseEnds[index]!
      switch (types[index]) {
        case TokenType.Word:
          sink.word(start, end)
          break
        case TokenType.Space:
          sink.space(start, end)
          break
        case TokenType.Punctuation:
          sink.punctuation(start, end)
          break
        case TokenType.Symbol:
          sink.symbol(start, end)
          break
        default:
          sink.source(start, end)
      }
      if (sentenceEnds[index] === 1) sink.endSentence()
    }
  }

  /**
   * Index of the first token of the paragraph child (a sentence, or white
   * space between sentences) that holds token `index`.
   * @param index A token.
   */
  sentenceStart(index: number): number {
    const sentence = this.sentences[index]!
    let start = index
    while (start > 0 && this.sentences[start - 1] === sentence) start--
    return start
  }

  /**
   * Index just past the last token of the paragraph child that holds token
   * `index`: its tokens are `[sentenceStart(index), sentenceEnd(index))`.
   * @param index A token.
   */
  sentenceEnd(index: number): number {
    const sentence = this.sentences[index]!
    let end = index + 1
    while (end < this.length && this.sentences[end] === sentence) end++
    return end
  }

  /** Adds a token that is not white space, after closing an ended sentence. */
  private inSentence(type: TokenTypeValue, start: number, end: number): void {
    if (this.closing) this.closeSentence()
    this.sentenceLength++
    this.push(type, start, end, this.children)
  }

  private closeSentence(): void {
    if (this.sentenceLength > 0) this.children++
    this.sentenceLength = 0
    this.closing = false
  }

  private push(type: TokenTypeValue, start: number, end: number, sentence: number): void {
    const index = this.length++
    if (index === this.types.length) this.grow()
    const prose = this.prose
    this.types[index] = type
    this.proseStarts[index] = start
    this.proseEnds[index] = end
    this.starts[index] = prose.toSource(start)
    this.ends[index] = prose.toSourceEnd(end)
    this.sentences[index] = sentence
    this.sentenceEnds[index] = 0
    this.texts.push(prose.value.slice(start, end))
  }

  /** Doubles the room of every column. */
  private grow(): void {
    const size = this.types.length * 2
    this.types = grown(this.types, new Uint8Array(size))
    this.starts = grown(this.starts, new Int32Array(size))
    this.ends = grown(this.ends, new Int32Array(size))
    this.proseStarts = grown(this.proseStarts, new Int32Array(size))
    this.proseEnds = grown(this.proseEnds, new Int32Array(size))
    this.sentences = grown(this.sentences, new Int32Array(size))
    this.sentenceEnds = grown(this.sentenceEnds, new Uint8Array(size))
  }
}

/** `to` holding `from`'s values at its start. */
function grown<Column extends Uint8Array | Int32Array>(from: Column, to: Column): Column {
  to.set(from)
  return to
}
