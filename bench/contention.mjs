/**
 * How much two lint processes slow each other down on this machine: the
 * ceiling of any speed-up from threads, whatever bilint does.
 *
 * The 1,000 small files are split into two halves (the first five folders
 * and the last five). Each half is linted by `bilint --threads 1` alone, then
 * both halves at once by two processes, and all the files by one process.
 * Two processes share nothing, so no threading inside one process can do
 * better than they do: 1,000 files in the time of the concurrent runs is the
 * most files per second two threads can reach, and the run over all files
 * divided by it is the most `--threads 2` can gain over `--threads 1`.
 *
 * A loop of integer arithmetic is timed the same way, alone and two at
 * once, as a control: when it runs as fast two at once as alone, the cores
 * are independent and the slow-down is bilint's own. The CPU time of a half
 * linted alone shows where it comes from: a single lint process already
 * keeps more than one core busy, because V8 compiles hot functions with its
 * optimizing compiler (Turbofan) on background threads, so two processes
 * ask for more than two cores. One `--threads 1` run over all the files is
 * repeated with `--log-function-events`, and the compile times V8 logs are
 * summed.
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

/** GNU time, which reports a process's CPU time; without it the CPU figures are left out. */
const gnuTime = '/usr/bin/time'
const timed = existsSync(gnuTime)

/** CPU seconds (user + system) of a process, from GNU time's last line of stderr (`%U %S`); null without one. */
function cpuSeconds(/** @type {string} */ stderr) {
  const match = /^([\d.]+) ([\d.]+)$/.exec(stderr.trim().split('\n').at(-1) ?? '')
  return match ? Number(match[1]) + Number(match[2]) : null
}

/**
 * Runs a command in a fresh process, under GNU time when there is one.
 * @param {string[]} command Executable and arguments.
 * @param {string} what Description for an error.
 * @returns {Promise<{ms: number, cpuMs: number}>} Wall time, and CPU time (NaN without GNU time).
 */
async function timedRun(command, what) {
  const result = expectExit(await timedSpawn(timed ? gnuTime : command[0], timed ? ['-f', '%U %S', ...command] : command.slice(1), {cwd}), what)
  return {ms: result.ms, cpuMs: timed ? (cpuSeconds(result.stderr) ?? Number.NaN) * 1000 : Number.NaN}
}

/** Lints some folders of the small files (one half, or all) in a fresh process with `--threads 1`. */
const lint = (/** @type {string[]} */ folderNames) => timedRun([process.execPath, cli, ...folderNames, '--format', 'json', '--threads', '1'], 'bilint on the small files')

/** About half a second of integer arithmetic in a fresh process: the control. */
const spin = () => timedRun([process.execPath, '-e', 'let x = 0; for (let i = 0; i < 1e8; i++) x = (x * 31 + i) | 0; if (x === 0.5) console.log(x)'], 'the arithmetic loop')

// One untimed run of each half: warm file cache, stored spelling suggestions.
for (const half of halves) await lint(half)
/** Wall and CPU times in ms, by measurement. */
const samples = {solo: [], together: [], whole: [], soloCpu: [], spinSolo: [], spinTogether: []}
for (let run = 0; run < runs; run++) {
  log(`run ${run + 1} of ${runs}`)
  for (const half of halves) {
    const alone = await lint(half)
    samples.solo.push(alone.ms)
    samples.soloCpu.push(alone.cpuMs)
  }
  samples.together.push(...(await Promise.all(halves.map(lint))).map((result) => result.ms))
  samples.whole.push((await lint(folders)).ms)
  samples.spinSolo.push((await spin()).ms)
  samples.spinTogether.push(...(await Promise.all([spin(), spin()])).map((result) => result.ms))
}
const soloMs = median(samples.solo)
const togetherMs = median(samples.together)
const wholeMs = median(samples.whole)
const soloCpuMs = median(samples.soloCpu)

/**
 * One `--threads 1` run over all the small files with V8's function events
 * logged: its wall time, its CPU time, and the time V8 spent in each compiler.
 */
async function compileTimes() {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'bilint-jit-'))
  try {
    const logFile = path.join(folder, 'v8.log')
    const {ms, cpuMs} = await timedRun(
      [process.execPath, '--log-function-events', `--logfile=${logFile}`, '--no-logfile-per-isolate', cli, '.', '--format', 'json', '--threads', '1'],
      'bilint with V8 function events',
    )
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
      ['`--threads 1` over the 1,000 small files', 'median', 'runs'],
      [
        ['one half, alone', `${fixed(soloMs, 0)} ms`, String(samples.solo.length)],
        ['cores it keeps busy (CPU time ÷ wall time)', Number.isFinite(soloCpuMs) ? fixed(soloCpuMs / soloMs, 2) : 'no GNU time', ''],
        ['each half, two processes at once', `${fixed(togetherMs, 0)} ms`, String(samples.together.length)],
        ['slow-down of each', `${fixed(togetherMs / soloMs, 2)}×`, ''],
        ['the arithmetic loop: slow-down of each of two at once (control)', `${fixed(median(samples.spinTogether) / median(samples.spinSolo), 2)}×`, String(samples.spinTogether.length)],
        ['all the files, one process', `${fixed(wholeMs, 0)} ms`, String(samples.whole.length)],
        ['most files/s two threads can reach (1,000 files in the time of two halves at once)', fixed((corpus.small.count * 1000) / togetherMs, 0), ''],
        ['most `--threads 2` can gain over `--threads 1` (all files ÷ two halves at once)', `${fixed(wholeMs / togetherMs, 2)}×`, ''],
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
