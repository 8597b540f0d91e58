/**
 * bilint against the peers people would use instead: `npm run bench:peers`
 * (builds bilint first), or `node bench/peers/run.mjs` against an existing
 * build. Installs the peers into bench/peers/node_modules when it is missing.
 *
 * Options:
 *   --quick       one run per measurement instead of 3
 *   --limit S     time limit per run, in seconds (default 120); a run still
 *                 going then is killed and reported as timed out
 *   --all         also run a tool on the 10 MB file when its times on the
 *                 4 KB and 1 MB files predict a time-out (by default it is
 *                 not run, and reported as over the limit)
 *   --only IDS    only these tools, comma-separated (bilint is always run):
 *                 zhlint, textlint, markdownlint, lint-md, autocorrect
 *   --help        this text
 *
 * Prints the tables to stdout (progress goes to stderr) and writes
 * `bench/.corpus/peers.json`. See bench/peers/README.md.
 */
import {existsSync, readFileSync} from 'node:fs'
import {writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {buildCorpus, corpusDir, MB} from '../corpus.mjs'
import {runHeader} from '../environment.mjs'
import {ensurePeers} from './install.mjs'
import {hasGnuTime, limitedSpawn} from './limited-spawn.mjs'
import {measureInput} from './measure.mjs'
import {renderReport} from './report.mjs'
import {installedVersion, tools as allTools} from './tools.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** No further run of a tool on an input starts once its runs there have taken this long (ms). */
const budgets = {'single-4k': 10_000, 'md-1mb': 25_000, small: 30_000, 'md-10mb': 0}


const {values} = parseArgs({
  options: {
    quick: {type: 'boolean'},
    limit: {type: 'string'},
    all: {type: 'boolean'},
    only: {type: 'string'},
    help: {type: 'boolean', short: 'h'},
  },
})
if (values.help) {
  process.stdout.write(`${readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]}*/\n`)
  process.exit(0)
}
const limitS = values.limit === undefined ? 120 : Number(values.limit)
if (!Number.isFinite(limitS) || limitS <= 0) {
  process.stderr.write('bench:peers: --limit wants a number of seconds.\n')
  process.exit(2)
}
const limitMs = limitS * 1000

/** @param {string} line */
const log = (line) => process.stderr.write(`bench:peers: ${line}\n`)

if (!existsSync(path.join(root, 'dist', 'src', 'cli.cjs'))) {
  log('dist/src/cli.cjs is missing; run `npm run build` first (or use `npm run bench:peers`).')
  process.exit(2)
}

const started = Date.now()
const loadAtStart = os.loadavg()[0]
const corpus = await buildCorpus({log})
const install = await ensurePeers({log})

const only = values.only?.split(',').map((id) => id.trim())
const tools = allTools(root).filter((tool) => tool.id === 'bilint' || !only || only.includes(tool.id))
const toolInfo = tools.map((tool) => ({id: tool.id, name: tool.name, version: installedVersion(tool), threads: tool.threads}))
for (const tool of toolInfo) if (!tool.version) log(`${tool.name} is not installed; its runs will fail`)

/** @typedef {import('./report.mjs').InputRecord} InputRecord */

/** The inputs, in the order measured: the 10 MB file last, so the 1 MB times can predict it. */
const plan = [
  {id: 'single-4k', kind: /** @type {const} */ ('file'), runs: 3},
  {id: 'md-1mb', kind: /** @type {const} */ ('file'), runs: 3},
  {id: 'small', kind: /** @type {const} */ ('folder'), runs: 3},
  {id: 'md-10mb', kind: /** @type {const} */ ('file'), runs: 1},
]

// One untimed run of each tool on the 4 KB file, so that every tool starts with its files in the page cache.
log('warm-up: each tool once on the 4 KB file…')
for (const tool of tools) {
  const {command, args} = tool.invocation({kind: 'file', path: path.basename(corpus.files['single-4k'].path)})
  await limitedSpawn(command, args, {cwd: corpusDir, limitMs})
}

/** @type {InputRecord[]} */
const inputs = []
for (const step of plan) {
  const isFolder = step.kind === 'folder'
  const file = isFolder ? null : corpus.files[step.id]
  const input = isFolder
    ? {kind: step.kind, path: path.relative(corpusDir, corpus.small.dir)}
    : {kind: step.kind, path: path.basename(/** @type {NonNullable<typeof file>} */ (file).path)}
  const label = file ? file.label : `${corpus.small.count.toLocaleString('en-US')} small Markdown files`
  log(`${label}: ${tools.length} tools…`)
  const oneMb = inputs.find((measured) => measured.id === 'md-1mb')
  const results = await measureInput({
    input,
    cwd: corpusDir,
    tools,
    runs: values.quick ? 1 : step.runs,
    budgetMs: budgets[/** @type {keyof typeof budgets} */ (step.id)],
    fullRuns: (tool) => tool.id === 'bilint',
    limitMs,
    expectedFiles: isFolder ? corpus.small.count : 1,
    // bilint, the reference, always runs.
    skip:
      step.id === 'md-10mb' && !values.all && oneMb
        ? (tool) => (tool.id === 'bilint' ? null : predictTimeout(inputs, tool.id, (file?.bytes ?? 0) / oneMb.bytes))
        : undefined,
    log,
  })
  inputs.push({
    id: step.id,
    label,
    path: input.path,
    kind: step.kind,
    bytes: file ? file.bytes : corpus.small.bytes,
    files: isFolder ? corpus.small.count : 1,
    results,
  })
}

/**
 * Whether a tool's times so far already say that the 10 MB file would time
 * out. The prediction is linear and so optimistic for a tool that slows down
 * on large files: its start-up (the 4 KB time) plus ten times the rest of
 * its 1 MB time.
 * @param {InputRecord[]} measured
 * @param {string} toolId
 * @param {number} scale Size of the larger file over the 1 MB file's.
 * @returns {{predictedMs: number | null, note: string} | null}
 */
function predictTimeout(measured, toolId, scale) {
  const find = (/** @type {string} */ id) => measured.find((input) => input.id === id)?.results.find((result) => result.tool === toolId)
  const oneMb = find('md-1mb')
  if (!oneMb) return null
  if (oneMb.status === 'timeout') return {predictedMs: null, note: 'not run: it timed out on the 1 MB file'}
  if (oneMb.status !== 'ok' || oneMb.ms === null) return null
  const single = find('single-4k')
  const startMs = single?.status === 'ok' && single.ms !== null ? Math.min(single.ms, oneMb.ms) : 0
  const predictedMs = startMs + (oneMb.ms - startMs) * scale
  if (predictedMs <= limitMs) return null
  return {predictedMs, note: `not run: ${(oneMb.ms / 1000).toFixed(1)} s on 1 MB predicts ≈ ${(predictedMs / 1000).toFixed(0)} s`}
}

const results = {
  ...runHeader(root, loadAtStart, {gnuTime: hasGnuTime}),
  quick: values.quick ?? false,
  limitS,
  tools: toolInfo,
  install,
  inputs,
  durationS: (Date.now() - started) / 1000,
}
await writeFile(path.join(corpusDir, 'peers.json'), `${JSON.stringify(results, null, 2)}\n`)
process.stdout.write(`${renderReport(results)}\n`)
log(`done in ${results.durationS.toFixed(0)} s; results in ${path.relative(root, path.join(corpusDir, 'peers.json'))}`)
