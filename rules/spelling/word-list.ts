/**
 * Word lists that match words the way nspell matches its own dictionary and
 * personal words: a lower-case entry also accepts its Capitalised and
 * UPPER-CASE forms, a Capitalised entry also its UPPER-CASE form, and any
 * other entry (`NOx`, `VOCs`) only its exact case.
 */
import {readWordList} from '../../src/dictionaries.js'

/**
 * Normalises curly apostrophes to `'`, as nspell's ICONV table does.
 * @param word A word.
 */
export function normalizeApostrophes(word: string): string {
  return word.includes('\u2019') ? word.replaceAll('\u2019', "'") : word
}

/** Whether `word` has no lower-case letter. */
function isUpperCase(word: string): boolean {
  return word === word.toUpperCase()
}

/** A set of words with nspell's case rules. */
export class WordList {
  private readonly entries: ReadonlySet<string>

  /**
   * @param entries The words, as they should be written.
   */
  constructor(entries: Iterable<string>) {
    const normalized = new Set<string>()
    for (const entry of entries) {
      const word = normalizeApostrophes(entry.trim())
      if (word) normalized.add(word)
    }
    this.entries = normalized
  }

  /** Number of entries. */
  get size(): number {
    return this.entries.size
  }

  /**
   * Whether the list accepts `word`: its exact form, for an UPPER-CASE word
   * its Capitalised form, or its lower-case form.
   * @param word A word, apostrophes normalised.
   */
  has(word: string): boolean {
    if (this.entries.has(word)) return true
    if (this.entries.size === 0) return false
    if (isUpperCase(word) && this.entries.has(word.charAt(0) + word.slice(1).toLowerCase())) return true
    const lower = word.toLowerCase()
    return lower !== word && this.entries.has(lower)
  }
}

const shippedLists = new Map<string, WordList>()

/**
 * A word list from `dictionaries/`, read once per process.
 * @param name File name inside `dictionaries/`, e.g. `en-terms.txt`.
 */
export function shippedWordList(name: string): WordList {
  let list = shippedLists.get(name)
  if (!list) shippedLists.set(name, (list = new WordList(readWordList(name))))
  return list
}
