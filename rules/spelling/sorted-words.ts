/**
 * A lexicon's words as a sorted array, for lookups by binary search and for
 * narrowing to the words that begin with a given prefix, one character at a
 * time, without building strings.
 */
import type {Lexicon} from './lexicon.js'

/** A range of {@link SortedWords}: the words at positions `[low, high)`. */
export interface WordRange {
  low: number
  high: number
}

/** The words of a lexicon, sorted by UTF-16 code unit. */
export class SortedWords {
  /** The words, sorted by UTF-16 code unit (the default `sort()` order). */
  readonly words: readonly string[]
  /** Word → its lookup flags, for the words that have any. */
  private readonly flags: ReadonlyMap<string, readonly string[]>
  /** The words, for lookups by hash. */
  private readonly members: ReadonlySet<string>

  /**
   * @param lexicon A lexicon (its text is already sorted).
   */
  constructor(lexicon: Lexicon) {
    this.words = lexicon.text.length > lexicon.start ? lexicon.text.slice(lexicon.start).split('\n') : []
    this.flags = lexicon.flags
    this.members = new Set(this.words)
  }

  /** The range of every word. */
  all(): WordRange {
    return {low: 0, high: this.words.length}
  }

  /**
   * Whether `word` is one of the words.
   * @param word A word form.
   */
  has(word: string): boolean {
    return this.members.has(word)
  }

  /**
   * What nspell's `data[word]` holds: the word's lookup flags (often none),
   * or `undefined` when the word is unknown.
   * @param word A word form.
   */
  entry(word: string): readonly string[] | undefined {
    if (!this.has(word)) return undefined
    return this.flags.get(word) ?? noFlags
  }

  /**
   * Narrows `range`, whose words all begin with the same `depth` characters,
   * to those whose next character is `code`: the words that begin with that
   * prefix followed by `code`. Updates `range` in place.
   * @param range The words sharing a prefix of length `depth`; narrowed in place.
   * @param depth Length of their shared prefix.
   * @param code UTF-16 code unit of the next character.
   */
  narrow(range: WordRange, depth: number, code: number): void {
    const words = this.words
    // Within the range, a word equal to the prefix sorts first (key -1), then the words by their character at `depth`.
    let low = range.low
    let high = range.high
    while (low < high) {
      const middle = (low + high) >>> 1
      const word = words[middle]!
      if ((word.length > depth ? word.charCodeAt(depth) : -1) < code) low = middle + 1
      else high = middle
    }
    const first = low
    high = range.high
    while (low < high) {
      const middle = (low + high) >>> 1
      const word = words[middle]!
      if ((word.length > depth ? word.charCodeAt(depth) : -1) <= code) low = middle + 1
      else high = middle
    }
    range.low = first
    range.high = low
  }

  /**
   * Marks in `marks` (a bit per code unit below 128) every ASCII character
   * that follows the shared prefix of length `depth` in some word of `range`.
   * @param range Words sharing a prefix of length `depth`.
   * @param depth Length of their shared prefix.
   * @param marks Four 32-bit words of bits, added to.
   */
  markNextCharacters(range: WordRange, depth: number, marks: Uint32Array): void {
    const words = this.words
    const high = range.high
    let index = range.low
    while (index < high) {
      const word = words[index]!
      const code = word.length > depth ? word.charCodeAt(depth) : -1
      if (code >= 0 && code < 128) marks[code >>> 5]! |= 1 << (code & 31)
      // Skip the other words with the same next character (a binary search when the range is large).
      if (high - index <= 16) {
        index++
        continue
      }
      let low = index + 1
      let top = high
      while (low < top) {
        const middle = (low + top) >>> 1
        const other = words[middle]!
        if ((other.length > depth ? other.charCodeAt(depth) : -1) <= code) low = middle + 1
        else top = middle
      }
      index = low
    }
  }
}

/** The entry of a word without lookup flags; never mutated. */
const noFlags: readonly string[] = Object.freeze([])
