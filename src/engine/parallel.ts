/**
 * Lints files on worker threads. Each worker loads bilint once and is sent
 * the files in batches, the next batch before it has finished the current
 * one, so that it never waits for this thread and the threads exchange a
 * few dozen messages rather than two per file. Batches shrink as the list
 * runs out, so the workers finish together.
 */
import {Worker} from 'node:worker_threads'
import {resultFromJson} from '../formatters/json-result.js'
import type {LintResult} from '../types.js'
import type {LintFilesOptions} from './options.js'
import {refusedFile} from './prepare-file.js'

/**
 * A worker's entry: in the command line's bundle (`dist/src/bundle/cli.cjs`)
 * the launcher built beside it, in the package API `worker.js` beside this module.
 */
const workerEntry = new URL(import.meta.url.endsWith('.cjs') ? './worker-launcher.cjs' : './worker.js', import.meta.url)

/** A message to a worker: files to lint, with their positions in the list. */
export interface WorkerRequest {
  /** The batch's number, echoed in the reply. */
  batch: number
  /** The files: position in the list and absolute path. */
  files: Array<{id: number; filePath: string}>
}

/**
 * One file's outcome: its result (null when its configuration ignores it),
 * or the error linting it threw. A plain result (no fatal or internal error,
 * no source text or fixed output) travels as the JSON the `json` format
 * writes, with its path and counts: one string to copy between threads
 * instead of an object per message, and no message is rebuilt here unless
 * something reads it.
 */
export type WorkerAnswer =
  | {id: number; result: LintResult | null}
  | {id: number; json: string; filePath: string; counts: number[]}
  | {id: number; error: string}

/** A worker's reply to one request: an answer per file, in the request's order. */
export interface WorkerReply {
  /** The request's batch number. */
  batch: number
  /** The answers. */
  answers: WorkerAnswer[]
}

/** Most files in one batch. */
const maxBatchFiles = 16

/** Batches a worker holds at once: the one it lints and the next. */
const batchesAhead = 2

/** Lints one file in this thread: its result, or null when its configuration ignores it. */
export type LocalLinter = (filePath: string) => Promise<LintResult | null>

/**
 * Lints files on `threads` threads: this one, with `lintHere`, and
 * `threads - 1` workers, all taking batches from one queue. This thread
 * lints rather than waits, and the run starts one worker fewer (each worker
 * loads bilint and warms up V8's compiled code on its own). A file that
 * crashed a worker is retried on a worker, never here.
 * @param files Absolute paths.
 * @param options Options for every file (must be structured-cloneable).
 * @param threads Number of threads, this one included.
 * @param lintHere Lints one file in this thread.
 * @returns One entry per file, in order: its result, or null when its configuration ignores it.
 */
export async function lintOnWorkers(
  files: readonly string[],
  options: LintFilesOptions,
  threads: number,
  lintHere: LocalLinter,
): Promise<Array<LintResult | null>> {
  const results: Array<LintResult | null> = new Array(files.length).fill(null)
  if (files.length === 0) return results
  const pool = new WorkerPool(files, options, results)
  const workers = Array.from({length: Math.max(1, Math.min(threads, files.length) - 1)}, () => pool.run())
  await Promise.all([...workers, pool.runHere(lintHere)])
  for (const [id, reason] of pool.failures) results[id] = await refusedFile(files[id]!, `Internal error: ${reason}`)
  return results
}

/** The queue of files and the workers taking from it. */
class WorkerPool {
  /** Position of the next file to hand out. */
  private next = 0
  /** Batches handed out so far. */
  private batches = 0
  /** Workers running. */
  private running = 0
  /** Files of a crashed worker's unanswered batches: linted one per batch, so that a file that crashes again is known. */
  private readonly suspects: number[] = []
  /** Files whose linting failed, with the reason. */
  readonly failures: Array<[id: number, reason: string]> = []

  /**
   * @param files Absolute paths.
   * @param options Options for every file.
   * @param results Where the results go, by position.
   */
  constructor(
    private readonly files: readonly string[],
    private readonly options: LintFilesOptions,
    private readonly results: Array<LintResult | null>,
  ) {}

  /** Runs one worker until no file is left; a crashed worker is replaced, and the promise waits for its replacement. */
  run(): Promise<void> {
    this.running++
    return new Promise<void>((resolve) => {
      const worker = new Worker(workerEntry, {workerData: {options: this.options}})
      const outstanding = new Map<number, WorkerRequest['files']>()
      let stopped = false
      const stop = (): void => {
        stopped = true
        this.running--
        void worker.terminate()
      }
      const sendMore = (): void => {
        while (outstanding.size < batchesAhead) {
          const files = this.takeBatch(outstanding.size > 0)
          if (!files) break
          const batch = this.batches++
          outstanding.set(batch, files)
          worker.postMessage({batch, files} satisfies WorkerRequest)
        }
        if (outstanding.size > 0) return
        stop()
        resolve()
      }
      const crashed = (reason: string): void => {
        if (stopped) return
        const unanswered = [...outstanding.values()].flat()
        // With one file in hand, that file crashed the worker; with more, each is retried alone.
        if (unanswered.length === 1) this.failures.push([unanswered[0]!.id, reason])
        else this.suspects.push(...unanswered.map((file) => file.id))
        stop()
        if (this.hasWork()) this.run().then(resolve, resolve)
        else resolve()
      }
      worker.on('message', (reply: WorkerReply) => {
        outstanding.delete(reply.batch)
        for (const answer of reply.answers) {
          if ('error' in answer) this.failures.push([answer.id, answer.error])
          else if ('json' in answer) this.results[answer.id] = resultFromJson(answer.json, answer.filePath, answer.counts)
          else this.results[answer.id] = answer.result
        }
        sendMore()
      })
      worker.on('error', (error) => crashed(error.message))
      worker.on('exit', (code) => crashed(`the worker stopped (exit code ${code})`))
      sendMore()
    })
  }

  /**
   * Lints batches in this thread until none is left for it, letting the
   * workers' replies in between files so that they never wait for more.
   * @param lintHere Lints one file in this thread.
   */
  async runHere(lintHere: LocalLinter): Promise<void> {
    this.running++
    try {
      for (let files = this.takeBatch(false, false); files; files = this.takeBatch(false, false)) {
        for (const {id, filePath} of files) {
          try {
            this.results[id] = await lintHere(filePath)
          } catch (error) {
            this.failures.push([id, error instanceof Error ? error.message : String(error)])
          }
          await new Promise((resolve) => setImmediate(resolve))
        }
      }
    } finally {
      this.running--
    }
  }

  /** Whether files remain to be handed out. */
  private hasWork(): boolean {
    return this.suspects.length > 0 || this.next < this.files.length
  }

  /**
   * The next batch, or null when there is none for this worker. Suspects go
   * alone, and only to a worker holding nothing else; other batches take a
   * share of what is left that shrinks as the list runs out.
   * @param holdsBatch Whether the worker still has a batch to lint.
   * @param takesSuspects Whether it may take a file that crashed a worker (this thread may not).
   */
  private takeBatch(holdsBatch: boolean, takesSuspects = true): WorkerRequest['files'] | null {
    if (takesSuspects && this.suspects.length > 0) {
      if (holdsBatch) return null
      const id = this.suspects.shift()!
      return [{id, filePath: this.files[id]!}]
    }
    const remaining = this.files.length - this.next
    if (remaining === 0) return null
    const size = Math.min(maxBatchFiles, Math.ceil(remaining / (2 * batchesAhead * Math.max(1, this.running))))
    const batch: WorkerRequest['files'] = []
    for (let id = this.next; id < this.next + size; id++) batch.push({id, filePath: this.files[id]!})
    this.next += size
    return batch
  }
}
