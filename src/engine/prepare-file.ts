/**
 * Everything about a file that comes before linting it: its configuration,
 * whether it is ignored, its bytes and text, and its cached result. Loads
 * none of the linting machinery, so a run whose files are all cached never
 * loads the parsers, the rules' dictionaries or worker threads.
 */
import {ConfigError} from '../config/errors.js'
import {decodeText, DecodeError, type DecodedText} from '../text/decode.js'
import type {LintResult} from '../types.js'
import type {FileConfig} from './config-source.js'
import {enabledRulesFor, isIgnoredByConfig, settingsKeyOf, type LintRun} from './lint-run.js'
import type {EnabledRules} from './lint-text.js'
import {defaultMaxFileSize} from './options.js'
import {readSourceBytes} from './read-source.js'

/** The key a file's result is cached under, besides its path. */
export interface CacheKey {
  /** SHA-1 of the file's bytes. */
  contentHash: string
  /** Key of the settings (see `settingsKeyOf`). */
  settingsKey: string
}

/** A file that needs linting, with what linting it takes. */
export interface FileToLint {
  /** Absolute path. */
  filePath: string
  /** Its configuration. */
  found: FileConfig
  /** The rules in force. */
  rules: EnabledRules
  /** The forced language, if any. */
  language: 'en' | 'zh' | undefined
  /** Its text and encoding. */
  decoded: DecodedText
  /** Its cache key, when the run has a cache. */
  cacheKey: CacheKey | null
}

/** A file's result known without linting (null: its configuration ignores it), or what linting it takes. */
export type PreparedFile = {settled: LintResult | null; toLint?: undefined} | {settled?: undefined; toLint: FileToLint}

/**
 * A result for a file that cannot be linted: one fatal message.
 * @param filePath The path.
 * @param reason Why, in one line.
 */
export async function refusedFile(filePath: string, reason: string): Promise<LintResult> {
  const {fatalResult} = await import('./lint-text.js')
  return fatalResult(filePath, reason)
}

/**
 * Looks up a file's configuration, reads and decodes it, and answers from
 * the cache when it can. A file that cannot be read or decoded, or whose
 * configuration is invalid, is settled with one fatal message.
 * @param filePath Absolute path.
 * @param run The run.
 */
export async function prepareFile(filePath: string, run: LintRun): Promise<PreparedFile> {
  const {options} = run
  let found: FileConfig
  try {
    found = await run.configs.forFile(filePath)
  } catch (error) {
    if (error instanceof ConfigError) return {settled: await refusedFile(filePath, `Configuration error: ${error.message}`)}
    throw error
  }
  if (await isIgnoredByConfig(run, found, filePath)) return {settled: null}
  const source = readSourceBytes(filePath, options.maxFileSize ?? defaultMaxFileSize)
  if (source.refusal !== undefined) return {settled: await refusedFile(filePath, source.refusal)}
  const rules = enabledRulesFor(found.config, options)
  const language = options.language ?? found.config?.language
  const {cache} = run
  const cacheKey = cache ? {contentHash: cache.hash(source.bytes), settingsKey: settingsKeyOf(cache, rules, found.words, language)} : null
  // Cached results are of files that were decoded: the same bytes decode again.
  const cached = cache && cacheKey && !options.fix ? cache.get(filePath, cacheKey.contentHash, cacheKey.settingsKey) : undefined
  if (cached && !options.keepSource) return {settled: cached}
  let decoded: DecodedText
  try {
    decoded = decodeText(source.bytes)
  } catch (error) {
    const reason = error instanceof DecodeError ? `Cannot lint: ${error.message}` : `Cannot read file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`
    return {settled: await refusedFile(filePath, reason)}
  }
  if (cached) return {settled: {...cached, source: decoded.text}}
  return {toLint: {filePath, found, rules, language, decoded, cacheKey}}
}
