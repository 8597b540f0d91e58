/**
 * The programmatic API: `lintText` for one text, `lintFiles` for paths,
 * directories and globs, each file with the configuration found for it.
 */
import {readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import ignore from 'ignore'
import {ConfigError} from '../config/errors.js'
import {ConfigFinder, loadConfigFile} from '../config/load-config.js'
import {parseWordList} from '../dictionaries.js'
import type {PresetName} from '../config/presets.js'
import {resolveRuleSettings, type CliRuleOverride} from '../config/resolve.js'
import {validateConfig} from '../config/validate.js'
import {defaultCacheLocation, LintCache, sha1} from '../cache/lint-cache.js'
import {discoverFiles} from '../files/discover.js'
import {filesOfShard, type Shard} from '../files/shard.js'
import {bilintVersion} from '../version.js'
import {ruleMetas} from '../rules.js'
import {fixText, type FixLevel} from '../fix/fix-loop.js'
import {WriteError, writeFileAtomic} from '../fix/write-atomic.js'
import {decodeText, DecodeError, encodeText, type DecodedText} from '../text/decode.js'
import type {BilintConfig, LintResult} from '../types.js'
import {fatalResult, formatOfPath, lintDocument, toResult, type EnabledRules} from './lint-text.js'

/** Options shared by {@link lintText} and {@link lintFiles}. */
export interface LintOptions {
  /** Preset the configuration builds on (default `recommended`). */
  preset?: PresetName
  /** `--rule id:severity` overrides, applied last. */
  rules?: CliRuleOverride[]
  /** Forces the document language (default: configuration, then detection). */
  language?: 'en' | 'zh'
  /** Keep each file's text in its result, for reporters that show it (default false). */
  keepSource?: boolean
  /** Apply fixes: `safe` ones, or `unsafe` ones too (default: none). Files are written unless `fixDryRun`. */
  fix?: FixLevel | false
}

/** Options of {@link lintText}. */
export interface LintTextOptions extends LintOptions {
  /** Path or name of the text: decides Markdown or plain text, and is reported (default `<text>`). */
  filePath?: string
  /** Configuration object, validated before use (default: none, the preset alone). */
  config?: BilintConfig | null
  /** Project words besides the configuration's `words` (default none). */
  projectWords?: readonly string[]
}

/** Options of {@link lintFiles}. */
export interface LintFilesOptions extends LintOptions {
  /** Directory relative paths are resolved against (default `process.cwd()`). */
  cwd?: string
  /** One configuration file for every file, instead of looking for one (`--config`). */
  configFile?: string
  /** Look for configuration files (default true; `--no-config` sets false). */
  useConfigFiles?: boolean
  /** Compute fixes (`output`) but write nothing (default false). */
  fixDryRun?: boolean
  /** Files larger than this many bytes are refused with one message (default {@link defaultMaxFileSize}). */
  maxFileSize?: number
  /** Reuse the results of unchanged files from a cache file (default false). */
  cache?: boolean
  /** The cache file (default `.bilintcache` in `cwd`). */
  cacheLocation?: string
  /** Lint only this shard of the files (default: all). */
  shard?: Shard
  /** Worker threads to lint on (default 1: in this thread). Small runs stay in this thread. */
  threads?: number
}

/** Default largest file linted: 20 MB, far more than any prose document. */
export const defaultMaxFileSize = 20_000_000

/** Rule settings cached per configuration object, so each processor is built once. */
const enabledRulesCache = new WeakMap<object, Map<string, EnabledRules>>()
const noConfig = {}

function enabledRulesFor(config: BilintConfig | null, options: LintOptions): EnabledRules {
  const key = config ?? noConfig
  let byOptions = enabledRulesCache.get(key)
  if (!byOptions) enabledRulesCache.set(key, (byOptions = new Map()))
  const optionsKey = JSON.stringify([options.preset ?? 'recommended', options.rules ?? []])
  let enabled = byOptions.get(optionsKey)
  if (!enabled) {
    enabled = resolveRuleSettings(options.preset ?? 'recommended', config, options.rules ?? [], ruleMetas) as EnabledRules
    byOptions.set(optionsKey, enabled)
  }
  return enabled
}

/**
 * Lints one text.
 * @param text The text (a leading BOM is ignored).
 * @param options Path, configuration, language and overrides.
 * @returns The result in ESLint's JSON shape.
 */
export async function lintText(text: string, options: LintTextOptions = {}): Promise<LintResult> {
  const filePath = options.filePath ?? '<text>'
  const config = options.config ? await validateConfig(options.config, '<config>', ruleMetas) : null
  const rules = enabledRulesFor(config, options)
  const lintOnce = (body: string): Promise<LintResult> =>
    lintDocument(body, rules, {
      filePath,
      format: formatOfPath(filePath),
      language: options.language ?? config?.language,
      keepSource: options.keepSource,
      projectWords: [...(config?.words ?? []), ...(options.projectWords ?? [])],
    })
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (!options.fix) return lintOnce(body)
  const outcome = await fixText(body, lintOnce, options.fix)
  return outcome.output === body ? outcome.result : {...outcome.result, output: outcome.output}
}

/**
 * Lints files, directories and globs. A file that cannot be read, or whose
 * configuration is invalid, gets one fatal message; the others are still linted.
 * @param patterns Paths, directories or globs.
 * @param options Working directory, configuration and overrides.
 * @returns One result per file, in path order; a pattern that matches nothing gets a fatal result.
 */
export async function lintFiles(patterns: readonly string[], options: LintFilesOptions = {}): Promise<LintResult[]> {
  const cwd = path.resolve(options.cwd ?? process.cwd())
  const run = createLintRun(cwd, options)
  if (options.cache) run.cache = await LintCache.load(path.resolve(cwd, options.cacheLocation ?? defaultCacheLocation), bilintVersion())
  const discovered = await discoverFiles(patterns, {cwd})
  const files = options.shard ? filesOfShard(discovered.files, options.shard, cwd) : discovered.files
  const results: LintResult[] = discovered.missing.map((pattern) =>
    fatalResult(pattern, 'No such file or directory, and no file matches this pattern'),
  )
  const threads = Math.min(options.threads ?? 1, Math.floor(files.length / minFilesPerThread))
  if (threads >= 2) {
    results.push(...(await lintInParallel(files, run, threads)))
  } else {
    for (const filePath of files) {
      const result = await lintFile(filePath, run)
      if (result) results.push(result)
    }
  }
  await run.cache?.save()
  return results
}

/** Fewest files per worker thread: below that, starting workers costs more than it saves. */
export const minFilesPerThread = 16

/**
 * Lints files on worker threads; cache hits are answered here, misses are
 * linted by the workers, results come back in the files' order.
 */
async function lintInParallel(files: readonly string[], run: LintRun, threads: number): Promise<LintResult[]> {
  const slots: Array<LintResult | null> = new Array(files.length).fill(null)
  const keys: Array<CacheKey | null> = new Array(files.length).fill(null)
  const misses: number[] = []
  for (let index = 0; index < files.length; index++) {
    if (!run.cache) {
      misses.push(index)
      continue
    }
    const lookup = await lookUpCache(files[index]!, run)
    if (lookup.hit) slots[index] = lookup.hit
    else {
      keys[index] = lookup.key
      misses.push(index)
    }
  }
  const {lintOnWorkers} = await import('./parallel.js')
  const linted = await lintOnWorkers(
    misses.map((index) => files[index]!),
    {...run.options, cwd: run.configs.cwd, cache: false},
    threads,
  )
  misses.forEach((fileIndex, position) => {
    const result = linted[position] ?? null
    slots[fileIndex] = result
    const key = keys[fileIndex]
    if (result && key && run.cache && result.output === undefined) run.cache.set(files[fileIndex]!, key.contentHash, key.settingsKey, result)
  })
  return slots.filter((result): result is LintResult => result !== null)
}

/** The cache key of a file, and its cached result when there is one. */
interface CacheKey {
  contentHash: string
  settingsKey: string
}

/** Looks a file up in the cache without linting it. */
async function lookUpCache(filePath: string, run: LintRun): Promise<{hit: LintResult | null; key: CacheKey | null}> {
  try {
    const found = await run.configs.forFile(filePath)
    if (isIgnoredByConfig(run, found, filePath)) return {hit: null, key: null}
    if (!(await stat(filePath)).isFile()) return {hit: null, key: null}
    const bytes = await readFile(filePath)
    const rules = enabledRulesFor(found.config, run.options)
    const language = run.options.language ?? found.config?.language
    const key = {contentHash: sha1(bytes), settingsKey: settingsKeyOf(rules, found.words, language, formatOfPath(filePath))}
    if (run.options.fix) return {hit: null, key}
    const hit = run.cache!.get(filePath, key.contentHash, key.settingsKey) ?? null
    return {hit: hit && run.options.keepSource ? {...hit, source: decodeText(bytes).text} : hit, key}
  } catch {
    // The worker reports unreadable files and bad configuration.
    return {hit: null, key: null}
  }
}

/**
 * The state one run of {@link lintFiles} shares between its files (also
 * built by each worker thread).
 * @param cwd Working directory.
 * @param options The run's options.
 */
export function createLintRun(cwd: string, options: LintFilesOptions): LintRun {
  return {configs: new ConfigSource(cwd, options), options, cache: null, ignoreByConfig: new Map()}
}

/** State shared by the files of one {@link lintFiles} call. */
export interface LintRun {
  /** Where configurations come from. */
  configs: ConfigSource
  /** The call's options. */
  options: LintFilesOptions
  /** The result cache, with `cache` on. */
  cache: LintCache | null
  /** Matchers of each configuration's `ignorePatterns`, built once. */
  ignoreByConfig: Map<string, (relativePath: string) => boolean>
}

/** Whether a configuration's `ignorePatterns` skip a file. */
function isIgnoredByConfig(run: LintRun, found: FileConfig, filePath: string): boolean {
  const patterns = found.config?.ignorePatterns
  if (!patterns?.length || !found.configPath) return false
  const relative = path.relative(path.dirname(found.configPath), filePath)
  if (relative.startsWith('..')) return false
  let matcher = run.ignoreByConfig.get(found.configPath)
  if (!matcher) {
    const rules = ignore().add(patterns)
    matcher = (relativePath) => rules.ignores(relativePath)
    run.ignoreByConfig.set(found.configPath, matcher)
  }
  return matcher(relative.split(path.sep).join('/'))
}

/** Keys of the settings a file is linted with, per rules object and word list. */
const settingsKeys = new WeakMap<EnabledRules, Map<string, string>>()

/** A key of everything besides the text that decides a file's result. */
function settingsKeyOf(rules: EnabledRules, words: readonly string[], language: string | undefined, format: string): string {
  let byRest = settingsKeys.get(rules)
  if (!byRest) settingsKeys.set(rules, (byRest = new Map()))
  const rest = JSON.stringify([words, language ?? null, format])
  let key = byRest.get(rest)
  if (!key) {
    key = sha1(JSON.stringify([[...rules], rest]))
    byRest.set(rest, key)
  }
  return key
}

/** Reads, decodes, lints (from the cache when it can) and fixes one file; null when its configuration ignores it. */
export async function lintFile(filePath: string, run: LintRun): Promise<LintResult | null> {
  const {options} = run
  let found: FileConfig
  try {
    found = await run.configs.forFile(filePath)
  } catch (error) {
    if (error instanceof ConfigError) return fatalResult(filePath, `Configuration error: ${error.message}`)
    throw error
  }
  if (isIgnoredByConfig(run, found, filePath)) return null
  let bytes: Uint8Array
  let decoded: DecodedText
  try {
    const limit = options.maxFileSize ?? defaultMaxFileSize
    const stats = await stat(filePath)
    // Pipes and devices have no size and may never end: only regular files are read.
    if (!stats.isFile()) return fatalResult(filePath, 'Cannot lint: not a regular file')
    const size = stats.size
    if (size > limit) {
      return fatalResult(filePath, `File too large (${formatBytes(size)}; the limit is ${formatBytes(limit)}, raise it with --max-file-size)`)
    }
    bytes = await readFile(filePath)
    decoded = decodeText(bytes)
  } catch (error) {
    if (error instanceof DecodeError) return fatalResult(filePath, `Cannot lint: ${error.message}`)
    const code = (error as NodeJS.ErrnoException).code
    return fatalResult(filePath, `Cannot read file (${code ?? (error as Error).message})`)
  }
  const rules = enabledRulesFor(found.config, options)
  const language = options.language ?? found.config?.language
  const format = formatOfPath(filePath)
  const lintOnce = (text: string): Promise<LintResult> =>
    lintDocument(text, rules, {filePath, format, language, keepSource: options.keepSource, projectWords: found.words})
  const cacheKey = run.cache ? {contentHash: sha1(bytes), settingsKey: settingsKeyOf(rules, found.words, language, format)} : null
  if (run.cache && cacheKey && !options.fix) {
    const cached = run.cache.get(filePath, cacheKey.contentHash, cacheKey.settingsKey)
    if (cached) return options.keepSource ? {...cached, source: decoded.text} : cached
  }
  const result = await lintAndFix(filePath, decoded, lintOnce, options)
  if (run.cache && cacheKey && result.output === undefined) run.cache.set(filePath, cacheKey.contentHash, cacheKey.settingsKey, result)
  return result
}

/** Lints a decoded file, applying and writing fixes when asked. */
async function lintAndFix(
  filePath: string,
  decoded: DecodedText,
  lintOnce: (text: string) => Promise<LintResult>,
  options: LintFilesOptions,
): Promise<LintResult> {
  if (!options.fix) return lintOnce(decoded.text)
  const outcome = await fixText(decoded.text, lintOnce, options.fix)
  if (outcome.output === decoded.text) return outcome.result
  const result: LintResult = {...outcome.result, output: outcome.output}
  if (options.fixDryRun) return result
  try {
    await writeFileAtomic(filePath, encodeText(outcome.output, decoded))
  } catch (error) {
    if (!(error instanceof WriteError)) throw error
    const failed = fatalResult(filePath, `Cannot write fixes: ${error.message.replace(/^cannot write fixes: /, '')}`)
    return toResult(filePath, [...failed.messages, ...result.messages])
  }
  return result
}

/** A byte count for messages: `20 MB`, `512 KB`. */
function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${Number((bytes / 1_000_000).toFixed(1))} MB`
  if (bytes >= 1000) return `${Number((bytes / 1000).toFixed(1))} KB`
  return `${bytes} bytes`
}

/** The configuration that applies to a file, with its project words. */
export interface FileConfig {
  /** The validated configuration, or null when there is none. */
  config: BilintConfig | null
  /** The file it came from. */
  configPath: string | null
  /** The configuration's `words` plus the entries of `.bilint-words.txt` beside it. */
  words: readonly string[]
}

/** Name of the project word list read beside a configuration file. */
export const projectWordsFileName = '.bilint-words.txt'

/** Reads `.bilint-words.txt` beside a configuration file; empty when there is none. */
async function readProjectWords(configPath: string | null): Promise<string[]> {
  if (!configPath) return []
  try {
    return parseWordList(await readFile(path.join(path.dirname(configPath), projectWordsFileName), 'utf8'))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw new ConfigError(path.join(path.dirname(configPath), projectWordsFileName), undefined, `cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }
}

/** Where each file's configuration comes from: `--config`, a config file found, or none. */
export class ConfigSource {
  private readonly finder: ConfigFinder | null
  private fixed: Promise<FileConfig> | null = null
  private readonly wordsByConfig = new Map<string, Promise<FileConfig>>()

  /**
   * @param cwd Working directory.
   * @param options Whether and where to look.
   */
  constructor(
    /** Working directory. */
    readonly cwd: string,
    private readonly options: Pick<LintFilesOptions, 'configFile' | 'useConfigFiles'>,
  ) {
    this.finder = options.useConfigFiles === false || options.configFile ? null : new ConfigFinder({cwd, rules: ruleMetas})
  }

  /**
   * The configuration for a file.
   * @param filePath Absolute path (or stdin name).
   * @throws {ConfigError} When the configuration is invalid.
   */
  async forFile(filePath: string): Promise<FileConfig> {
    if (this.options.configFile) {
      const configPath = path.resolve(this.cwd, this.options.configFile)
      this.fixed ??= loadConfigFile(configPath).then(async (config) => {
        const validated = await validateConfig(config, configPath, ruleMetas)
        return {config: validated, configPath, words: [...(validated.words ?? []), ...(await readProjectWords(configPath))]}
      })
      return this.fixed
    }
    if (!this.finder) return {config: null, configPath: null, words: []}
    const found = await this.finder.find(filePath)
    if (!found) return {config: null, configPath: null, words: []}
    let withWords = this.wordsByConfig.get(found.configPath)
    if (!withWords) {
      withWords = readProjectWords(found.configPath).then((words) => ({...found, words: [...(found.config.words ?? []), ...words]}))
      this.wordsByConfig.set(found.configPath, withWords)
    }
    return withWords
  }
}
