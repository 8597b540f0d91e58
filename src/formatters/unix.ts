/** ESLint's `unix` format: `path:line:column: message [Severity/rule-id]`, one line per message. */

import type {Formatter} from './index.js'
import {relativePath} from './paths.js'
import {capitalizedSeverityLabel} from './severity.js'
import {toSingleLine} from './terminal-text.js'

/** Formats results one message per line, then the number of problems; prints nothing when there are none. */
const formatUnix: Formatter = (results, context) => {
  const lines: string[] = []
  for (const result of results) {
    const path = toSingleLine(relativePath(result.filePath, context.cwd))
    for (const message of result.messages) {
      const category = capitalizedSeverityLabel(message.severity) + (message.ruleId === null ? '' : `/${message.ruleId}`)
      lines.push(`${path}:${message.line}:${message.column}: ${toSingleLine(message.message)} [${category}]`)
    }
  }
  if (lines.length === 0) return ''
  return `${lines.join('\n')}\n\n${lines.length} problem${lines.length === 1 ? '' : 's'}\n`
}

export default formatUnix
