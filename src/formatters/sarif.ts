/**
 * SARIF 2.1.0, the static analysis format read by GitHub code scanning and
 * many editors: one run, its rules, its results and, when the source text is
 * at hand, the safe fixes.
 */

import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {LintMessage, LintResult, RuleMeta} from '../types.js'
import type {FormatContext, Formatter} from './index.js'
import {relativePath} from './paths.js'
import type {
  SarifArtifactLocation,
  SarifFix,
  SarifLocation,
  SarifLog,
  SarifNotification,
  SarifRegion,
  SarifReportingDescriptor,
  SarifResult,
} from './sarif-types.js'
import {severityLabel} from './severity.js'
import {createPositionFinder, type PositionFinder} from './source-positions.js'
import {messageSpan} from './span.js'

/** The name of the base URI that relative artifact URIs resolve against. */
const sourceRootId = '%SRCROOT%'

/** Lone UTF-16 surrogates, which cannot be percent-encoded. */
const loneSurrogates = /[\uD800-\uDFFF]/gu

/** Returns the file URL of the directory `directory`, ending with a slash as a base URI must. */
function directoryUrl(directory: string): string {
  const url = pathToFileURL(directory).href
  return url.endsWith('/') ? url : `${url}/`
}

/** Percent-encodes each segment of a relative path with forward slashes, making a URI reference. */
function toUriReference(relative: string): string {
  return relative
    .split('/')
    .map((segment) => encodeURIComponent(segment.replace(loneSurrogates, '\uFFFD')))
    .join('/')
}

/**
 * Returns where the file `filePath` is: relative to the source root when it
 * can be, as a file URL otherwise (a file on another Windows drive).
 */
function artifactLocationOf(filePath: string, cwd: string): SarifArtifactLocation {
  const relative = relativePath(filePath, cwd)
  if (path.isAbsolute(relative)) return {uri: pathToFileURL(filePath).href}
  return {uri: toUriReference(relative), uriBaseId: sourceRootId}
}

/** Returns the region of `message`, made valid for SARIF. */
function regionOf(message: LintMessage): SarifRegion {
  const span = messageSpan(message)
  return {startLine: span.line, startColumn: span.column, endLine: span.endLine, endColumn: span.endColumn}
}

/** Returns the location of `message` in the file at `artifactLocation`. */
function locationOf(message: LintMessage, artifactLocation: SarifArtifactLocation): SarifLocation {
  return {physicalLocation: {artifactLocation, region: regionOf(message)}}
}

/**
 * Returns the safe fix of `message` as a SARIF fix, or `undefined` when there
 * is none or its offsets do not fall inside the source text.
 */
function fixOf(
  message: LintMessage,
  artifactLocation: SarifArtifactLocation,
  findPosition: PositionFinder,
): SarifFix | undefined {
  if (message.fix === undefined) return undefined
  const start = findPosition(message.fix.range[0])
  const end = findPosition(message.fix.range[1])
  if (start === undefined || end === undefined || message.fix.range[0] > message.fix.range[1]) return undefined
  const deletedRegion: SarifRegion = {
    startLine: start.line,
    startColumn: start.column,
    endLine: end.line,
    endColumn: end.column,
  }
  const replacement = message.fix.text === '' ? {deletedRegion} : {deletedRegion, insertedContent: {text: message.fix.text}}
  return {artifactChanges: [{artifactLocation, replacements: [replacement]}]}
}

/** Returns `ruleId` in Pascal case (`no-mixed-width` → `NoMixedWidth`), as SARIF's rule names are written. */
function pascalCase(ruleId: string): string {
  const words = ruleId.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '')
  if (words.length === 0) return ruleId
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('')
}

/** Returns the SARIF description of the rule `meta`, with a friendly name when one differs from the id. */
function toReportingDescriptor(meta: RuleMeta): SarifReportingDescriptor {
  const name = pascalCase(meta.id)
  return {
    id: meta.id,
    // SARIF wants a name that differs from the id, or none (`spelling` would only be capitalized).
    ...(name.toLowerCase() === meta.id.toLowerCase() ? {} : {name}),
    shortDescription: {text: meta.description},
    ...(meta.url === '' ? {} : {helpUri: meta.url}),
    defaultConfiguration: {level: meta.defaultSeverity === 'error' ? 'error' : 'warning'},
    properties: {tags: [meta.type, ...meta.languages]},
  }
}

/** The SARIF pieces produced for one lint result. */
interface ConvertedResult {
  results: SarifResult[]
  notifications: SarifNotification[]
}

/** Builds the SARIF rules list and results from lint results. */
class SarifRunBuilder {
  /** The rules list of the driver. */
  readonly rules: SarifReportingDescriptor[] = []
  /** Index in `rules` of each rule id listed. */
  private readonly ruleIndexes = new Map<string, number>()

  constructor(private readonly context: FormatContext) {}

  /** Returns the index of `ruleId` in the rules list, adding the rule on first use; `undefined` for an unknown rule. */
  private ruleIndexOf(ruleId: string): number | undefined {
    const listed = this.ruleIndexes.get(ruleId)
    if (listed !== undefined) return listed
    if (!Object.hasOwn(this.context.rulesMeta, ruleId)) return undefined
    const meta = this.context.rulesMeta[ruleId]
    if (meta === undefined) return undefined
    const index = this.rules.push(toReportingDescriptor({...meta, id: ruleId})) - 1
    this.ruleIndexes.set(ruleId, index)
    return index
  }

  /** Converts the messages of one lint result: fatal ones to notifications, the others to results. */
  convert(lintResult: LintResult): ConvertedResult {
    const artifactLocation = artifactLocationOf(lintResult.filePath, this.context.cwd)
    const findPosition =
      lintResult.source === undefined ? undefined : createPositionFinder(lintResult.source.replace(/^\uFEFF/, ''))
    const converted: ConvertedResult = {results: [], notifications: []}
    for (const message of lintResult.messages) {
      if (message.ruleId === null) {
        converted.notifications.push({
          level: 'error',
          message: {text: message.message},
          locations: [locationOf(message, artifactLocation)],
        })
        continue
      }
      const ruleIndex = this.ruleIndexOf(message.ruleId)
      const fix = findPosition === undefined ? undefined : fixOf(message, artifactLocation, findPosition)
      converted.results.push({
        ruleId: message.ruleId,
        ...(ruleIndex === undefined ? {} : {ruleIndex}),
        level: severityLabel(message.severity),
        message: {text: message.message},
        locations: [locationOf(message, artifactLocation)],
        ...(fix === undefined ? {} : {fixes: [fix]}),
      })
    }
    return converted
  }
}

/**
 * Formats results as a SARIF 2.1.0 log. Files are named relative to
 * `%SRCROOT%`, the working directory; messages without a rule (files that
 * could not be linted) become tool execution notifications. Fixes are written
 * only for results that carry their `source`, the text the fix offsets refer to.
 */
const formatSarif: Formatter = (lintResults, context) => {
  const builder = new SarifRunBuilder(context)
  const results: SarifResult[] = []
  const notifications: SarifNotification[] = []
  for (const lintResult of lintResults) {
    const converted = builder.convert(lintResult)
    // One push per item: spreading a file's 200,000 results into one call overflows the stack.
    for (const result of converted.results) results.push(result)
    for (const notification of converted.notifications) notifications.push(notification)
  }
  const log: SarifLog = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'bilint',
            version: context.version,
            informationUri: 'https://github.com/bilint/bilint',
            rules: builder.rules,
          },
        },
        invocations: [
          notifications.length === 0
            ? {executionSuccessful: true}
            : {executionSuccessful: false, toolExecutionNotifications: notifications},
        ],
        originalUriBaseIds: {[sourceRootId]: {uri: directoryUrl(context.cwd)}},
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  }
  return `${JSON.stringify(log, null, 2)}\n`
}

export default formatSarif
