/** The text span of a message, made valid for formats that reject impossible ranges. */

import type {LintMessage} from '../types.js'

/** A 1-based start and end position; the end column is exclusive. */
export interface Span {
  /** Line of the start, at least 1. */
  line: number
  /** Column of the start, at least 1. */
  column: number
  /** Line of the end, not before `line`. */
  endLine: number
  /** Column just past the end, not before `column` when the span is on one line. */
  endColumn: number
}

/** Returns `value` if it is a whole number of at least `minimum`, otherwise `fallback`. */
function atLeast(value: number, minimum: number, fallback: number): number {
  return Number.isInteger(value) && value >= minimum ? value : fallback
}

/**
 * Returns the span of `message` with positions below 1 raised to 1 and an end
 * before the start moved to the start, so that SARIF and GitHub accept it.
 */
export function messageSpan(message: LintMessage): Span {
  const line = atLeast(message.line, 1, 1)
  const column = atLeast(message.column, 1, 1)
  const endLine = atLeast(message.endLine, 1, line)
  if (endLine < line) return {line, column, endLine: line, endColumn: column}
  const endColumn = endLine === line ? atLeast(message.endColumn, column, column) : atLeast(message.endColumn, 1, 1)
  return {line, column, endLine, endColumn}
}
