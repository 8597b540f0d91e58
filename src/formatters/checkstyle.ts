/** The Checkstyle XML format read by Jenkins and other CI servers, as ESLint writes it. */

import type {LintMessage} from '../types.js'
import type {Formatter} from './index.js'
import {severityLabel} from './severity.js'
import {escapeXmlAttribute, xmlDeclaration} from './xml.js'

/** Returns the `<error>` element for `message`. */
function toErrorElement(message: LintMessage): string {
  const source = message.ruleId === null ? '' : `bilint.rules.${message.ruleId}`
  return (
    `<error line="${escapeXmlAttribute(message.line)}" column="${escapeXmlAttribute(message.column)}"` +
    ` severity="${severityLabel(message.severity)}" message="${escapeXmlAttribute(message.message)}"` +
    ` source="${escapeXmlAttribute(source)}" />`
  )
}

/** Formats results as a Checkstyle report with one `<file>` per result, named by its absolute path. */
const formatCheckstyle: Formatter = (results) => {
  let output = `${xmlDeclaration}<checkstyle version="4.3">`
  for (const result of results) {
    output += `<file name="${escapeXmlAttribute(result.filePath)}">`
    output += result.messages.map(toErrorElement).join('')
    output += '</file>'
  }
  return `${output}</checkstyle>\n`
}

export default formatCheckstyle
