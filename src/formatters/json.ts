/** ESLint's JSON format: the results array, with only the fields ESLint's readers expect. */

import type {LintMessage, LintResult, Suggestion, TextEdit} from '../types.js'
import type {Formatter} from './index.js'

/** A result as the JSON format writes it: without the source text. */
type JsonResult = Omit<LintResult, 'source'>

/** Returns a copy of `edit` with only its range and text. */
function copyEdit(edit: TextEdit): TextEdit {
  return {range: [edit.range[0], edit.range[1]], text: edit.text}
}

/** Returns a copy of `suggestion` with only its description and edit. */
function copySuggestion(suggestion: Suggestion): Suggestion {
  return {desc: suggestion.desc, fix: copyEdit(suggestion.fix)}
}

/** Returns a copy of `message` with the known fields only, in ESLint's order. */
function toJsonMessage(message: LintMessage): LintMessage {
  const jsonMessage: LintMessage = {
    ruleId: message.ruleId,
    severity: message.severity,
    message: message.message,
    line: message.line,
    column: message.column,
    endLine: message.endLine,
    endColumn: message.endColumn,
  }
  if (message.fix !== undefined) jsonMessage.fix = copyEdit(message.fix)
  if (message.suggestions !== undefined) jsonMessage.suggestions = message.suggestions.map(copySuggestion)
  if (message.fatal !== undefined) jsonMessage.fatal = message.fatal
  if (message.actual !== undefined) jsonMessage.actual = message.actual
  if (message.expected !== undefined) jsonMessage.expected = [...message.expected]
  if (message.url !== undefined) jsonMessage.url = message.url
  return jsonMessage
}

/** Returns `result` with the known fields only, the source text left out. */
function toJsonResult(result: LintResult): JsonResult {
  return {
    filePath: result.filePath,
    messages: result.messages.map(toJsonMessage),
    errorCount: result.errorCount,
    warningCount: result.warningCount,
    fatalErrorCount: result.fatalErrorCount,
    fixableErrorCount: result.fixableErrorCount,
    fixableWarningCount: result.fixableWarningCount,
    ...(result.output === undefined ? {} : {output: result.output}),
  }
}

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
    const jsonResult = toJsonResult(results[index]!)
    const messages = jsonResult.messages
    if (index > 0) piece += ','
    if (messages.length <= wholeResultMessages) {
      piece += JSON.stringify(jsonResult)
    } else {
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
const formatJson: Formatter = (results) => `${JSON.stringify(results.map(toJsonResult))}\n`

export default formatJson

/** The report in pieces, for the command line. */
export const pieces = jsonReportPieces
