/**
 * Shared pieces of the robustness suite: the time budget, an in-process
 * runner that can be stopped (a worker thread running the built API), and
 * the file a test puts on every command line to prove neighbours still get
 * linted.
 */
import {Worker} from 'node:worker_threads'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {repoRoot, stackTraceLines, type JsonResult} from '../cli/helpers.js'

/** The built package, as `npm run build` writes it. */
export const distRoot = path.join(repoRoot, 'dist')

/** Fixed cost of one case on a 2-core CI machine, in milliseconds. */
export const baseBudgetMs = 2000

/** Cost per megabyte (10^6 bytes) of input, in milliseconds. */
export const perMegabyteBudgetMs = 3000

/**
 * How long linting `bytes` bytes may take: 2 s plus 3 s per MB.
 * @param bytes Size of the input on disk.
 */
export function budgetMs(bytes: number): number {
  return baseBudgetMs + (bytes / 1e6) * perMegabyteBudgetMs
}

/** The neighbour every command line carries: one known finding at 1:10. */
export const neighbourText = 'Haze was PM2.5Caused by coal.\n'

/** Where the neighbour's finding is. */
export const neighbourFinding = {ruleId: 'glued-subscript', line: 1, column: 10}

/** What the in-process worker reported. */
export type WorkerOutcome =
  | {status: 'decode-error'; message: string}
  | {status: 'threw'; message: string}
  | {status: 'timeout'; afterMs: number}
  | {status: 'crashed'; message: string}
  | {
      status: 'linted'
      /** Time `lintText` took. */
      ms: number
      messageCount: number
      ruleIds: Array<string | null>
      /** Messages of rules that crashed (at most 5). */
      internalErrors: string[]
      /** Messages whose positions fall outside the text (at most 5). */
      badPositions: Array<Record<string, unknown>>
      lineCount: number
    }

const workerPath = fileURLToPath(new URL('./lint-worker.mjs', import.meta.url))

/**
 * Stack of the worker, in MB: V8's default for a main thread (984 KB, what
 * the CLI gets) plus the 192 KB Node keeps in reserve on worker stacks. With
 * Node's default of 4 MB, input nested deeply enough to overflow the CLI's
 * stack would pass here unnoticed.
 */
const workerStackSizeMb = (984 + 192) / 1024

/** How long a worker may take to load the API and read its file before the budget starts. */
const workerStartLimitMs = 30_000

/**
 * Lints a file with `lintText` on a worker thread, and terminates the worker
 * when linting runs past `limitMs` (a hang must fail the test, not stall the
 * suite). The clock starts once the worker has loaded the API and decoded
 * the file.
 * @param file Absolute path of the file.
 * @param filePath Name passed to `lintText` (its extension picks Markdown or text).
 * @param limitMs When to give up, counted from the start of linting.
 */
export function lintInWorker(file: string, filePath: string, limitMs: number): Promise<WorkerOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(workerPath, {workerData: {distRoot, file, filePath, preset: 'strict'}, resourceLimits: {stackSizeMb: workerStackSizeMb}})
    let settled = false
    let lintStarted = 0
    const settle = (outcome: WorkerOutcome): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      void worker.terminate()
      resolve(outcome)
    }
    let timer = setTimeout(() => settle({status: 'crashed', message: `the worker did not start within ${workerStartLimitMs} ms`}), workerStartLimitMs)
    worker.on('message', (reply: Record<string, unknown>) => {
      if (reply.ready === true) {
        lintStarted = performance.now()
        clearTimeout(timer)
        timer = setTimeout(() => settle({status: 'timeout', afterMs: performance.now() - lintStarted}), limitMs)
      } else if (typeof reply.decodeError === 'string') {
        settle({status: 'decode-error', message: reply.decodeError})
      } else if (typeof reply.error === 'string') {
        settle({status: 'threw', message: reply.error})
      } else {
        settle({status: 'linted', ...(reply as Omit<Extract<WorkerOutcome, {status: 'linted'}>, 'status'>)})
      }
    })
    worker.on('error', (error) => settle({status: 'crashed', message: `${error.name}: ${error.message}`}))
    worker.on('exit', (code) => settle({status: 'crashed', message: `worker exited with code ${code} before replying`}))
  })
}

/**
 * Problems with a CLI run seen as a whole: an exit code other than 0, 1 or 2,
 * a stack trace on stderr, or a report that is not JSON.
 * @param run What the process produced.
 * @param run.code Exit code.
 * @param run.signal Signal.
 * @param run.stdout Standard output (the JSON report).
 * @param run.stderr Standard error.
 * @returns The problems found (empty when none) and the parsed report.
 */
export function checkCliRun(run: {code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string}): {
  problems: string[]
  report: JsonResult[]
} {
  const problems: string[] = []
  if (run.code === null || ![0, 1, 2].includes(run.code)) problems.push(`exit code ${run.code} (signal ${run.signal}); stderr starts: ${run.stderr.slice(0, 300)}`)
  const traces = stackTraceLines(run.stderr)
  if (traces.length > 0) problems.push(`stack trace on stderr: ${traces.slice(0, 3).join(' | ')}`)
  let report: JsonResult[] = []
  try {
    report = JSON.parse(run.stdout) as JsonResult[]
  } catch {
    problems.push(`stdout is not a JSON report: ${JSON.stringify(run.stdout.slice(0, 200))}; stderr: ${run.stderr.slice(0, 300)}`)
  }
  return {problems, report}
}

/** Megabytes with one decimal, for messages. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(bytes < 1e5 ? 3 : 1)} MB`
}
