/** ESLint's JSON format: the results array, with only the fields ESLint's readers expect. */

import type {LintResult} from '../types.js'
import type {Formatter} from './index.js'
import {jsonResultText, storedJsonText, toJsonResult} from './json-result.js'

/** Characters of messages gathered before a piece of the report is handed out. */
const pieceLength = 64 * 1024

/** Results with at most this many messages are written with one `JSON.stringify`; longer ones message by message. */
const wholeResultMessages = 256

/**
 * The JSON report in pieces of about 64 KB that, joined, are the report
 * {@link formatJson} returns: the command line writes them one by one, so a
 * report of tens of megabytes is never held whole.
 * @param results The results.
 */
export function* jsonReportPieces(results: readonly LintResult[]): Generator<string> {
  let piece = '['
  for (let index = 0; index < results.length; index++) {
    const result = results[index]!
    if (index > 0) piece += ','
    const stored = storedJsonText(result)
    if (stored !== undefined) {
      piece += stored
    } else if (result.messages.length <= wholeResultMessages) {
      piece += JSON.stringify(toJsonResult(result))
    } else {
      const jsonResult = toJsonResult(result)
      const messages = jsonResult.messages
      // The result without its messages, opened where they go: `"messages":[` cannot occur earlier, in the escaped file path.
      const shell = JSON.stringify({...jsonResult, messages: []})
      const at = shell.indexOf('"messages":[]') + '"messages":['.length
      piece += shell.slice(0, at)
      for (let messageIndex = 0; messageIndex < messages.length; messageIndex++) {
        piece += (messageIndex > 0 ? ',' : '') + JSON.stringify(messages[messageIndex])
        if (piece.length >= pieceLength) {
          yield piece
          piece = ''
        }
      }
      piece += shell.slice(at)
    }
    if (piece.length >= pieceLength) {
      yield piece
      piece = ''
    }
  }
  yield `${piece}]\n`
}

/** Formats results as one line of JSON in ESLint's shape, file paths as given. */
const formatJson: Formatter = (results) => `[${results.map(jsonResultText).join(',')}]\n`

export default formatJson

/** The report in pieces, for the command line. */
export const pieces = jsonReportPieces
