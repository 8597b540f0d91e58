/**
 * The state one `lintFiles` call shares between its files (each worker
 * thread builds its own): where configurations come from, the cache, and
 * what is worked out once per configuration rather than once per file, the
 * rules in force, their cache key and the matchers of `ignorePatterns`.
 */
import path from 'node:path'
import type {LintCache} from '../cache/lint-cache.js'
import {resolveRuleSettings} from '../config/resolve.js'
import {ruleMetas} from '../rule-metas.js'
import type {BilintConfig} from '../types.js'
import {ConfigSource, type FileConfig} from './config-source.js'
import type {EnabledRules} from './lint-text.js'
import type {LintFilesOptions, LintOptions} from './options.js'

/** State shared by the files of one `lintFiles` call. */
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

/**
 * The state of one run, without a cache (set `cache` once it is loaded).
 * @param cwd Working directory.
 * @param options The run's options.
 */
export function createLintRun(cwd: string, options: LintFilesOptions): LintRun {
  return {configs: new ConfigSource(cwd, options), options, cache: null, ignoreByConfig: new Map()}
}

/**
 * Whether a configuration's `ignorePatterns` skip a file. The matcher is
 * built once per configuration, with `ignore` loaded on first need.
 * @param run The run, which keeps the matchers.
 * @param found The file's configuration.
 * @param filePath Absolute path.
 */
export async function isIgnoredByConfig(run: LintRun, found: FileConfig, filePath: string): Promise<boolean> {
  const patterns = found.config?.ignorePatterns
  if (!patterns?.length || !found.configPath) return false
  const relative = path.relative(path.dirname(found.configPath), filePath)
  if (relative.startsWith('..')) return false
  let matcher = run.ignoreByConfig.get(found.configPath)
  if (!matcher) {
    const {default: ignore} = await import('ignore')
    const rules = ignore().add(patterns)
    matcher = (relativePath) => rules.ignores(relativePath)
    run.ignoreByConfig.set(found.configPath, matcher)
  }
  return matcher(relative.split(path.sep).join('/'))
}

/** Rule settings cached per configuration object, so each processor is built once. */
const enabledRulesCache = new WeakMap<object, Map<string, EnabledRules>>()
const noConfig = {}

/**
 * The rules in force under a configuration and the call's preset and
 * overrides; the same object for the same inputs, so that everything cached
 * per rules object (processors, cache keys) is built once.
 * @param config The file's configuration, or null.
 * @param options Preset and `--rule` overrides.
 */
export function enabledRulesFor(config: BilintConfig | null, options: LintOptions): EnabledRules {
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

/** Keys of the settings a file is linted with, per rules object, word list and language. */
const settingsKeys = new WeakMap<EnabledRules, WeakMap<readonly string[], Map<string | null, string>>>()

/**
 * A key of everything besides the text and the path that decides a file's
 * result: the rules with their options, the project words and the language.
 * (The path decides the format, and cache entries are stored by path.)
 * Computed once per rules object, word list and language.
 * @param cache The cache, which hashes the settings.
 * @param rules The rules in force.
 * @param words The project words.
 * @param language The forced language, if any.
 */
export function settingsKeyOf(cache: LintCache, rules: EnabledRules, words: readonly string[], language: string | undefined): string {
  let byWords = settingsKeys.get(rules)
  if (!byWords) settingsKeys.set(rules, (byWords = new WeakMap()))
  let byLanguage = byWords.get(words)
  if (!byLanguage) byWords.set(words, (byLanguage = new Map()))
  let key = byLanguage.get(language ?? null)
  if (!key) {
    key = cache.hash(JSON.stringify([[...rules], words, language ?? null]))
    byLanguage.set(language ?? null, key)
  }
  return key
}
