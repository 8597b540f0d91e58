/**
 * `--cache`: results of unchanged files are reused, as ESLint's cache does.
 *
 * An entry is keyed by the file's path and holds the SHA-1 of its bytes and
 * a key of the settings that produced it (rules with their options, project
 * words, language); the whole cache is dropped when bilint's version changes.
 *
 * The file is JSON written in ASCII, every other character escaped
 * (`\u6c49`): decoding ASCII bytes costs a tenth of decoding UTF-8 that is
 * one quarter Chinese, and the results hold many Chinese quotes. A file with
 * bytes outside ASCII is read as UTF-8.
 */
import {isAscii} from 'node:buffer'
import {readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {countsOf, isStoredResult, jsonResultText, lintedWithoutFailure, resultFromJson, storedJsonText} from '../formatters/json-result.js'
import type {LintResult} from '../types.js'

/** Default cache file name, in the working directory. */
export const defaultCacheLocation = '.bilintcache'

/** Version of the cache file's layout; a file of another layout is an empty cache. */
const cacheLayout = 2

/** The cache file's shape. */
interface CacheFile {
  /** bilint version that wrote it. */
  version: string
  /** Its layout ({@link cacheLayout}). */
  layout: number
  /** Entries by absolute path. */
  entries: Record<string, CacheEntry>
}

/** One cached result. */
interface CacheEntry {
  /** SHA-1 of the file's bytes. */
  contentHash: string
  /** Key of the settings the file was linted with. */
  settingsKey: string
  /** The result's counts: errors, warnings, fatal errors, fixable errors, fixable warnings. */
  counts: number[]
  /**
   * The result as the JSON format writes it: read back only when its messages
   * are, and written out as it is in a JSON report.
   */
  json: string
}

/** `node:crypto`, imported by {@link LintCache.load}: runs without a cache do not load it. */
type Crypto = typeof import('node:crypto')

/** A loaded cache, saved back with {@link LintCache.save}. */
export class LintCache {
  private changed = false

  private constructor(
    private readonly location: string,
    private readonly data: CacheFile,
    private readonly crypto: Crypto,
  ) {}

  /**
   * Loads the cache file, or starts an empty cache when it is missing,
   * unreadable, or written by another version.
   * @param location Path of the cache file.
   * @param version bilint's version.
   */
  static async load(location: string, version: string): Promise<LintCache> {
    const crypto = await import('node:crypto')
    try {
      // Read synchronously, and decoded whole: Node's promise-based file code alone takes longer to load than this read.
      const bytes = readFileSync(location)
      const data = JSON.parse(bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8')) as CacheFile
      if (data && data.version === version && data.layout === cacheLayout && typeof data.entries === 'object' && data.entries) {
        return new LintCache(location, data, crypto)
      }
    } catch {
      // A missing or damaged cache is an empty one.
    }
    return new LintCache(location, {version, layout: cacheLayout, entries: Object.create(null) as Record<string, CacheEntry>}, crypto)
  }

  /**
   * The SHA-1 of some bytes or text, in hex: how contents and settings are keyed.
   * @param data Bytes or text.
   */
  hash(data: Uint8Array | string): string {
    return this.crypto.createHash('sha1').update(data).digest('hex')
  }

  /**
   * The cached result for a file, when its content and settings are unchanged.
   * @param filePath Absolute path.
   * @param contentHash SHA-1 of its bytes.
   * @param settingsKey Key of the settings.
   */
  get(filePath: string, contentHash: string, settingsKey: string): LintResult | undefined {
    const entry = this.data.entries[filePath]
    if (!entry || entry.contentHash !== contentHash || entry.settingsKey !== settingsKey) return undefined
    return resultFromJson(entry.json, filePath, entry.counts)
  }

  /**
   * Stores a result. Results of files that could not be linted are not cached.
   * @param filePath Absolute path.
   * @param contentHash SHA-1 of its bytes.
   * @param settingsKey Key of the settings.
   * @param result The result.
   */
  set(filePath: string, contentHash: string, settingsKey: string, result: LintResult): void {
    // A result kept as JSON was linted without failure (the worker checked), and its messages stay unread.
    if (!isStoredResult(result) && !lintedWithoutFailure(result)) {
      if (this.data.entries[filePath]) {
        delete this.data.entries[filePath]
        this.changed = true
      }
      return
    }
    // A result that came as JSON from a worker is stored as it came.
    const stored = result.filePath === filePath ? storedJsonText(result) : undefined
    let json = stored
    if (json === undefined) {
      const {source: _source, output: _output, ...kept} = result
      json = jsonResultText({...kept, filePath})
    }
    this.data.entries[filePath] = {contentHash, settingsKey, counts: countsOf(result), json}
    this.changed = true
  }

  /** Writes the cache atomically when anything changed; an unwritable location is ignored. */
  save(): void {
    if (!this.changed) return
    const temporary = path.join(path.dirname(this.location), `.${path.basename(this.location)}.${this.crypto.randomBytes(4).toString('hex')}.tmp`)
    try {
      writeFileSync(temporary, asciiJson(JSON.stringify(this.data)), 'latin1')
      renameSync(temporary, this.location)
    } catch {
      try {
        rmSync(temporary, {force: true})
      } catch {
        // Nothing to tidy: the folder is not writable.
      }
    }
  }
}

/** JSON text with every character outside ASCII escaped: the same value, in ASCII. */
function asciiJson(json: string): string {
  return json.replace(/[^\0-\x7f]+/g, (run) => {
    let escaped = ''
    for (let index = 0; index < run.length; index++) escaped += `\\u${run.charCodeAt(index).toString(16).padStart(4, '0')}`
    return escaped
  })
}
