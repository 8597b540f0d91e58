/**
 * Loads nspell with a Hunspell dictionary from npm, through a cache.
 *
 * Building nspell from dictionary-en takes 200–400 ms, more than a linter
 * can spend on a small file. The first build writes the resulting word list
 * ({@link Lexicon}) to `node_modules/.cache/bilint/`, keyed by the
 * dictionary's and nspell's versions; later processes read it in 15–20 ms
 * and give nspell a read-only view of it instead of its own word table.
 *
 * Loading is synchronous because rule checks are: the engine runs rules with
 * `runSync`. It happens once per process and locale, on the first word that
 * needs it.
 */
import {isAscii} from 'node:buffer'
import {existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join, sep} from 'node:path'
import {fileURLToPath} from 'node:url'
// Imported statically so that the bundle holds nspell: one module to load, not twenty CommonJS files.
import NSpell from 'nspell'
import {lexiconData, lexiconOf, lookupFlagValues, sampleWords, type Lexicon} from './lexicon.js'

/** Spelling locales bilint supports. */
export type Locale = 'en-US' | 'en-GB'

/** The npm package holding each locale's Hunspell dictionary (index.aff, index.dic). */
export const dictionaryPackages: Readonly<Record<Locale, string>> = {
  'en-US': 'dictionary-en',
  'en-GB': 'dictionary-en-gb',
}

/** Version of the cache file layout; bump it when the layout changes. */
export const cacheFormat = 1

/** An installed dictionary package. */
export interface DictionaryPackage {
  /** Package name (`dictionary-en`). */
  name: string
  /** Package version (`4.0.0`). */
  version: string
  /** Absolute folder of the package. */
  folder: string
}

/** A loaded speller and how it was loaded. */
export interface LoadedSpeller {
  /** The nspell instance: use `correct()` and `suggest()` only. */
  spell: NSpell
  /** Its word forms, sorted, with their lookup flags. */
  lexicon: Lexicon
  /** `cache` when read from the cache file, `dictionary` when built from the .aff/.dic files. */
  origin: 'cache' | 'dictionary'
  /** Wall time of the load, in milliseconds. */
  milliseconds: number
  /** The cache file read or written, or null when caching was off or failed. */
  cacheFile: string | null
  /** The installed packages it was loaded from. */
  key: CacheKey
}

/** Options of {@link loadSpeller}. */
export interface LoadOptions {
  /** Cache folder; `null` turns caching off (default: `.cache/bilint` in the `node_modules` holding the dictionary). */
  cacheFolder?: string | null
}

/** What a cache file was built from; it is used only when all of it matches the installed packages. */
export interface CacheKey {
  /** {@link cacheFormat} of the writer. */
  format: number
  /** `name@version` of the dictionary package. */
  dictionary: string
  /** nspell's version. */
  nspell: string
  /** Size of index.aff in bytes. */
  affBytes: number
  /** Size of index.dic in bytes. */
  dicBytes: number
}

/** The first line of a cache file: its key, and what restores and checks its body. */
interface CacheHeader extends CacheKey {
  /** Number of words in the body. */
  words: number
  /** Length of the body in UTF-16 code units: a truncated file fails this check. */
  bodyLength: number
  /** Sources of nspell's compound-rule expressions (flag `i`). */
  compoundRules: string[]
  /** Words with lookup flags. */
  flags: Record<string, string[]>
  /** Words and the verdict the freshly built nspell gave them. */
  canaries: Array<[string, boolean]>
}

/** The parts of an nspell 2.x instance that the cache replaces; plain fields in its source. */
interface NspellInternals {
  data: Record<string, string[]>
  flags: Record<string, unknown>
  compoundRules: Array<RegExp | string>
}

const require = createRequire(import.meta.url)

/**
 * The nearest `package.json` above a resolved entry file that names `name`.
 * @param entry Absolute path of a file inside the package.
 * @param name The package name.
 */
function packageRoot(entry: string, name: string): {folder: string; version: string} {
  for (let folder = dirname(entry); ; folder = dirname(folder)) {
    const manifest = join(folder, 'package.json')
    if (existsSync(manifest)) {
      const json = JSON.parse(readFileSync(manifest, 'utf8')) as {name?: string; version?: string}
      if (json.name === name) return {folder, version: json.version ?? '0.0.0'}
    }
    if (dirname(folder) === folder) throw new Error(`cannot find the package.json of \`${name}\``)
  }
}

/**
 * The folder and version of an installed package, looked up in the
 * `node_modules` folders above this module, as Node resolves a bare name,
 * without starting Node's CommonJS resolver (which costs a few milliseconds
 * in a process that has not used it yet). Other layouts go to the resolver.
 * @param name The package name.
 * @throws When the package cannot be resolved.
 */
function findPackage(name: string): {folder: string; version: string} {
  for (let folder = dirname(fileURLToPath(import.meta.url)); ; folder = dirname(folder)) {
    const manifest = join(folder, 'node_modules', name, 'package.json')
    if (existsSync(manifest)) {
      const json = JSON.parse(readFileSync(manifest, 'utf8')) as {name?: string; version?: string}
      if (json.name === name) return {folder: dirname(manifest), version: json.version ?? '0.0.0'}
    }
    if (dirname(folder) === folder) break
  }
  return packageRoot(require.resolve(name), name)
}

/**
 * Finds the dictionary package of a locale.
 * @param locale The locale.
 * @throws When the package is not installed, naming the package to install.
 */
export function locateDictionary(locale: Locale): DictionaryPackage {
  const name = dictionaryPackages[locale]
  try {
    const {folder, version} = findPackage(name)
    return {name, version, folder}
  } catch {
    throw new Error(`locale \`${locale}\` needs the dictionary package \`${name}\`; install it with \`npm install ${name}\``)
  }
}

/** nspell's version, for the cache key. */
function nspellVersion(): string {
  return findPackage('nspell').version
}

/**
 * The default cache folder: `.cache/bilint` inside the outermost
 * `node_modules` that holds the dictionary, or null when it is not in one.
 * @param dictionary The dictionary package.
 */
export function defaultCacheFolder(dictionary: DictionaryPackage): string | null {
  const marker = `${sep}node_modules${sep}`
  const at = dictionary.folder.indexOf(marker)
  if (at === -1) return null
  return join(dictionary.folder.slice(0, at + marker.length - 1), '.cache', 'bilint')
}

/** File name of a dictionary's cache: `spelling-dictionary-en@4.0.0.txt`. */
function cacheFileName(dictionary: DictionaryPackage): string {
  return `spelling-${dictionary.name}@${dictionary.version}.txt`
}

/**
 * The cache key of an installed dictionary.
 * @param dictionary The dictionary package.
 */
export function cacheKeyOf(dictionary: DictionaryPackage): CacheKey {
  return {
    format: cacheFormat,
    dictionary: `${dictionary.name}@${dictionary.version}`,
    nspell: nspellVersion(),
    affBytes: statSync(join(dictionary.folder, 'index.aff')).size,
    dicBytes: statSync(join(dictionary.folder, 'index.dic')).size,
  }
}

/** Builds nspell from the package's .aff and .dic files. */
function buildFromDictionary(dictionary: DictionaryPackage): NSpell {
  const aff = readFileSync(join(dictionary.folder, 'index.aff'))
  const dic = readFileSync(join(dictionary.folder, 'index.dic'))
  return NSpell({aff, dic})
}

/**
 * The text of a cache file for a freshly built speller.
 * @param spell The nspell built from the dictionary files.
 * @param key The header fields naming the packages.
 */
export function serializeSpeller(spell: NSpell, key: CacheKey): string {
  return serializeLexicon(spell, lexiconOfSpeller(spell), key)
}

/** The lexicon of a freshly built speller. */
function lexiconOfSpeller(spell: NSpell): Lexicon {
  const internals = spell as unknown as NspellInternals
  return lexiconOf(internals.data, lookupFlagValues(internals.flags))
}

/** The text of a cache file for a freshly built speller and its lexicon. */
function serializeLexicon(spell: NSpell, lexicon: Lexicon, key: CacheKey): string {
  const internals = spell as unknown as NspellInternals
  // Probes of the sorted text (first, middle, last word), a common word and a non-word.
  const canaries = [...sampleWords(lexicon), 'the', 'xqzvbnmlkj']
  const header: CacheHeader = {
    ...key,
    words: Object.keys(internals.data).length,
    bodyLength: lexicon.text.length,
    compoundRules: internals.compoundRules.map((rule) => (rule instanceof RegExp ? rule.source : rule)),
    flags: Object.fromEntries(lexicon.flags) as Record<string, string[]>,
    canaries: canaries.map((word) => [word, spell.correct(word)]),
  }
  return `${JSON.stringify(header)}\n${lexicon.text}`
}

/**
 * nspell restored from a cache file's text, or null when the file does not
 * match the installed packages or fails its checks.
 * @param text The cache file's text.
 * @param key The header fields naming the installed packages.
 * @param aff The dictionary's affix file (nspell parses it in about 2 ms).
 */
export function restoreSpeller(text: string, key: CacheKey, aff: Buffer): NSpell | null {
  return restoreCache(text, key, aff)?.spell ?? null
}

/**
 * nspell and its lexicon restored from a cache file's text, or null when the
 * file does not match the installed packages or fails its checks.
 * @param text The cache file's text.
 * @param key The header fields naming the installed packages.
 * @param aff The dictionary's affix file.
 */
function restoreCache(text: string, key: CacheKey, aff: Buffer): {spell: NSpell; lexicon: Lexicon} | null {
  const headerEnd = text.indexOf('\n')
  if (headerEnd === -1) return null
  let header: CacheHeader
  try {
    header = JSON.parse(text.slice(0, headerEnd)) as CacheHeader
  } catch {
    return null
  }
  for (const field of Object.keys(key) as Array<keyof typeof key>) {
    if (header[field] !== key[field]) return null
  }
  if (text.length - headerEnd - 1 !== header.bodyLength) return null
  const spell = NSpell(aff)
  const internals = spell as unknown as NspellInternals
  const lexicon: Lexicon = {text, start: headerEnd + 1, flags: new Map(Object.entries(header.flags))}
  internals.data = lexiconData(lexicon)
  internals.compoundRules = header.compoundRules.map((source) => new RegExp(source, 'i'))
  for (const [word, verdict] of header.canaries) {
    if (spell.correct(word) !== verdict) return null
  }
  return {spell, lexicon}
}

/** Writes a cache file atomically (a temporary file, then a rename); returns false when it cannot. */
function writeCacheFile(file: string, text: string): boolean {
  const temporary = `${file}.${process.pid}.tmp`
  try {
    mkdirSync(dirname(file), {recursive: true})
    writeFileSync(temporary, text)
    renameSync(temporary, file)
    return true
  } catch {
    // A read-only install still lints; it only loads more slowly.
    return false
  }
}

/** Reads a cache file, or null when there is none. */
function readCacheFile(file: string): string | null {
  try {
    const bytes = readFileSync(file)
    // The English lexicons are ASCII: Latin-1 decoding copies the bytes, far faster than UTF-8 decoding.
    return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8')
  } catch {
    return null
  }
}

/**
 * Milliseconds since a `process.hrtime.bigint()` reading: the clock that
 * needs no module (loading `node:perf_hooks` costs a few milliseconds).
 */
function millisecondsSince(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e6
}

/**
 * Loads nspell for a locale: from the cache when it is valid, otherwise from
 * the dictionary files, writing the cache for the next process.
 * @param locale The locale.
 * @param options Where the cache lives.
 * @throws When the locale's dictionary package is not installed.
 */
export function loadSpeller(locale: Locale, options: LoadOptions = {}): LoadedSpeller {
  return loadDictionary(locateDictionary(locale), options)
}

/**
 * Loads nspell with an installed dictionary package, through the cache.
 * @param dictionary The package.
 * @param options Where the cache lives.
 */
export function loadDictionary(dictionary: DictionaryPackage, options: LoadOptions = {}): LoadedSpeller {
  const started = process.hrtime.bigint()
  const key = cacheKeyOf(dictionary)
  const folder = options.cacheFolder === undefined ? defaultCacheFolder(dictionary) : options.cacheFolder
  const file = folder === null ? null : join(folder, cacheFileName(dictionary))
  const cached = file === null ? null : readCacheFile(file)
  if (cached !== null) {
    const restored = restoreCache(cached, key, readFileSync(join(dictionary.folder, 'index.aff')))
    if (restored) return {...restored, key, origin: 'cache', milliseconds: millisecondsSince(started), cacheFile: file}
  }
  const spell = buildFromDictionary(dictionary)
  const lexicon = lexiconOfSpeller(spell)
  const written = file !== null && writeCacheFile(file, serializeLexicon(spell, lexicon, key))
  return {spell, lexicon, key, origin: 'dictionary', milliseconds: millisecondsSince(started), cacheFile: written ? file : null}
}
