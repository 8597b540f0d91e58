/**
 * Lints one text: builds its document index, starts the enabled rules, walks
 * the blocks once for all of them (each prose block tokenized only while its
 * hooks run), and turns the VFile's messages into ESLint-shaped results.
 */
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {walkBlocks} from '../document/block-walk.js'
import {buildDocument} from '../document/build.js'
import type {DocumentFormat, DocumentIndex} from '../document/types.js'
import {ruleModules} from '../rules.js'
import type {LintMessage, LintResult, Severity} from '../types.js'
import {DirectiveFilter} from './directives.js'
import {
  indexDataKey,
  projectWordsDataKey,
  type BilintMessageFields,
  type RuleModule,
  type RuleSettings,
  type RuleVisitor,
} from './rule.js'

/** Enabled rules with their settings, by rule id. */
export type EnabledRules = ReadonlyMap<string, RuleSettings<Record<string, unknown>>>

/** Options of {@link lintDocument}. */
export interface LintDocumentOptions {
  /** Path reported in the result. */
  filePath: string
  /** How to read the text. */
  format: DocumentFormat
  /** Forces the document language. */
  language?: 'en' | 'zh' | undefined
  /** Keep the text in the result (for reporters that show it). */
  keepSource?: boolean
  /** Project words for the spelling rule. */
  projectWords?: readonly string[]
  /** Where rule ids are looked up (default: the rules bilint ships). */
  registry?: ReadonlyMap<string, RuleModule<object>>
}

/**
 * The format a path implies: Markdown for `.md`, `.markdown` and `.mdx`, plain text otherwise.
 * @param filePath A file path or name.
 */
export function formatOfPath(filePath: string): DocumentFormat {
  return /\.(?:md|markdown|mdx|mkd|mdown)$/i.test(filePath) ? 'markdown' : 'text'
}

/** One enabled rule during the lint of one file. */
interface RuleRun {
  /** The rule. */
  rule: RuleModule<object>
  /** Its hooks; null before it started and after it failed. */
  visitor: RuleVisitor | null
  /** The messages it reported, in order. */
  messages: VFileMessage[]
}

/**
 * Runs the enabled rules on a file: starts each, walks the blocks once
 * calling every rule's `block` hook, then calls their `end` hooks. The file's
 * messages end up grouped by rule, in the order the rules are enabled, as if
 * each rule had run alone.
 */
function runRules(index: DocumentIndex, file: VFile, rules: EnabledRules, registry: ReadonlyMap<string, RuleModule<object>>): void {
  // A VFileMessage is an Error: capturing a stack trace for each finding is
  // most of its cost, and no finding's stack is ever shown.
  const stackTraceLimit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    runRulesOnce(index, file, rules, registry)
  } finally {
    Error.stackTraceLimit = stackTraceLimit
  }
}

function runRulesOnce(index: DocumentIndex, file: VFile, rules: EnabledRules, registry: ReadonlyMap<string, RuleModule<object>>): void {
  const runs: RuleRun[] = []
  for (const [id, settings] of rules) {
    const rule = registry.get(id)
    if (!rule) continue
    const run: RuleRun = {rule, visitor: null, messages: []}
    runs.push(run)
    isolated(run, file, () => {
      run.visitor = rule.start(file, settings)
    })
  }
  const visiting = runs.filter((run) => run.visitor?.block)
  if (visiting.length > 0) {
    const paragraphs = visiting.some((run) => run.visitor!.paragraphs !== false)
    walkBlocks(
      index,
      (block) => {
        for (const run of visiting) {
          const visitor = run.visitor
          if (visitor) isolated(run, file, () => visitor.block!(block))
        }
      },
      {paragraphs},
    )
  }
  for (const run of runs) {
    const visitor = run.visitor
    if (visitor?.end) isolated(run, file, () => visitor.end!())
  }
  file.messages = runs.flatMap((run) => run.messages)
}

/**
 * Runs one step of a rule and moves the messages it reported to the rule's
 * own list. An exception becomes one `internal-error` message, and the rule
 * gets no further hook calls on this file.
 */
function isolated(run: RuleRun, file: VFile, step: () => void): void {
  const before = file.messages.length
  try {
    step()
  } catch (error) {
    run.visitor = null
    const reason = error instanceof Error ? error.message : String(error)
    const message = file.message(`Rule \`${run.rule.meta.id}\` failed on this file: ${reason}`, {
      ruleId: 'internal-error',
      source: 'bilint',
    })
    message.fatal = true
  }
  const messages = file.messages
  if (messages.length === before) return
  for (let position = before; position < messages.length; position++) run.messages.push(messages[position]!)
  messages.length = before
}

/**
 * Lints a text with the given rules.
 * @param text The text, without BOM.
 * @param rules Enabled rules and their settings.
 * @param options Path, format and language.
 */
export async function lintDocument(text: string, rules: EnabledRules, options: LintDocumentOptions): Promise<LintResult> {
  let index
  try {
    index = await buildDocument(text, {format: options.format, language: options.language})
  } catch (error) {
    // A document the parsers cannot take (nesting deeper than the stack allows)
    // gets one message; the other files go on.
    const reason = error instanceof RangeError ? 'the document nests too deeply to parse' : error instanceof Error ? error.message : String(error)
    return fatalResult(options.filePath, `Cannot parse: ${reason}`)
  }
  const file = new VFile({path: options.filePath, value: text})
  file.data[indexDataKey] = index
  file.data[projectWordsDataKey] = options.projectWords ?? []
  runRules(index, file, rules, options.registry ?? ruleModules)
  const filter = new DirectiveFilter(index.directives)
  const messages = file.messages
    .map(toLintMessage)
    .filter((message) => message.ruleId === 'internal-error' || !filter.isSilenced(message.ruleId ?? '', message.line))
    .sort((a, b) => a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn)
  const result = toResult(options.filePath, messages)
  if (options.keepSource) result.source = text
  return result
}

/** An ESLint-shaped message from a VFileMessage. */
function toLintMessage(message: VFileMessage): LintMessage {
  const place = message.place
  const start = place && 'start' in place ? place.start : place
  const end = place && 'end' in place ? place.end : start
  const severity: Severity = message.fatal ? 2 : 1
  const lintMessage: LintMessage = {
    ruleId: message.ruleId ?? null,
    severity,
    message: message.reason,
    line: start?.line ?? 1,
    column: start?.column ?? 1,
    endLine: end?.line ?? start?.line ?? 1,
    endColumn: end?.column ?? start?.column ?? 1,
  }
  if (message.actual !== undefined && message.actual !== null) lintMessage.actual = message.actual
  if (message.expected) lintMessage.expected = message.expected
  if (message.url) lintMessage.url = message.url
  const applicability = (message as VFileMessage & BilintMessageFields).fixApplicability
  const replacement = message.expected?.[0]
  if (applicability && replacement !== undefined && start?.offset !== undefined && end?.offset !== undefined) {
    const edit = {range: [start.offset, end.offset] as [number, number], text: replacement}
    if (applicability === 'safe') lintMessage.fix = edit
    else lintMessage.suggestions = [{desc: `Replace with \`${replacement}\``, fix: edit}]
  }
  return lintMessage
}

/**
 * A result with its counts.
 * @param filePath The path reported.
 * @param messages The messages, sorted.
 */
export function toResult(filePath: string, messages: LintMessage[]): LintResult {
  let errorCount = 0
  let warningCount = 0
  let fatalErrorCount = 0
  let fixableErrorCount = 0
  let fixableWarningCount = 0
  for (const message of messages) {
    if (message.severity === 2) {
      errorCount++
      if (message.fix) fixableErrorCount++
    } else {
      warningCount++
      if (message.fix) fixableWarningCount++
    }
    if (message.fatal) fatalErrorCount++
  }
  return {filePath, messages, errorCount, warningCount, fatalErrorCount, fixableErrorCount, fixableWarningCount}
}

/**
 * A result for a file that could not be linted: one fatal message.
 * @param filePath The path.
 * @param reason Why, in one line.
 */
export function fatalResult(filePath: string, reason: string): LintResult {
  return toResult(filePath, [
    {ruleId: null, severity: 2, fatal: true, message: reason, line: 1, column: 1, endLine: 1, endColumn: 1},
  ])
}
