/**
 * One lint result as ESLint's JSON format writes it, and results that carry
 * that text already: a result read back from the cache holds the JSON it was
 * stored as, so a report of cached results is written without rebuilding
 * and serialising every message again.
 */
import type {LintMessage, LintResult, Suggestion, TextEdit} from '../types.js'

/** A result as the JSON format writes it: without the source text. */
export type JsonResult = Omit<LintResult, 'source'>

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

/**
 * Returns `result` with the known fields only, in ESLint's order, the source text left out.
 * @param result A result.
 */
export function toJsonResult(result: LintResult): JsonResult {
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

/** Where a result keeps the JSON it was read from (not enumerable: a copy of the result does not inherit it). */
const storedJson = Symbol('bilint.storedJson')

/** The JSON a result was read from, while its messages are untouched. */
interface StoredJson {
  /** The JSON text. */
  text: string
  /** The path and counts it holds. */
  filePath: string
  counts: readonly number[]
  /** Whether the messages were read, and may since have been changed. */
  messagesRead: boolean
}

/**
 * A result read from its JSON text (as {@link toJsonResult} writes it):
 * counts and path at once, the messages parsed when first read.
 * @param text The result's JSON.
 * @param filePath Its file path, as in the JSON.
 * @param counts Its counts, as in the JSON: errors, warnings, fatal errors, fixable errors, fixable warnings.
 */
export function resultFromJson(text: string, filePath: string, counts: readonly number[]): LintResult {
  const stored: StoredJson = {text, filePath, counts, messagesRead: false}
  const result = {
    filePath,
    errorCount: counts[0]!,
    warningCount: counts[1]!,
    fatalErrorCount: counts[2]!,
    fixableErrorCount: counts[3]!,
    fixableWarningCount: counts[4]!,
  } as LintResult
  Object.defineProperty(result, 'messages', {
    enumerable: true,
    configurable: true,
    get(): LintMessage[] {
      stored.messagesRead = true
      const messages = (JSON.parse(text) as JsonResult).messages
      Object.defineProperty(result, 'messages', {value: messages, enumerable: true, configurable: true, writable: true})
      return messages
    },
    set(messages: LintMessage[]) {
      stored.messagesRead = true
      Object.defineProperty(result, 'messages', {value: messages, enumerable: true, configurable: true, writable: true})
    },
  })
  Object.defineProperty(result, storedJson, {value: stored, enumerable: false})
  return result
}

/**
 * Whether a result was read from stored JSON ({@link resultFromJson}): it
 * holds no fatal message and no internal error ({@link isPlainResult}).
 * @param result A result.
 */
export function isStoredResult(result: LintResult): boolean {
  return storedJson in result
}

/**
 * The JSON a result was read from ({@link resultFromJson}), while it still
 * describes the result: its path, counts and messages unchanged, no fixed
 * output. Reads no messages.
 * @param result A result.
 */
export function storedJsonText(result: LintResult): string | undefined {
  const stored = (result as LintResult & {[storedJson]?: StoredJson})[storedJson]
  if (!stored || stored.messagesRead || result.output !== undefined) return undefined
  return result.filePath === stored.filePath && sameCounts(result, stored.counts) ? stored.text : undefined
}

/**
 * The JSON format's text of one result: its stored JSON when it has one
 * ({@link storedJsonText}), else freshly written.
 * @param result A result.
 */
export function jsonResultText(result: LintResult): string {
  return storedJsonText(result) ?? JSON.stringify(toJsonResult(result))
}

/** Whether a result's counts are `counts` (errors, warnings, fatal errors, fixable errors, fixable warnings). */
function sameCounts(result: LintResult, counts: readonly number[]): boolean {
  return (
    result.errorCount === counts[0] &&
    result.warningCount === counts[1] &&
    result.fatalErrorCount === counts[2] &&
    result.fixableErrorCount === counts[3] &&
    result.fixableWarningCount === counts[4]
  )
}

/**
 * A result's counts, in the order {@link resultFromJson} takes them.
 * @param result A result.
 */
export function countsOf(result: LintResult): number[] {
  return [result.errorCount, result.warningCount, result.fatalErrorCount, result.fixableErrorCount, result.fixableWarningCount]
}

/**
 * Whether a file was linted without failing: no fatal message (it could be
 * read and decoded) and no internal error (every rule ran).
 * @param result A result.
 */
export function lintedWithoutFailure(result: LintResult): boolean {
  return result.fatalErrorCount === 0 && !result.messages.some((message) => message.fatal === true || message.ruleId === 'internal-error')
}

/**
 * Whether a result can be kept as its JSON ({@link resultFromJson}): linted
 * without failure, with no source text and no fixed output.
 * @param result A result.
 */
export function isPlainResult(result: LintResult): boolean {
  return result.source === undefined && result.output === undefined && lintedWithoutFailure(result)
}
