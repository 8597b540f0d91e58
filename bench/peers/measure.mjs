/**
 * Times every tool on one input, in rounds: round 1 runs each tool once,
 * then round 2, and so on. Interleaving spreads changes in the machine's
 * load (other work on 2 cores) over all tools instead of charging them to
 * whichever tool happened to run at that moment.
 *
 * A tool stops early when a run times out, crashes or prints no report, or
 * once its runs on this input have taken more than the budget (it then has
 * fewer runs than planned, shown as `1 of 3`). The reference (bilint) is
 * exempt from the budget: every ratio depends on its time.
 */
import {median} from '../stats.mjs'
import {limitedSpawn} from './limited-spawn.mjs'

/** @typedef {import('./tools.mjs').Tool} Tool */
/** @typedef {import('./tools.mjs').Input} Input */
/** @typedef {import('./tools.mjs').Summary} Summary */

/**
 * @typedef {'ok' | 'timeout' | 'crashed' | 'no-report' | 'skipped'} Status
 * `no-report`: exited 0 or 1 but its output holds no report we can read;
 * `skipped`: not run, because its time on the 1 MB file already predicts a time-out.
 */

/**
 * @typedef {object} ToolResult
 * @property {string} tool Tool id.
 * @property {Status} status
 * @property {number[]} times Wall time of each run, in ms (a timed-out run counts its time until the kill).
 * @property {number} planned Runs asked for.
 * @property {number | null} ms Median wall time of the runs (null unless `ok`).
 * @property {number | null} code Exit code of the last run.
 * @property {string | null} signal Signal that ended the last run.
 * @property {Summary | null} summary What the last run's report says.
 * @property {number} outputBytes stdout + stderr of the last run.
 * @property {number | null} cpuS Median CPU time (user + system, all threads), in seconds.
 * @property {number | null} rssMB Highest peak RSS of the runs.
 * @property {string | null} note Why it failed, or what else should be known.
 * @property {number | null} [predictedMs] For `skipped`: the time predicted from the 1 MB file.
 */

/**
 * @param {{
 *   input: Input,
 *   cwd: string,
 *   tools: Tool[],
 *   runs: number,
 *   budgetMs: number,
 *   fullRuns?: (tool: Tool) => boolean,
 *   limitMs: number,
 *   expectedFiles: number,
 *   skip?: (tool: Tool) => {predictedMs: number | null, note: string} | null,
 *   log: (line: string) => void,
 * }} options
 * @returns {Promise<ToolResult[]>}
 */
export async function measureInput({input, cwd, tools, runs, budgetMs, fullRuns, limitMs, expectedFiles, skip, log}) {
  /** @type {Map<string, ToolResult & {spent: number, done: boolean, cpu: number[]}>} */
  const state = new Map()
  for (const tool of tools) {
    const skipped = skip?.(tool) ?? null
    state.set(tool.id, {
      tool: tool.id,
      status: skipped ? 'skipped' : 'ok',
      times: [],
      planned: runs,
      ms: null,
      code: null,
      signal: null,
      summary: null,
      outputBytes: 0,
      cpuS: null,
      rssMB: null,
      note: skipped?.note ?? null,
      ...(skipped ? {predictedMs: skipped.predictedMs} : {}),
      spent: 0,
      done: skipped !== null,
      cpu: [],
    })
  }
  for (let round = 0; round < runs; round++) {
    for (const tool of tools) {
      const entry = /** @type {NonNullable<ReturnType<typeof state.get>>} */ (state.get(tool.id))
      if (entry.done) continue
      const {command, args} = tool.invocation(input)
      const result = await limitedSpawn(command, args, {cwd, limitMs})
      entry.times.push(result.ms)
      entry.spent += result.ms
      entry.code = result.code
      entry.signal = result.signal
      entry.outputBytes = result.stdoutBytes + result.stderrBytes
      if (result.cpuS !== null) entry.cpu.push(result.cpuS)
      if (result.rssMB !== null) entry.rssMB = Math.max(entry.rssMB ?? 0, result.rssMB)
      entry.summary = result.timedOut ? null : tool.summarize(result.stdout, result.stderr, result.code)
      const verdict = judge(result, entry.summary, limitMs)
      entry.status = verdict.status
      entry.note = verdict.note
      if (verdict.status === 'ok' && input.kind === 'folder' && entry.summary?.files != null && entry.summary.files !== expectedFiles) {
        entry.note = `linted ${entry.summary.files} of ${expectedFiles} files`
      }
      log(`  ${tool.id} ${input.path} run ${round + 1}: ${(result.ms / 1000).toFixed(2)} s, ${verdict.status}${verdict.note ? ` (${verdict.note})` : ''}`)
      if (verdict.status !== 'ok' || (entry.spent > budgetMs && !fullRuns?.(tool))) entry.done = true
    }
  }
  return [...state.values()].map(({spent, done, cpu, ...result}) => ({
    ...result,
    ms: result.status === 'ok' ? median(result.times) : null,
    cpuS: cpu.length > 0 ? median(cpu) : null,
  }))
}

/**
 * What one run's outcome was.
 * @param {import('./limited-spawn.mjs').LimitedResult} result
 * @param {Summary | null} summary
 * @param {number} limitMs
 * @returns {{status: Status, note: string | null}}
 */
function judge(result, summary, limitMs) {
  if (result.timedOut) return {status: 'timeout', note: `killed after ${limitMs / 1000} s`}
  if (result.spawnError) return {status: 'crashed', note: `did not start: ${result.spawnError}`}
  if (result.signal) return {status: 'crashed', note: `killed by ${result.signal}: ${firstLine(result.stderr)}`}
  if (result.code !== 0 && result.code !== 1) return {status: 'crashed', note: `exit ${result.code}: ${firstLine(result.stderr)}`}
  if (!summary) return {status: 'no-report', note: firstLine(result.stderr) || firstLine(result.stdout) || 'no output'}
  return {status: 'ok', note: null}
}

/**
 * The first non-empty line of some output, shortened.
 * @param {string} text
 */
function firstLine(text) {
  const line = text.split('\n').find((candidate) => candidate.trim() !== '') ?? ''
  return line.length > 160 ? `${line.slice(0, 157)}…` : line.trim()
}
