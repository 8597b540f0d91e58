/**
 * A worker thread of {@link lintOnWorkers}: lints the batches of files it
 * is sent, one file at a time and in order, with the options it was started
 * with, and answers each batch with one message.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {countsOf, isPlainResult, jsonResultText} from '../formatters/json-result.js'
import type {LintResult} from '../types.js'
import {flushRuleCaches} from './cache-flush.js'
import {lintFile} from './lint-file.js'
import {createLintRun} from './lint-run.js'
import type {LintFilesOptions} from './options.js'
import type {WorkerAnswer, WorkerReply, WorkerRequest} from './parallel.js'

const options = (workerData as {options: LintFilesOptions & {cwd: string}}).options
const run = createLintRun(options.cwd, options)
const queue: WorkerRequest[] = []
let draining = false

/** Lints the queued batches one after the other, answering each. */
async function drain(): Promise<void> {
  draining = true
  for (let request = queue.shift(); request; request = queue.shift()) {
    const answers: WorkerAnswer[] = []
    for (const {id, filePath} of request.files) {
      try {
        answers.push(answerOf(id, await lintFile(filePath, run)))
      } catch (error) {
        answers.push({id, error: error instanceof Error ? error.message : String(error)})
      }
    }
    // Before answering: once the last answer is in, the main thread stops this worker.
    flushRuleCaches()
    parentPort!.postMessage({batch: request.batch, answers} satisfies WorkerReply)
  }
  draining = false
}

/** The answer for one file's result: as JSON when it is a plain result (see {@link WorkerAnswer}). */
function answerOf(id: number, result: LintResult | null): WorkerAnswer {
  if (!result || !isPlainResult(result)) return {id, result}
  return {id, json: jsonResultText(result), filePath: result.filePath, counts: countsOf(result)}
}

parentPort!.on('message', (request: WorkerRequest) => {
  queue.push(request)
  if (!draining) void drain()
})
