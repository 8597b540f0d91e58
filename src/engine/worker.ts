/**
 * A worker thread of {@link lintOnWorkers}: lints the files it is sent, one
 * at a time, with the options it was started with.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {createLintRun, lintFile, type LintFilesOptions} from './lint-files.js'
import type {WorkerReply, WorkerRequest} from './parallel.js'

const options = (workerData as {options: LintFilesOptions & {cwd: string}}).options
const run = createLintRun(options.cwd, options)

parentPort!.on('message', (request: WorkerRequest) => {
  lintFile(request.filePath, run).then(
    (result) => parentPort!.postMessage({id: request.id, result} satisfies WorkerReply),
    (error: unknown) => parentPort!.postMessage({id: request.id, error: error instanceof Error ? error.message : String(error)} satisfies WorkerReply),
  )
})
