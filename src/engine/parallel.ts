/**
 * Lints files on worker threads: each worker loads bilint once and takes the
 * next file from a shared queue, so a slow file does not hold up the others.
 */
import {Worker} from 'node:worker_threads'
import type {LintResult} from '../types.js'
import {fatalResult} from './lint-text.js'
import type {LintFilesOptions} from './lint-files.js'

/** A message from a worker. */
export type WorkerReply = {id: number; result: LintResult | null} | {id: number; error: string}

/** A message to a worker. */
export interface WorkerRequest {
  /** Position of the file in the list. */
  id: number
  /** Absolute path. */
  filePath: string
}

/**
 * Lints files on `threads` workers.
 * @param files Absolute paths.
 * @param options Options for every file (must be structured-cloneable).
 * @param threads Number of workers.
 * @returns One entry per file, in order: its result, or null when its configuration ignores it.
 */
export async function lintOnWorkers(files: readonly string[], options: LintFilesOptions, threads: number): Promise<Array<LintResult | null>> {
  const results: Array<LintResult | null> = new Array(files.length).fill(null)
  if (files.length === 0) return results
  let next = 0
  const workerUrl = new URL('./worker.js', import.meta.url)
  const runWorker = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(workerUrl, {workerData: {options}})
      let current: number | null = null
      const sendNext = (): void => {
        if (next >= files.length) {
          current = null
          void worker.terminate()
          return
        }
        current = next++
        worker.postMessage({id: current, filePath: files[current]!} satisfies WorkerRequest)
      }
      worker.on('message', (reply: WorkerReply) => {
        results[reply.id] = 'error' in reply ? fatalResult(files[reply.id]!, `Internal error: ${reply.error}`) : reply.result
        sendNext()
      })
      worker.on('error', (error) => {
        // A crashed worker: its file gets an error, the others go on in a new worker.
        if (current !== null) results[current] = fatalResult(files[current]!, `Internal error: ${error.message}`)
        runWorker().then(resolve, reject)
      })
      worker.on('exit', () => {
        if (current === null) resolve()
      })
      sendNext()
    })
  await Promise.all(Array.from({length: Math.min(threads, files.length)}, runWorker))
  return results
}
