/**
 * The default, human-readable format, laid out like ESLint's `stylish`: the
 * problems of each file in aligned columns, then a summary.
 */

import type {LintMessage, LintResult} from '../types.js'
import {createPalette, type Palette} from './ansi.js'
import {displayWidth, padEndFromWidth} from './display-width.js'
import type {FormatContext, Formatter} from './index.js'
import {relativePath} from './paths.js'
import {severityLabel} from './severity.js'
import {toSingleLine} from './terminal-text.js'

/** The cells of one message line, as plain text. */
interface MessageRow {
  line: string
  column: string
  isError: boolean
  severity: string
  message: string
  /** The terminal columns `message` takes. */
  messageWidth: number
  ruleId: string
}

/** How many problems of each kind the report lists. */
interface ProblemCounts {
  errors: number
  warnings: number
  fixableErrors: number
  fixableWarnings: number
}

/** Returns `count` followed by `noun`, with an `s` unless the count is one. */
function pluralize(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/** Returns the plain-text cells for `message`. */
function toRow(message: LintMessage): MessageRow {
  const text = toSingleLine(message.message)
  return {
    line: String(message.line),
    column: String(message.column),
    isError: message.severity === 2,
    severity: severityLabel(message.severity),
    message: text,
    messageWidth: displayWidth(text),
    ruleId: message.ruleId ?? '',
  }
}

/** Returns the widest of the widths `widthOf` gives for `rows`. */
function columnWidth(rows: MessageRow[], widthOf: (row: MessageRow) => number): number {
  let widest = 0
  for (const row of rows) widest = Math.max(widest, widthOf(row))
  return widest
}

/** Returns the lines of one file's messages, columns aligned, each ending with a newline. */
function formatTable(messages: LintMessage[], palette: Palette): string {
  const rows = messages.map(toRow)
  // Line, column and severity are ASCII: their length is their width.
  const lineWidth = columnWidth(rows, (row) => row.line.length)
  const columnNumberWidth = columnWidth(rows, (row) => row.column.length)
  const severityWidth = columnWidth(rows, (row) => row.severity.length)
  const messageWidth = columnWidth(rows, (row) => row.messageWidth)
  let table = ''
  for (const row of rows) {
    const position =
      ' '.repeat(lineWidth - row.line.length) +
      palette.dim(`${row.line}:${row.column}`) +
      ' '.repeat(columnNumberWidth - row.column.length)
    const paint = row.isError ? palette.red : palette.yellow
    const severity = paint(row.severity) + ' '.repeat(severityWidth - row.severity.length)
    const line =
      row.ruleId === ''
        ? `  ${position}  ${severity}  ${row.message}`.trimEnd()
        : `  ${position}  ${severity}  ${padEndFromWidth(row.message, row.messageWidth, messageWidth)}  ${palette.dim(row.ruleId)}`
    table += `${line}\n`
  }
  return table
}

/** Counts the problems of `results`, and those a safe fix can repair. */
function countProblems(results: LintResult[]): ProblemCounts {
  const counts: ProblemCounts = {errors: 0, warnings: 0, fixableErrors: 0, fixableWarnings: 0}
  for (const result of results) {
    for (const message of result.messages) {
      const fixable = message.fix !== undefined
      if (message.severity === 2) {
        counts.errors += 1
        if (fixable) counts.fixableErrors += 1
      } else {
        counts.warnings += 1
        if (fixable) counts.fixableWarnings += 1
      }
    }
  }
  return counts
}

/** Returns the summary lines, in red when there are errors and in yellow otherwise. */
function formatSummary(counts: ProblemCounts, palette: Palette): string {
  const paint = (text: string): string => palette.bold(counts.errors > 0 ? palette.red(text) : palette.yellow(text))
  const total = counts.errors + counts.warnings
  let summary = `${paint(
    `\u2716 ${pluralize(total, 'problem')} (${pluralize(counts.errors, 'error')}, ${pluralize(counts.warnings, 'warning')})`,
  )}\n`
  if (counts.fixableErrors > 0 || counts.fixableWarnings > 0) {
    const fixable = `${pluralize(counts.fixableErrors, 'error')} and ${pluralize(counts.fixableWarnings, 'warning')}`
    summary += `${paint(`  ${fixable} potentially fixable with the \`--fix\` option.`)}\n`
  }
  return summary
}

/** Formats results for people reading a terminal; prints nothing when there are no problems. */
const formatStylish: Formatter = (results: LintResult[], context: FormatContext): string => {
  const palette = createPalette(context.color)
  let output = ''
  for (const result of results) {
    if (result.messages.length === 0) continue
    output += `${palette.underline(toSingleLine(relativePath(result.filePath, context.cwd)))}\n`
    output += `${formatTable(result.messages, palette)}\n`
  }
  const counts = countProblems(results)
  if (counts.errors + counts.warnings === 0) return ''
  return output + formatSummary(counts, palette)
}

export default formatStylish
