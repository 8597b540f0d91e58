/**
 * GitHub Actions workflow commands (`::error …::message`), which the runner
 * turns into annotations on the lines of a pull request.
 */

import type {LintMessage} from '../types.js'
import type {FormatContext, Formatter} from './index.js'
import {relativePath} from './paths.js'
import {severityLabel} from './severity.js'
import {messageSpan} from './span.js'

/** Escapes the message of a workflow command: `%`, CR and LF. */
export function escapeCommandData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
}

/** Escapes a property value of a workflow command: as message data, plus `:` and `,`. */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replaceAll(':', '%3A').replaceAll(',', '%2C')
}

/**
 * Returns the location properties of `message`. The runner drops columns
 * from annotations that span several lines, so those get lines only.
 */
function locationProperties(message: LintMessage): Array<[string, number]> {
  const span = messageSpan(message)
  if (span.line !== span.endLine) return [['line', span.line], ['endLine', span.endLine]]
  return [
    ['line', span.line],
    ['col', span.column],
    ['endLine', span.endLine],
    ['endColumn', span.endColumn],
  ]
}

/** Returns the workflow command that annotates `message` in the file at `path`. */
function toWorkflowCommand(message: LintMessage, path: string): string {
  const properties: Array<[string, string | number]> = [
    ['file', path],
    ...locationProperties(message),
    ['title', message.ruleId ?? 'bilint'],
  ]
  const propertyList = properties.map(([name, value]) => `${name}=${escapeCommandProperty(String(value))}`).join(',')
  return `::${severityLabel(message.severity)} ${propertyList}::${escapeCommandData(message.message)}`
}

/** Formats results as one GitHub Actions annotation command per message, paths relative to the working directory. */
const formatGithub: Formatter = (results, context: FormatContext) => {
  let output = ''
  for (const result of results) {
    const path = relativePath(result.filePath, context.cwd)
    for (const message of result.messages) output += `${toWorkflowCommand(message, path)}\n`
  }
  return output
}

export default formatGithub
