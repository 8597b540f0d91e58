/**
 * Measurements of the built CLI as users run it, each in a fresh process:
 * start-up on one small file (against bare `node -e 0`), files per second on
 * a directory of small files (with the default thread count, on one thread and
 * on two), a `--cache` re-run over them, and peak RSS on a large file.
 */
import {existsSync} from 'node:fs'
import {readdir, rm} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {MB} from './corpus.mjs'
import {expectExit, timedSpawn} from './spawn.mjs'
import {median, repeat} from './stats.mjs'

/** @typedef {import('./corpus.mjs').Corpus} Corpus */

const gnuTime = '/usr/bin/time'
const rssProbe = path.join(path.dirname(fileURLToPath(import.meta.url)), 'rss-probe.mjs')

/**
 * The CLI's path and how to run it.
 * @param {string} root Repository root.
 */
function cliRunner(root) {
  const cli = path.join(root, 'dist', 'src', 'cli.cjs')
  return {
    cli,
    /** @param {string[]} args @param {string} cwd @param {Record<string, string>} [env] */
    run: (args, cwd, env) => timedSpawn(process.execPath, [cli, ...args], {cwd, env}),
  }
}

/**
 * Wall time of the CLI on one 4 KB file, and of bare Node for comparison.
 * One untimed run of each first, so both start with a warm file cache (and
 * bilint with its code cache written). The same file is also linted with the
 * code cache off (`BILINT_NO_CODE_CACHE=1`): the figure of a first run after
 * installing, or of a `node_modules` folder bilint cannot write to.
 * @param {{root: string, corpus: Corpus, runs: number}} options
 */
export async function measureStartup({root, corpus, runs}) {
  const {cli} = cliRunner(root)
  const file = corpus.files['single-4k']
  const cwd = path.dirname(file.path)
  const lint = [cli, path.basename(file.path), '--format', 'json']
  /** One untimed run, then `runs` timed ones: their median and times. */
  const time = async (/** @type {string[]} */ args, /** @type {string} */ what, env = {}, codes = [0, 1]) => {
    expectExit(await timedSpawn(process.execPath, args, {cwd, env}), what, codes)
    const timed = await repeat(runs, Infinity, async () => ({ms: expectExit(await timedSpawn(process.execPath, args, {cwd, env}), what, codes).ms, value: null}))
    return {ms: timed.median, times: timed.times}
  }
  const bilint = await time(lint, 'bilint on the 4 KB file')
  const noCodeCache = await time(lint, 'bilint on the 4 KB file without its code cache', {BILINT_NO_CODE_CACHE: '1'})
  const bareNode = await time(['-e', '0'], 'node -e 0', {}, [0])
  return {bilint: {...bilint, bytes: file.bytes}, noCodeCache, bareNode}
}

/**
 * Files per second: one CLI process over the directory of small files.
 * @param {{root: string, corpus: Corpus, runs: number, budgetMs: number, extraArgs?: readonly string[], forgetSuggestions?: boolean, format?: 'json' | 'stylish'}} options
 *   `format` is the report's (`json` by default, which tells how many files
 *   were linted; `stylish`, the default a person sees, must end with its summary);
 *   `extraArgs` are passed to bilint after the directory, such as `--threads 1`;
 *   with `forgetSuggestions`, the spelling suggestions kept between runs are
 *   deleted before each run, so that every run computes them (a first run).
 */
export async function measureSmallFiles({root, corpus, runs, budgetMs, extraArgs = [], forgetSuggestions = false, format = 'json'}) {
  const {run} = cliRunner(root)
  const cwd = path.dirname(corpus.small.dir)
  const args = [path.basename(corpus.small.dir), '--format', format, ...extraArgs]
  const timed = await repeat(runs, budgetMs, async () => {
    if (forgetSuggestions) await forgetStoredSuggestions(root)
    const result = expectExit(await run(args, cwd), 'bilint on the small files')
    return {ms: result.ms, value: format === 'json' ? JSON.parse(result.stdout).length : stylishFileCount(result.stdout, corpus)}
  })
  if (timed.last !== corpus.small.count) throw new Error(`bilint linted ${timed.last} small files, expected ${corpus.small.count}`)
  return {
    args: extraArgs,
    ms: timed.median,
    times: timed.times,
    planned: timed.planned,
    files: timed.last,
    filesPerS: timed.last / (timed.median / 1000),
    mbPerS: corpus.small.bytes / MB / (timed.median / 1000),
  }
}

/**
 * The files a stylish report covers: all of the corpus when it ends with its
 * summary line (files without problems are not listed, so it cannot say more).
 * @param {string} report
 * @param {Corpus} corpus
 */
function stylishFileCount(report, corpus) {
  if (!/\u2716 [\d,]+ problems? \(/.test(report)) throw new Error('bilint --format stylish printed no summary line')
  return corpus.small.count
}

/**
 * Deletes the spelling suggestions that bilint keeps between runs
 * (`node_modules/.cache/bilint/spelling-suggestions-*.txt`).
 * @param {string} root Repository root.
 */
async function forgetStoredSuggestions(root) {
  const folder = path.join(root, 'node_modules', '.cache', 'bilint')
  const names = existsSync(folder) ? await readdir(folder) : []
  await Promise.all(names.filter((name) => name.startsWith('spelling-suggestions-')).map((name) => rm(path.join(folder, name), {force: true})))
}

/**
 * Wall time of a `--cache` re-run over the small files when none changed:
 * one untimed run fills a fresh cache file, then every timed run finds all
 * its results there. The report must be the same as without the cache.
 * @param {{root: string, corpus: Corpus, runs: number, budgetMs: number}} options
 */
export async function measureCacheRerun({root, corpus, runs, budgetMs}) {
  const {run} = cliRunner(root)
  const cwd = path.dirname(corpus.small.dir)
  const cacheFile = path.join(cwd, 'small.bilintcache')
  await rm(cacheFile, {force: true})
  const args = [path.basename(corpus.small.dir), '--format', 'json', '--cache', '--cache-location', path.basename(cacheFile)]
  const filled = expectExit(await run(args, cwd), 'bilint --cache filling the cache')
  const timed = await repeat(runs, budgetMs, async () => {
    const result = expectExit(await run(args, cwd), 'bilint --cache on unchanged files')
    if (result.stdout !== filled.stdout) throw new Error('bilint --cache gave another report on unchanged files')
    return {ms: result.ms, value: null}
  })
  await rm(cacheFile, {force: true})
  return {ms: timed.median, times: timed.times, planned: timed.planned, files: corpus.small.count}
}

/**
 * How peak RSS is read: GNU time around the CLI, or the probe script's own
 * `process.resourceUsage()` where GNU time is missing (or not wanted).
 * @param {boolean} preferProbe
 * @returns {'gnu-time' | 'resource-usage'}
 */
function rssMethod(preferProbe) {
  return !preferProbe && existsSync(gnuTime) ? 'gnu-time' : 'resource-usage'
}

/**
 * Peak RSS (MB) and wall time of the CLI on one large file.
 * @param {{root: string, corpus: Corpus, fileId: string, runs: number, budgetMs: number, preferProbe: boolean}} options
 */
export async function measurePeakRss({root, corpus, fileId, runs, budgetMs, preferProbe}) {
  const {cli} = cliRunner(root)
  const file = corpus.files[fileId]
  const cwd = path.dirname(file.path)
  const name = path.basename(file.path)
  const method = rssMethod(preferProbe)
  const timed = await repeat(runs, budgetMs, async () => {
    if (method === 'gnu-time') {
      const result = expectExit(
        await timedSpawn(gnuTime, ['-f', '%M', process.execPath, cli, name, '--format', 'json'], {cwd}),
        `bilint on ${name}`,
      )
      const lastLine = result.stderr.trim().split('\n').at(-1) ?? ''
      if (!/^\d+$/.test(lastLine)) throw new Error(`unexpected /usr/bin/time output: ${lastLine}`)
      return {ms: result.ms, value: Number(lastLine)}
    }
    const result = expectExit(await timedSpawn(process.execPath, [rssProbe, name], {cwd}), `rss-probe on ${name}`, [0])
    return {ms: result.ms, value: JSON.parse(result.stdout).maxRssKiB}
  })
  // Both sources report KiB.
  return {file: fileId, label: file.label, method, rssMB: (median(timed.values) * 1024) / MB, ms: timed.median, times: timed.times, planned: timed.planned}
}
