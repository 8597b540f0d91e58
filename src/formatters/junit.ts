/**
 * The JUnit XML format read by CI servers: a test suite per file, a failing
 * test case per message, a passing test case for a file without problems.
 */

import path from 'node:path'
import type {LintMessage, LintResult} from '../types.js'
import type {FormatContext, Formatter} from './index.js'
import {relativePath} from './paths.js'
import {capitalizedSeverityLabel} from './severity.js'
import {cdataSection, escapeXmlAttribute, xmlDeclaration} from './xml.js'

/** Returns `filePath` (with forward slashes) without the extension of its last segment. */
function withoutExtension(filePath: string): string {
  const extension = path.posix.extname(filePath)
  return extension === '' ? filePath : filePath.slice(0, -extension.length)
}

/**
 * Returns the `<testcase>` for `message`. A lint problem is a `<failure>`; a
 * file that could not be linted at all (a fatal message) is an `<error>`.
 */
function toFailingTestCase(message: LintMessage, className: string): string {
  const element = message.fatal === true ? 'error' : 'failure'
  const name = `org.bilint.${message.ruleId ?? 'fatal'}`
  const details =
    `line ${message.line}, col ${message.column}, ${capitalizedSeverityLabel(message.severity)} - ${message.message}` +
    (message.ruleId === null ? '' : ` (${message.ruleId})`)
  return (
    `<testcase time="0" name="${escapeXmlAttribute(name)}" classname="${escapeXmlAttribute(className)}">` +
    `<${element} message="${escapeXmlAttribute(message.message)}">${cdataSection(details)}</${element}>` +
    '</testcase>\n'
  )
}

/** Returns the `<testsuite>` of one file. */
function toTestSuite(result: LintResult, context: FormatContext): string {
  const filePath = relativePath(result.filePath, context.cwd)
  const className = withoutExtension(filePath)
  const name = escapeXmlAttribute(filePath)
  const errors = result.messages.filter((message) => message.fatal === true).length
  const failures = result.messages.length - errors
  const tests = Math.max(1, result.messages.length)
  let suite = `<testsuite package="org.bilint" time="0" tests="${tests}" failures="${failures}" errors="${errors}" name="${name}">\n`
  if (result.messages.length === 0) suite += `<testcase time="0" name="${name}" classname="${escapeXmlAttribute(className)}" />\n`
  else suite += result.messages.map((message) => toFailingTestCase(message, className)).join('')
  return `${suite}</testsuite>\n`
}

/** Formats results as JUnit XML, files named by their path relative to the working directory. */
const formatJunit: Formatter = (results, context) =>
  `${xmlDeclaration}\n<testsuites>\n${results.map((result) => toTestSuite(result, context)).join('')}</testsuites>\n`

export default formatJunit
