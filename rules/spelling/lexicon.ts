/**
 * A compact, fast-loading form of what nspell builds from a Hunspell
 * dictionary: every word form it knows (affixes already applied), sorted, one
 * a line, and the few flags its lookups read. nspell's `correct()` and
 * `suggest()` only ever read `data[word]`, so a lexicon behind a read-only
 * Proxy stands in for the 123,000-key object that takes nspell about 250 ms
 * to build.
 *
 * Lookups binary-search the sorted text itself, as `look(1)` does in a sorted
 * file: loading is a single file read, with no splitting or indexing.
 */

/** Sorted word forms, one a line, with the lookup flags of the words that have any. */
export interface Lexicon {
  /** Text holding the words, sorted by UTF-16 code unit, separated by `\n`, from `start` to its end. */
  readonly text: string
  /** Offset of the first word in `text`. */
  readonly start: number
  /** Word → its flags that nspell's lookups test (`ONLYINCOMPOUND`, `NOSUGGEST`, …). */
  readonly flags: ReadonlyMap<string, readonly string[]>
}

/** Flags nspell tests when it looks a word up (`flag()` calls in correct, suggest and spell). */
export const lookupFlagNames = ['FORBIDDENWORD', 'KEEPCASE', 'ONLYINCOMPOUND', 'NOSUGGEST', 'WARN'] as const

/** The value nspell's `data` gives a word without lookup flags; never mutated. */
const noFlags: readonly string[] = Object.freeze([])

/**
 * The flag values an affix file defines for {@link lookupFlagNames}.
 * @param flags nspell's parsed affix flags.
 */
export function lookupFlagValues(flags: Readonly<Record<string, unknown>>): Set<string> {
  const values = new Set<string>()
  for (const name of lookupFlagNames) {
    const value = flags[name]
    if (typeof value === 'string' && value !== '') values.add(value)
  }
  return values
}

/**
 * The lexicon of a built nspell's `data`, keeping only the lookup flags.
 * @param data nspell's word table: word form → flag codes.
 * @param lookupFlags Flag values that lookups test (from {@link lookupFlagValues}).
 * @throws When a word holds a line break, which the format cannot store.
 */
export function lexiconOf(data: Readonly<Record<string, readonly string[]>>, lookupFlags: ReadonlySet<string>): Lexicon {
  // The default sort compares UTF-16 code units, as `compareLine` does.
  const words = Object.keys(data).sort()
  const flags = new Map<string, readonly string[]>()
  for (const word of words) {
    if (word.includes('\n')) throw new Error(`a dictionary word holds a line break: ${JSON.stringify(word)}`)
    const kept = data[word]!.filter((code) => lookupFlags.has(code))
    if (kept.length > 0) flags.set(word, kept)
  }
  return {text: words.join('\n'), start: 0, flags}
}

/**
 * Compares the line `text[start, end)` with `word` by UTF-16 code unit:
 * negative when the line sorts first, 0 when equal, positive after.
 */
function compareLine(text: string, start: number, end: number, word: string): number {
  const length = end - start
  const shorter = Math.min(length, word.length)
  for (let index = 0; index < shorter; index++) {
    const difference = text.charCodeAt(start + index) - word.charCodeAt(index)
    if (difference !== 0) return difference
  }
  return length - word.length
}

/**
 * Whether the lexicon holds `word`: a binary search over character
 * positions that widens each probe to its whole line.
 * @param lexicon The lexicon.
 * @param word A word form.
 */
export function hasWord(lexicon: Lexicon, word: string): boolean {
  const text = lexicon.text
  // `low` is always a line start; `high` a line start or the end of the text.
  let low = lexicon.start
  let high = text.length
  while (low < high) {
    const middle = (low + high) >>> 1
    let lineStart = middle
    while (lineStart > low && text.charCodeAt(lineStart - 1) !== 10) lineStart--
    let lineEnd = text.indexOf('\n', middle)
    if (lineEnd === -1) lineEnd = text.length
    const order = compareLine(text, lineStart, lineEnd, word)
    if (order === 0) return true
    if (order < 0) low = lineEnd + 1
    else high = lineStart
  }
  return false
}

/**
 * What nspell's `data[word]` holds for a word: its lookup flags (often
 * none), or `undefined` for an unknown word.
 * @param lexicon The lexicon.
 * @param word A word form.
 */
export function lexiconEntry(lexicon: Lexicon, word: string): readonly string[] | undefined {
  if (!hasWord(lexicon, word)) return undefined
  return lexicon.flags.get(word) ?? noFlags
}

/**
 * A read-only stand-in for nspell's `data` object, answered from the
 * lexicon. Writes fail (nspell's `add()` and `personal()` must not be used on
 * it), so project words are matched outside nspell.
 * @param lexicon The lexicon.
 */
export function lexiconData(lexicon: Lexicon): Record<string, string[]> {
  return new Proxy(Object.create(null) as Record<string, string[]>, {
    get: (_target, key) => (typeof key === 'string' ? lexiconEntry(lexicon, key) : undefined),
    has: (_target, key) => typeof key === 'string' && hasWord(lexicon, key),
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  })
}

/**
 * The first, middle and last words of a lexicon: probes that a restored
 * lexicon must still find.
 * @param lexicon The lexicon.
 */
export function sampleWords(lexicon: Lexicon): string[] {
  const text = lexicon.text
  if (text.length <= lexicon.start) return []
  const lineAt = (offset: number): string => {
    const start = text.lastIndexOf('\n', offset - 1) + 1
    const end = text.indexOf('\n', offset)
    return text.slice(Math.max(start, lexicon.start), end === -1 ? text.length : end)
  }
  return [lineAt(lexicon.start), lineAt((lexicon.start + text.length) >>> 1), lineAt(text.length - 1)]
}
