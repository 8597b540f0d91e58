/**
 * Timing helpers: medians, a forced garbage collection between runs, and
 * repetition under a time budget.
 */
import {setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'

/**
 * The median of some numbers (the mean of the middle two for an even count).
 * @param {readonly number[]} values Not empty.
 * @returns {number}
 */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** @type {(() => void) | undefined} */
let gcFunction

/**
 * Runs a full garbage collection, so one run's garbage is not collected
 * during the next. Works without `--expose-gc` by enabling it at run time.
 */
export function collectGarbage() {
  gcFunction ??= typeof globalThis.gc === 'function' ? globalThis.gc : exposeGc()
  gcFunction()
}

/**
 * Turns on `--expose-gc` at run time and returns the `gc` function of a new context.
 * @returns {() => void}
 */
function exposeGc() {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc')
}

/**
 * @typedef {object} Repeated
 * @property {number} median Median time of the runs, in ms.
 * @property {number[]} times Every run's time, in ms.
 * @property {number} planned Runs asked for.
 */

/**
 * Runs a timed task up to `runs` times, but stops early (after at least one
 * run) once the runs so far have taken longer than `budgetMs`: a pathological
 * case then costs one run instead of blowing the benchmark's time limit.
 * @template T
 * @param {number} runs Runs asked for.
 * @param {number} budgetMs Time after which no further run starts.
 * @param {() => Promise<{ms: number, value: T}>} task One timed run.
 * @returns {Promise<Repeated & {last: T, values: T[]}>}
 */
export async function repeat(runs, budgetMs, task) {
  const times = []
  /** @type {T[]} */
  const values = []
  let spent = 0
  /** @type {T} */
  let last
  for (let run = 0; run < runs; run++) {
    const result = await task()
    times.push(result.ms)
    last = result.value
    values.push(result.value)
    spent += result.ms
    if (spent > budgetMs) break
  }
  // @ts-ignore -- assigned by the first run, which always happens.
  return {median: median(times), times, planned: runs, last, values}
}

/**
 * Milliseconds between two `process.hrtime.bigint()` readings.
 * @param {bigint} start
 * @param {bigint} end
 * @returns {number}
 */
export function elapsedMs(start, end) {
  return Number(end - start) / 1e6
}
