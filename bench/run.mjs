/**
 * bilint's benchmark: `npm run bench` (builds first), or `node bench/run.mjs`
 * against an existing build. Measures the BUILT code in `dist/`, as users get it.
 *
 * Options:
 *   --quick         one run per measurement instead of 3, 5 or 10
 *   --rss-via-node  read peak RSS with `process.resourceUsage()` in a probe
 *                   process even when /usr/bin/time exists
 *   --help          this text
 *
 * Prints the tables to stdout (progress goes to stderr) and writes
 * `bench/.corpus/results.json`. See bench/README.md for what each figure means.
 */
import {existsSync, readFileSync} from 'node:fs'
import {writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {measureCacheRerun, measurePeakRss, measureSmallFiles, measureStartup} from './cli.mjs'
import {buildCorpus, corpusDir, MB} from './corpus.mjs'
import {runHeader} from './environment.mjs'
import {measureThroughput} from './inprocess.mjs'
import {linearity, renderReport} from './report.mjs'
import {median} from './stats.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Files measured in process, in order (the seed-repeated ones only exist with the seed file). */
const throughputFiles = ['md-1mb', 'md-10mb', 'text-1mb', 'text-10mb', 'seed-repeated-1mb', 'seed-repeated-10mb']

/** Files whose peak RSS is measured through the CLI. */
const rssFiles = ['md-10mb', 'text-10mb']

/** No new run of a measurement starts once its runs have taken this long (ms), whatever N says. */
const budgets = {large: 30_000, small: 10_000}

const {values} = parseArgs({
  options: {quick: {type: 'boolean'}, 'rss-via-node': {type: 'boolean'}, help: {type: 'boolean', short: 'h'}},
})
if (values.help) {
  process.stdout.write(`${readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]}*/\n`)
  process.exit(0)
}
const quick = values.quick ?? false

/** @param {string} line */
const log = (line) => process.stderr.write(`bench: ${line}\n`)

if (!existsSync(path.join(root, 'dist', 'src', 'cli.cjs'))) {
  process.stderr.write('bench: dist/src/cli.cjs is missing; run `npm run build` first (or use `npm run bench`).\n')
  process.exit(2)
}

/**
 * Runs for a corpus file: 3 for the 10 MB files, 5 for the others, 1 with --quick.
 * @param {{bytes: number}} file
 */
const runsFor = (file) => (quick ? 1 : file.bytes > 2 * MB ? 3 : 5)
/** @param {{bytes: number}} file */
const budgetFor = (file) => (file.bytes > 2 * MB ? budgets.large : budgets.small)

/**
 * Runs measurements of one run each in turns, each round starting one
 * further along (A B C, B C A, C A B, …) so that none always runs right
 * after the same other one, and merges each one's runs: times in order,
 * the median and rates of them all.
 * @template {{ms: number, times: number[], planned: number, files: number, filesPerS: number, mbPerS: number}} M
 * @param {Array<() => Promise<M>>} measures One run of each measurement.
 * @param {number} rounds Turns.
 * @returns {Promise<M[]>}
 */
async function measureInTurns(measures, rounds) {
  /** @type {M[][]} */
  const runs = measures.map(() => [])
  for (let round = 0; round < rounds; round++) {
    for (let turn = 0; turn < measures.length; turn++) {
      const index = (round + turn) % measures.length
      runs[index]?.push(await measures[index]())
    }
  }
  return runs.map((each) => {
    const first = /** @type {M} */ (each[0])
    const times = each.flatMap((run) => run.times)
    const ms = median(times)
    return {...first, ms, times, planned: rounds, filesPerS: first.files / (ms / 1000), mbPerS: (first.mbPerS * first.ms) / ms}
  })
}

const started = Date.now()
const loadAtStart = os.loadavg()[0]
const corpus = await buildCorpus({log})

log('CLI start-up…')
const startup = await measureStartup({root, corpus, runs: quick ? 1 : 10})
log('CLI on 1,000 small files: default threads, the stylish report, --threads 1 and --threads 2, taking turns…')
// The four are measured in turns, so that a machine whose speed drifts during the run affects them alike.
const [smallFiles, smallFilesStylish, ...smallFilesByThreads] = await measureInTurns(
  [
    () => measureSmallFiles({root, corpus, runs: 1, budgetMs: 20_000}),
    () => measureSmallFiles({root, corpus, runs: 1, budgetMs: 20_000, format: 'stylish'}),
    ...[['--threads', '1'], ['--threads', '2']].map((extraArgs) => () => measureSmallFiles({root, corpus, runs: 1, budgetMs: 20_000, extraArgs})),
  ],
  quick ? 1 : 5,
)
log('CLI on 1,000 small files, no stored suggestions…')
const smallFilesFirstRun = await measureSmallFiles({root, corpus, runs: quick ? 1 : 3, budgetMs: 20_000, forgetSuggestions: true})
log('CLI --cache re-run on 1,000 unchanged files…')
const cacheRerun = await measureCacheRerun({root, corpus, runs: quick ? 1 : 5, budgetMs: 10_000})
const peakRss = []
for (const fileId of rssFiles) {
  log(`CLI peak RSS on ${corpus.files[fileId].label}…`)
  const file = corpus.files[fileId]
  peakRss.push(
    await measurePeakRss({root, corpus, fileId, runs: runsFor(file), budgetMs: budgetFor(file), preferProbe: values['rss-via-node'] ?? false}),
  )
}

const throughput = await measureThroughput({root, corpus, fileIds: throughputFiles, runs: runsFor, budgetMs: budgetFor, log})

const results = {
  ...runHeader(root, loadAtStart),
  quick,
  corpus,
  throughput,
  linearity: linearity(throughput),
  cli: {startup, smallFiles, smallFilesStylish, smallFilesByThreads, smallFilesFirstRun, cacheRerun, peakRss},
  durationS: (Date.now() - started) / 1000,
}
await writeFile(path.join(corpusDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`)
process.stdout.write(`${renderReport(results)}\n`)
log(`done in ${results.durationS.toFixed(0)} s; results in ${path.relative(root, path.join(corpusDir, 'results.json'))}`)
