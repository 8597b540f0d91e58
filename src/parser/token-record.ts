/**
 * The tokens of a document's prose, recorded while the document is built
 * (one scan counts each block's letters) and replayed when the rules' walk
 * reads each block's tokens, so that a block is scanned once, not twice.
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
const maxRecordedLength = 2 ** 28

/** Entries in the first chunk of a record; each next chunk doubles, up to {@link maxChunkLength}. */
const firstChunkLength = 1024

/** Entries in the largest chunks (256 KB). */
const maxChunkLength = 65_536

/**
 * The recorded tokens of one document, up to a budget of entries. The
 * entries sit in chunks that are never copied or grown: a large document's
 * record costs its 4 bytes an entry and no more.
 */
export class TokenRecord {
  private readonly chunks: Int32Array[] = [new Int32Array(firstChunkLength)]
  /** The last chunk, and how many of its entries are used. */
  private chunk = this.chunks[0]!
  private used = 0
  private count = 0
  /** Where the last replay began to read: a chunk, and the index of its first entry. */
  private readChunk = 0
  private readBase = 0
  private readonly recorder = new TokenRecorder(this)

  /** @param budget Most entries it holds: the blocks past it are not recorded. */
  constructor(private readonly budget: number) {}

  /**
   * Whether the tokens of `prose` may be recorded: the budget is not spent and its offsets fit.
   * @param prose The prose about to be scanned.
   */
  canRecord(prose: ProseText): boolean {
    return this.count < this.budget && prose.value.length < maxRecordedLength
  }

  /**
   * A sink that records the tokens of `prose` and passes each on to `inner`;
   * call `done()` on it after the scan. The record has one such sink, reset
   * for each prose.
   * @param prose The prose about to be scanned.
   * @param inner The sink the tokens go on to.
   */
  recorderFor(prose: ProseText, inner: TokenSink): TokenRecorder {
    this.recorder.reset(prose, inner, this.count)
    return this.recorder
  }

  /** Entries recorded so far. */
  get size(): number {
    return this.count
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
    if (prose.tokenCount === 0) return true
    // Blocks replay in document order: the search for the first chunk starts where the last one ended.
    const chunks = record.chunks
    const first = prose.tokenStart
    if (first < record.readBase) {
      record.readChunk = 0
      record.readBase = 0
    }
    while (record.readBase + chunks[record.readChunk]!.length <= first) record.readBase += chunks[record.readChunk++]!.length
    let chunk = chunks[record.readChunk]!
    let chunkIndex = record.readChunk
    let position = first - record.readBase
    let start = 0
    for (let remaining = prose.tokenCount; remaining > 0; remaining--) {
      if (position === chunk.length) {
        chunk = chunks[++chunkIndex]!
        position = 0
      }
      const entry = chunk[position++]!
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

  /**
   * Appends an entry, starting a chunk when the last one is full.
   * @param entry End offset shifted left 3 bits, and the kind.
   */
  add(entry: number): void {
    if (this.used === this.chunk.length) {
      this.chunk = new Int32Array(Math.min(this.chunk.length * 2, maxChunkLength))
      this.chunks.push(this.chunk)
      this.used = 0
    }
    this.chunk[this.used++] = entry
    this.count++
  }
}

/** Records the tokens of one prose into a {@link TokenRecord} and passes each on to another sink. */
class TokenRecorder implements TokenSink {
  private prose: ProseText | null = null
  private inner: TokenSink | null = null
  private start = 0
  private lastEnd = 0

  /** @param record The record the entries go to. */
  constructor(private readonly record: TokenRecord) {}

  /** Starts recording `prose`, whose entries begin at `start`. */
  reset(prose: ProseText, inner: TokenSink, start: number): void {
    this.prose = prose
    this.inner = inner
    this.start = start
    this.lastEnd = 0
  }

  space(start: number, end: number): void {
    this.add(end, TokenKind.Space)
    this.inner!.space(start, end)
  }

  word(start: number, end: number): void {
    this.add(end, TokenKind.Word)
    this.inner!.word(start, end)
  }

  source(start: number, end: number): void {
    this.add(end, TokenKind.Source)
    this.inner!.source(start, end)
  }

  punctuation(start: number, end: number): void {
    this.add(end, TokenKind.Punctuation)
    this.inner!.punctuation(start, end)
  }

  symbol(start: number, end: number): void {
    this.add(end, TokenKind.Symbol)
    this.inner!.symbol(start, end)
  }

  endSentence(): void {
    this.add(this.lastEnd, TokenKind.SentenceEnd)
    this.inner!.endSentence()
  }

  /** Marks the scan done: the prose now points at its entries. */
  done(): void {
    const prose = this.prose!
    prose.tokenRecord = this.record
    prose.tokenStart = this.start
    prose.tokenCount = this.record.size - this.start
    this.prose = null
    this.inner = null
  }

  private add(end: number, kind: TokenKind): void {
    this.record.add((end << 3) | kind)
    this.lastEnd = end
  }
}
