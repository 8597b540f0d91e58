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
 * Usage: `node bench/contention.mjs [--runs N]` (after `npm run build`).
 */
import {readdir} from 'node:fs/promises'
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
const cli = path.join(root, 'dist', 'src', 'cli.js')
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
  ].join('\n'),
)
