/**
 * How much two lint processes slow each other down on this machine: the
 * ceiling of any speed-up from threads, whatever bilint does.
 *
 * The 1,000 small files are split into two halves (the first five folders
 * and the last five). Each half is linted by `bilint --threads 1` alone, then
 * both halves at once by two processes. With two independent cores, the
 * concurrent runs take as long as the solo ones and two threads could reach
 * 2×; where the two cores share one physical core or its caches, each
 * concurrent run is slower, and the best two threads can do is
 * 2 × solo / concurrent.
 *
 * It also shows why a single lint process already keeps more than one core
 * busy: V8 compiles hot functions with its optimizing compiler (Turbofan) on
 * a background thread. One `--threads 1` run over all the files is repeated
 * with `--log-function-events`, and the compile times V8 logs are summed.
 *
 * Usage: `node bench/contention.mjs [--runs N]` (after `npm run build`).
 */
import {existsSync} from 'node:fs'
import {mkdtemp, readFile, readdir, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {buildCorpus} from './corpus.mjs'
import {expectExit, timedSpawn} from './spawn.mjs'
import {median} from './stats.mjs'
import {fixed, markdownTable} from './table.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const {values} = parseArgs({options: {runs: {type: 'string'}}})
const runs = Number(values.runs ?? 3)
const log = (/** @type {string} */ line) => process.stderr.write(`contention: ${line}\n`)

const corpus = await buildCorpus({log})
const cli = path.join(root, 'dist', 'src', 'cli.cjs')
const cwd = corpus.small.dir
const folders = (await readdir(cwd)).sort()
const halves = [folders.slice(0, folders.length >> 1), folders.slice(folders.length >> 1)]

/** Lints one half of the small files in a fresh process; its wall time in ms. */
const lintHalf = async (/** @type {string[]} */ half) =>
  expectExit(await timedSpawn(process.execPath, [cli, ...half, '--format', 'json', '--threads', '1'], {cwd}), 'bilint on half the small files').ms

// One untimed run of each half: warm file cache, stored spelling suggestions.
for (const half of halves) await lintHalf(half)
/** @type {number[]} */
const solo = []
/** @type {number[]} */
const together = []
for (let run = 0; run < runs; run++) {
  log(`run ${run + 1} of ${runs}`)
  for (const half of halves) solo.push(await lintHalf(half))
  together.push(...(await Promise.all(halves.map(lintHalf))))
}
const soloMs = median(solo)
const togetherMs = median(together)

/** GNU time, which reports a process's CPU time; without it the CPU row is left out. */
const gnuTime = '/usr/bin/time'

/** CPU seconds (user + system) of a process, from GNU time's last line of stderr (`%U %S`); null without one. */
function cpuSeconds(/** @type {string} */ stderr) {
  const match = /^([\d.]+) ([\d.]+)$/.exec(stderr.trim().split('\n').at(-1) ?? '')
  return match ? Number(match[1]) + Number(match[2]) : null
}

/**
 * One `--threads 1` run over all the small files with V8's function events
 * logged: its wall time, its CPU time, and the time V8 spent in each compiler.
 */
async function compileTimes() {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'bilint-jit-'))
  try {
    const logFile = path.join(folder, 'v8.log')
    const node = [process.execPath, '--log-function-events', `--logfile=${logFile}`, '--no-logfile-per-isolate', cli, '.', '--format', 'json', '--threads', '1']
    const timed = existsSync(gnuTime)
    const result = expectExit(
      await timedSpawn(timed ? gnuTime : node[0], timed ? ['-f', '%U %S', ...node] : node.slice(1), {cwd}),
      'bilint with V8 function events',
    )
    const ms = result.ms
    const cpuMs = timed ? (cpuSeconds(result.stderr) ?? Number.NaN) * 1000 : Number.NaN
    /** @type {Map<string, {ms: number, count: number}>} */
    const byEvent = new Map()
    // Lines `function,EVENT,script,start,end,duration-ms,timestamp,name`.
    for (const line of (await readFile(logFile, 'utf8')).split('\n')) {
      if (!line.startsWith('function,')) continue
      const fields = line.split(',')
      const entry = byEvent.get(fields[1]) ?? {ms: 0, count: 0}
      entry.ms += Number(fields[5]) || 0
      entry.count++
      byEvent.set(fields[1], entry)
    }
    return {ms, cpuMs, byEvent}
  } finally {
    await rm(folder, {recursive: true, force: true})
  }
}

log('one run with V8 function events')
const jit = await compileTimes()
const compilerMs = (/** @type {string} */ event) => jit.byEvent.get(event)?.ms ?? 0
const parseMs = ['full-parse', 'parse-function', 'preparse-resolution', 'parse-script', 'parse-eval', 'parse'].reduce((sum, event) => sum + compilerMs(event), 0)
process.stdout.write(
  [
    `Two lint processes at once, ${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? 'unknown'}), load average ${fixed(os.loadavg()[0], 2)}`,
    '',
    markdownTable(
      ['half of the 1,000 small files, `--threads 1`', 'median', 'runs'],
      [
        ['alone', `${fixed(soloMs, 0)} ms`, String(solo.length)],
        ['two processes at once (each)', `${fixed(togetherMs, 0)} ms`, String(together.length)],
        ['slow-down of each', `${fixed(togetherMs / soloMs, 2)}×`, ''],
        ['best speed-up two threads can reach', `${fixed((2 * soloMs) / togetherMs, 2)}×`, ''],
      ],
      ['l', 'r', 'r'],
    ),
    '',
    `One run over all 1,000 files, \`--threads 1\`, with V8's function events logged: wall ${fixed(jit.ms, 0)} ms` +
      (Number.isFinite(jit.cpuMs) ? `, CPU ${fixed(jit.cpuMs, 0)} ms (${fixed(jit.cpuMs / jit.ms, 2)} cores busy on average)` : ''),
    '',
    markdownTable(
      ['V8 work (durations V8 logs)', 'time', 'compiles'],
      [
        ['Turbofan: optimizing compiles, on a background thread', `${fixed(compilerMs('turbofan'), 0)} ms`, String(jit.byEvent.get('turbofan')?.count ?? 0)],
        ['Sparkplug: baseline compiles', `${fixed(compilerMs('baseline'), 0)} ms`, String(jit.byEvent.get('baseline')?.count ?? 0)],
        ['parsing', `${fixed(parseMs, 0)} ms`, ''],
      ],
      ['l', 'r', 'r'],
    ),
    '',
  ].join('\n'),
)
