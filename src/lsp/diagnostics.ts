/**
 * Lint messages as LSP diagnostics.
 *
 * bilint's positions are 1-based lines and columns in UTF-16 code units,
 * LSP's are 0-based in the same units, so a range is the message's position
 * minus one. Each diagnostic carries in `data` what its quick fixes need (the
 * replacement candidates and which of them is the safe fix), so that code
 * actions can be computed from the diagnostic alone, on the range the client
 * holds for it now.
 */
import {DiagnosticSeverity, type Diagnostic, type Range} from 'vscode-languageserver/node.js'
import type {ConfigError} from '../config/errors.js'
import type {LintMessage} from '../types.js'

/** The `source` of every diagnostic bilint publishes. */
export const diagnosticSource = 'bilint'

/** What a bilint diagnostic carries in its `data` field. */
export interface DiagnosticData {
  /** Replacement candidates, best first (a message's `expected[]`). */
  expected: string[]
  /** The text objected to. */
  actual?: string
  /** The candidate that is the safe fix (`--fix` applies it), if any. */
  safeFix?: string
}

/**
 * Converts a lint message into a diagnostic.
 *
 * @param message The message, positions relative to the text without BOM.
 * @param bomLength 1 when the document text starts with a BOM (which bilint does not count), else 0.
 */
export function toDiagnostic(message: LintMessage, bomLength: 0 | 1): Diagnostic {
  const diagnostic: Diagnostic = {
    range: {
      start: {line: message.line - 1, character: message.column - 1 + (message.line === 1 ? bomLength : 0)},
      end: {line: message.endLine - 1, character: message.endColumn - 1 + (message.endLine === 1 ? bomLength : 0)},
    },
    severity: message.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: diagnosticSource,
    message: message.message,
  }
  if (message.ruleId !== null) diagnostic.code = message.ruleId
  if (message.url) diagnostic.codeDescription = {href: message.url}
  if (message.expected?.length) {
    const data: DiagnosticData = {expected: [...message.expected]}
    if (message.actual !== undefined) data.actual = message.actual
    if (message.fix) data.safeFix = message.fix.text
    diagnostic.data = data
  }
  return diagnostic
}

/**
 * The one diagnostic shown instead of a document's findings when its
 * configuration is broken: at the start of the first line, naming the file.
 *
 * @param error The configuration problem.
 * @param firstLineLength Length of the document's first line, so the range covers it.
 */
export function configErrorDiagnostic(error: ConfigError, firstLineLength: number): Diagnostic {
  return {
    range: {start: {line: 0, character: 0}, end: {line: 0, character: firstLineLength}},
    severity: DiagnosticSeverity.Error,
    source: diagnosticSource,
    message: configErrorText(error),
  }
}

/**
 * The text of a configuration problem, naming the file by its full path
 * (the server's working directory means nothing to the person reading it).
 *
 * @param error The configuration problem.
 */
export function configErrorText(error: ConfigError): string {
  const key = error.key === undefined ? '' : `${error.key}: `
  return `bilint configuration error in ${error.filePath}: ${key}${error.detail}`
}

/**
 * The diagnostic data of a diagnostic sent back by the client, checked: the
 * client may send anything, and a diagnostic from another source has none.
 *
 * @param diagnostic A diagnostic from a code action request.
 * @returns The data, or `undefined` when it is missing or malformed.
 */
export function diagnosticDataOf(diagnostic: Diagnostic): DiagnosticData | undefined {
  if (diagnostic.source !== diagnosticSource) return undefined
  const data: unknown = diagnostic.data
  if (typeof data !== 'object' || data === null) return undefined
  const {expected, actual, safeFix} = data as Record<string, unknown>
  if (!Array.isArray(expected) || !expected.every((item) => typeof item === 'string')) return undefined
  const checked: DiagnosticData = {expected: expected as string[]}
  if (typeof actual === 'string') checked.actual = actual
  if (typeof safeFix === 'string') checked.safeFix = safeFix
  return checked
}

/**
 * Whether a value is a well-formed LSP range with non-negative integer
 * positions (ranges from the client are checked before edits are built on them).
 *
 * @param value Any value.
 */
export function isRange(value: unknown): value is Range {
  if (typeof value !== 'object' || value === null) return false
  const {start, end} = value as Record<string, unknown>
  return isPosition(start) && isPosition(end)
}

/** Whether a value is a position with non-negative integer line and character. */
function isPosition(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false
  const {line, character} = value as Record<string, unknown>
  return Number.isInteger(line) && Number.isInteger(character) && (line as number) >= 0 && (character as number) >= 0
}
