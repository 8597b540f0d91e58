/**
 * Worker thread for the adversarial suite: lints one file in-process with
 * the built API (`dist/src/index.js`, from `npm run build`) and posts back
 * how long `lintText` took and what it reported. It runs in a worker so that
 * the test can terminate it when it runs past its time budget (a synchronous
 * loop in the test's own thread could not be interrupted).
 *
 * workerData: {distRoot, file, filePath, preset}
 * replies: {ready} once the API is loaded and the file decoded, then
 *   {decodeError} | {error} | {ms, messageCount, ruleIds, internalErrors, badPositions, lineCount}
 */
import {readFileSync} from 'node:fs'
import {parentPort, workerData} from 'node:worker_threads'
import {pathToFileURL} from 'node:url'
import path from 'node:path'

const {distRoot, file, filePath, preset} = workerData
const {lintText} = await import(pathToFileURL(path.join(distRoot, 'src', 'index.js')).href)
const {decodeText} = await import(pathToFileURL(path.join(distRoot, 'src', 'text', 'decode.js')).href)

/** Lengths of the lines of a text, split as bilint splits them (`\r\n`, `\n`, lone `\r`). */
function lineLengths(text) {
  return text.split(/\r\n|\r|\n/).map((line) => line.length)
}

let text
try {
  text = decodeText(readFileSync(file)).text
} catch (error) {
  parentPort.postMessage({decodeError: `${error?.constructor?.name}: ${error?.message}`})
  process.exit(0)
}

// The budget covers linting only: the test starts its clock now.
parentPort.postMessage({ready: true})

try {
  const started = performance.now()
  const result = await lintText(text, {filePath, preset})
  const ms = performance.now() - started
  const lengths = lineLengths(text)
  const badPositions = []
  for (const message of result.messages) {
    const {line, column, endLine, endColumn} = message
    const inside = (l, c) => Number.isInteger(l) && Number.isInteger(c) && l >= 1 && l <= lengths.length && c >= 1 && c <= lengths[l - 1] + 1
    const ordered = line < endLine || (line === endLine && column <= endColumn)
    if (!inside(line, column) || !inside(endLine, endColumn) || !ordered) {
      if (badPositions.length < 5) badPositions.push({ruleId: message.ruleId, line, column, endLine, endColumn})
    }
  }
  parentPort.postMessage({
    ms,
    messageCount: result.messages.length,
    ruleIds: [...new Set(result.messages.map((message) => message.ruleId))],
    internalErrors: result.messages.filter((message) => message.ruleId === 'internal-error').map((message) => message.message).slice(0, 5),
    badPositions,
    lineCount: lengths.length,
  })
} catch (error) {
  parentPort.postMessage({error: `${error?.constructor?.name}: ${error?.message}`})
}
