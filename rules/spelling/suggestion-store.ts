/**
 * Suggestions kept between runs, beside the dictionary cache.
 *
 * A suggestion costs about 1 ms, and 25 ms for a word two edits from any
 * other; the same unknown words (names, jargon, the same typos) come back run
 * after run and in every worker thread. The store is read on the first
 * suggestion a process needs, and what the process computed is merged into
 * it and written at the end of each batch of files ({@link flush}).
 *
 * The file is text: a JSON header that must match the installed dictionary,
 * nspell and this code's suggestion format, then one line a word, `word`,
 * a tab and the suggestions separated by tabs. A file that does not match or
 * is cut short is ignored and rewritten. It holds at most {@link maxStoredWords}
 * words, the most recent ones.
 */
import {mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import {dirname} from 'node:path'

/** Version of what is stored: bump it when the suggestion algorithm, the ranking or the number kept changes. */
export const suggestionFormat = 1

/** Words a store keeps; older ones are dropped first. */
export const maxStoredWords = 20_000

/** What the stored suggestions were computed with. */
export interface SuggestionKey {
  /** `name@version` of the dictionary package. */
  dictionary: string
  /** nspell's version. */
  nspell: string
}

/** The first line of a store file. */
interface StoreHeader extends SuggestionKey {
  /** {@link suggestionFormat} of the writer. */
  format: number
  /** Number of word lines that follow: a file cut short fails this check. */
  words: number
}

/** Suggestions for unknown words, read from and written to one file. */
export class SuggestionStore {
  /** Words computed in this process since the last flush. */
  private readonly fresh = new Map<string, readonly string[]>()

  /**
   * @param file The store file.
   * @param key What the suggestions are computed with.
   */
  constructor(
    readonly file: string,
    private readonly key: SuggestionKey,
  ) {}

  /** The stored suggestions, or none when the file is missing, unreadable or made for something else. */
  read(): Map<string, readonly string[]> {
    let text: string
    try {
      text = readFileSync(this.file, 'utf8')
    } catch {
      return new Map()
    }
    return parseStore(text, this.key) ?? new Map()
  }

  /**
   * Records suggestions computed in this process, for the next {@link flush}.
   * @param word The unknown word.
   * @param suggestions Its suggestions, best first.
   */
  record(word: string, suggestions: readonly string[]): void {
    if (word.includes('\t') || word.includes('\n')) return
    this.fresh.set(word, suggestions)
  }

  /**
   * Merges the recorded suggestions into the file as it is now (another
   * process may have added to it) and writes it atomically. Does nothing
   * when nothing was recorded; a file that cannot be written is left alone.
   */
  flush(): void {
    if (this.fresh.size === 0) return
    const merged = this.read()
    for (const [word, suggestions] of this.fresh) {
      merged.delete(word)
      merged.set(word, suggestions)
    }
    this.fresh.clear()
    const kept = [...merged].slice(-maxStoredWords)
    const header: StoreHeader = {format: suggestionFormat, dictionary: this.key.dictionary, nspell: this.key.nspell, words: kept.length}
    const lines = kept.map(([word, suggestions]) => [word, ...suggestions].join('\t'))
    const temporary = `${this.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
    try {
      mkdirSync(dirname(this.file), {recursive: true})
      writeFileSync(temporary, `${JSON.stringify(header)}\n${lines.join('\n')}`)
      renameSync(temporary, this.file)
    } catch {
      // A read-only install still lints; it only suggests more slowly.
    }
  }
}

/**
 * The suggestions of a store file's text, or null when its header does not
 * match `key` or the file is cut short.
 * @param text The file's text.
 * @param key What the suggestions must have been computed with.
 */
export function parseStore(text: string, key: SuggestionKey): Map<string, readonly string[]> | null {
  const headerEnd = text.indexOf('\n')
  let header: StoreHeader
  try {
    header = JSON.parse(headerEnd === -1 ? text : text.slice(0, headerEnd)) as StoreHeader
  } catch {
    return null
  }
  if (header.format !== suggestionFormat || header.dictionary !== key.dictionary || header.nspell !== key.nspell) return null
  const stored = new Map<string, readonly string[]>()
  if (header.words === 0) return stored
  if (headerEnd === -1) return null
  const lines = text.slice(headerEnd + 1).split('\n')
  if (lines.length !== header.words) return null
  for (const line of lines) {
    const [word, ...suggestions] = line.split('\t')
    if (!word) return null
    stored.set(word, suggestions)
  }
  return stored
}
