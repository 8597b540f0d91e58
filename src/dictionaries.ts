/**
 * Reads the word lists in `dictionaries/`: one entry a line, `#` lines are
 * the header that names the source. Lists are read once per process.
 */
import {existsSync, readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

let dictionariesFolder: string | undefined
const listCache = new Map<string, readonly string[]>()

/**
 * Absolute path of the `dictionaries/` folder, found by walking up from this
 * module (it sits at a different depth in `src/` and in `dist/src/`).
 */
export function dictionariesPath(): string {
  if (dictionariesFolder) return dictionariesFolder
  let folder = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const candidate = join(folder, 'dictionaries')
    if (existsSync(join(candidate, 'README.md'))) return (dictionariesFolder = candidate)
    const parent = dirname(folder)
    if (parent === folder) throw new Error('bilint: cannot find its dictionaries/ folder')
    folder = parent
  }
}

/**
 * The entries of one word list, in file order, without header or blank lines.
 * @param name File name inside `dictionaries/`, e.g. `formulas.txt`.
 */
export function readWordList(name: string): readonly string[] {
  const cached = listCache.get(name)
  if (cached) return cached
  const entries = parseWordList(readFileSync(join(dictionariesPath(), name), 'utf8'))
  listCache.set(name, entries)
  return entries
}

/**
 * Parses the text of a word list: drops `#` header lines, blank lines and
 * trailing white space.
 * @param text The file's text.
 */
export function parseWordList(text: string): string[] {
  const entries: string[] = []
  for (const line of text.split(/\r?\n/)) {
    const entry = line.trimEnd()
    if (entry === '' || entry.startsWith('#')) continue
    entries.push(entry)
  }
  return entries
}
