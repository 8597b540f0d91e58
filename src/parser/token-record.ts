/**
 * The tokens of a document's prose, recorded while the document is built
 * (one scan counts each block's letters) and replayed when the rules' walk
 * builds each block's paragraph, so that a block is scanned once, not twice.
 *
 * One record per document holds the blocks' tokens one after the other, one
 * 32-bit entry a token: its end offset in the block's prose, shifted left 3
 * bits, and its kind. A token starts where the one before ends; a sentence
 * end is an entry of its own. Each prose knows where its tokens are.
 */
import type {ProseText} from './prose.js'
import type {TokenSink} from './tokenizer.js'

/** Token kinds, in the low 3 bits of an entry. */
const enum TokenKind {
  Space = 0,
  Word = 1,
  Source = 2,
  Punctuation = 3,
  Symbol = 4,
  SentenceEnd = 5,
}

/** Longest prose a record can describe: offsets take the upper 29 bits. */
export const maxRecordedLength = 2 ** 28

/** The recorded tokens of one document, up to a budget of entries. */
export class TokenRecord {
  private entries = new Int32Array(1024)
  private count = 0

  /** @param budget Most entries it holds: the blocks past it are not recorded. */
  constructor(private readonly budget: number) {}

  /** Whether a block of prose may still be recorded. */
  get hasRoom(): boolean {
    return this.count < this.budget
  }

  /**
   * A sink that records the tokens of `prose` and passes each on to `inner`;
   * call `done()` on it after the scan.
   * @param prose The prose about to be scanned.
   * @param inner The sink the tokens go on to.
   */
  recorderFor(prose: ProseText, inner: TokenSink): TokenSink & {done(): void} {
    const start = this.count
    let lastEnd = 0
    const add = (end: number, kind: TokenKind): void => {
      this.add((end << 3) | kind)
      lastEnd = end
    }
    return {
      space: (from, end) => (add(end, TokenKind.Space), inner.space(from, end)),
      word: (from, end) => (add(end, TokenKind.Word), inner.word(from, end)),
      source: (from, end) => (add(end, TokenKind.Source), inner.source(from, end)),
      punctuation: (from, end) => (add(end, TokenKind.Punctuation), inner.punctuation(from, end)),
      symbol: (from, end) => (add(end, TokenKind.Symbol), inner.symbol(from, end)),
      endSentence: () => (add(lastEnd, TokenKind.SentenceEnd), inner.endSentence()),
      done: () => {
        prose.tokenRecord = this
        prose.tokenStart = start
        prose.tokenCount = this.count - start
      },
    }
  }

  /**
   * Hands the recorded tokens of `prose` to `sink`, in order, and detaches
   * them from it; returns false when none were recorded (scan it instead).
   * @param prose The prose.
   * @param sink Receives the tokens.
   */
  static replay(prose: ProseText, sink: TokenSink): boolean {
    const record = prose.tokenRecord
    if (!record) return false
    prose.tokenRecord = null
    const entries = record.entries
    let start = 0
    for (let index = prose.tokenStart, last = prose.tokenStart + prose.tokenCount; index < last; index++) {
      const entry = entries[index]!
      const end = entry >>> 3
      switch ((entry & 7) as TokenKind) {
        case TokenKind.Space:
          sink.space(start, end)
          break
        case TokenKind.Word:
          sink.word(start, end)
          break
        case TokenKind.Source:
          sink.source(start, end)
          break
        case TokenKind.Punctuation:
          sink.punctuation(start, end)
          break
        case TokenKind.Symbol:
          sink.symbol(start, end)
          break
        case TokenKind.SentenceEnd:
          sink.endSentence()
          break
      }
      start = end
    }
    return true
  }

  /** Appends an entry, growing the array. */
  private add(entry: number): void {
    if (this.count === this.entries.length) {
      const grown = new Int32Array(this.entries.length * 2)
      grown.set(this.entries)
      this.entries = grown
    }
    this.entries[this.count++] = entry
  }
}
