/**
 * The programmatic API: `lintText` for one text, `lintFiles` for paths,
 * directories and globs, each file with the configuration found for it.
 *
 * The linting machinery (parsers, rule pipeline, fixes, worker threads) is
 * imported when a file first needs it, so that a run answered from the cache
 * does not load it.
 */
import {availableParallelism} from 'node:os'
import path from 'node:path'
import {defaultCacheLocation, LintCache} from '../cache/lint-cache.js'
import {validateConfig} from '../config/validate.js'
import {discoverFiles} from '../files/discover.js'
import {filesOfShard} from '../files/shard.js'
import {ruleMetas} from '../rule-metas.js'
import type {LintResult} from '../types.js'
import {bilintVersion} from '../version.js'
import {flushRuleCaches} from './cache-flush.js'
import {createLintRun, enabledRulesFor, type LintRun} from './lint-run.js'
import type {LintFilesOptions, LintTextOptions} from './options.js'
import {prepareFile, refusedFile, type CacheKey} from './prepare-file.js'

export {defaultMaxFileSize, type LintFilesOptions, type LintOptions, type LintTextOptions} from './options.js'

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
  const {formatOfPath, lintDocument} = await import('./lint-text.js')
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
  const {fixText} = await import('../fix/fix-loop.js')
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
  // The cache file is read while the files are found.
  const cache = options.cache ? LintCache.load(path.resolve(cwd, options.cacheLocation ?? defaultCacheLocation), bilintVersion()) : null
  const discovered = await discoverFiles(patterns, {cwd})
  run.cache = await cache
  const files = options.shard ? filesOfShard(discovered.files, options.shard, cwd) : discovered.files
  const results: LintResult[] = []
  for (const pattern of discovered.missing) results.push(await refusedFile(pattern, 'No such file or directory, and no file matches this pattern'))
  const threads = options.threads ?? 1
  const linted = threads === 1 ? await lintInThread(files, run) : await lintSharing(files, run, threads)
  for (const result of linted) if (result) results.push(result)
  flushRuleCaches()
  run.cache?.save()
  return results
}

/** Fewest files per thread when the threads are asked for (`threads: N`): below that, starting workers costs more than it saves. */
export const minFilesPerThread = 16

/**
 * Fewest files per thread when bilint chooses (`threads: 'auto'`). Each
 * worker is a new V8 isolate that compiles bilint's hot code again, on the
 * cores the linting needs: measured on two cores, a worker made runs over
 * 100 to 500 files of 4 KB 13–20% slower, and paid off from about 1,000.
 */
export const autoFilesPerThread = 384

/**
 * The threads worth linting some files on, this one included: 0 when this
 * thread alone is as fast. `'auto'` allows one per core, each with at least
 * {@link autoFilesPerThread} files; a number allows that many, each with at
 * least {@link minFilesPerThread}.
 * @param fileCount Files to lint.
 * @param threads The `threads` option.
 * @param cores Cores available (for `'auto'`).
 */
export function threadsFor(fileCount: number, threads: number | 'auto', cores = availableParallelism()): number {
  const [most, perThread] = threads === 'auto' ? [cores, autoFilesPerThread] : [threads, minFilesPerThread]
  const count = Math.min(most, Math.floor(fileCount / perThread))
  return count >= 2 ? count : 0
}

/** Lints files one after the other in this thread; results in the files' order, null for ignored files. */
async function lintInThread(files: readonly string[], run: LintRun): Promise<Array<LintResult | null>> {
  const results: Array<LintResult | null> = []
  let linter: typeof import('./lint-file.js') | undefined
  for (const filePath of files) {
    const prepared = await prepareFile(filePath, run)
    if (!prepared.toLint) {
      results.push(prepared.settled)
      continue
    }
    linter ??= await import('./lint-file.js')
    results.push(await linter.lintPrepared(prepared.toLint, run))
  }
  return results
}

/**
 * Lints files on worker threads when there are enough of them to be worth
 * it. With a cache, this thread first answers what it can from the cache,
 * and the workers get only the rest.
 */
async function lintSharing(files: readonly string[], run: LintRun, threads: number | 'auto'): Promise<Array<LintResult | null>> {
  if (!run.cache) {
    const workers = threadsFor(files.length, threads)
    return workers ? lintOnWorkers(files, run, workers) : lintInThread(files, run)
  }
  const results: Array<LintResult | null> = []
  const misses: number[] = []
  const keys = new Map<number, CacheKey>()
  for (const [index, filePath] of files.entries()) {
    const prepared = await prepareFile(filePath, run)
    results.push(prepared.toLint ? null : prepared.settled)
    if (!prepared.toLint) continue
    misses.push(index)
    if (prepared.toLint.cacheKey) keys.set(index, prepared.toLint.cacheKey)
  }
  const missedFiles = misses.map((index) => files[index]!)
  // Too few misses for workers: this thread prepares them again (a read and a hash each) and lints them.
  const workers = threadsFor(misses.length, threads)
  const linted = workers ? await lintOnWorkers(missedFiles, run, workers) : await lintInThread(missedFiles, run)
  for (const [position, index] of misses.entries()) {
    const result = linted[position] ?? null
    results[index] = result
    const key = keys.get(index)
    if (workers && result && key && result.output === undefined) run.cache.set(files[index]!, key.contentHash, key.settingsKey, result)
  }
  return results
}

/**
 * Lints files on `threads` threads: this one and worker threads, which build
 * their own run from the options (without a cache: this thread keeps it).
 */
async function lintOnWorkers(files: readonly string[], run: LintRun, threads: number): Promise<Array<LintResult | null>> {
  const [parallel, linter] = await Promise.all([import('./parallel.js'), import('./lint-file.js')])
  // This thread's results are cached with the workers' afterwards, as the workers' are.
  const here: LintRun = {...run, cache: null}
  return parallel.lintOnWorkers(files, {...run.options, cwd: run.configs.cwd, cache: false}, threads, (filePath) => linter.lintFile(filePath, here))
}
