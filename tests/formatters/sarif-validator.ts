/**
 * Runs the official SARIF validator (`sarif-multitool validate`, a
 * devDependency) on a log and returns the errors it reports, readable.
 */

import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** The validator's command, as npm installs it. */
const multitoolPath = fileURLToPath(new URL('../../node_modules/.bin/sarif-multitool', import.meta.url))

/** The part of the validator's own SARIF output that the checks read. */
interface ValidationLog {
  runs: Array<{
    tool: {driver: {rules?: Array<{id: string; messageStrings?: Record<string, {text: string}>}>}}
    results?: Array<{
      ruleId?: string
      ruleIndex?: number
      level?: string
      message: {text?: string; id?: string; arguments?: string[]}
      locations?: Array<{physicalLocation?: {region?: {startLine?: number; startColumn?: number}}}>
    }>
  }>
}

/** Returns the text of a validator message, filling its template from the rule's message strings. */
function messageText(log: ValidationLog, result: NonNullable<ValidationLog['runs'][number]['results']>[number]): string {
  if (result.message.text !== undefined) return result.message.text
  const rule = log.runs[0]?.tool.driver.rules?.[result.ruleIndex ?? -1]
  const template = rule?.messageStrings?.[result.message.id ?? '']?.text ?? result.message.id ?? ''
  return template.replace(/\{(\d+)\}/g, (_placeholder, index: string) => result.message.arguments?.[Number(index)] ?? '')
}

/**
 * Validates the SARIF text `sarifText` and returns the validator's
 * error-level findings, one readable line each (an empty array when valid).
 * Throws when the validator does not run.
 */
export function sarifValidationErrors(sarifText: string): string[] {
  const directory = mkdtempSync(path.join(tmpdir(), 'bilint-sarif-'))
  try {
    // The validator's launcher runs through a shell, so the files get plain relative names.
    writeFileSync(path.join(directory, 'log.sarif'), sarifText)
    const run = spawnSync(
      multitoolPath,
      ['validate', 'log.sarif', '--output', 'validation.sarif', '--log', 'ForceOverwrite'],
      {cwd: directory, encoding: 'utf8', timeout: 55_000},
    )
    if (run.error !== undefined || run.status !== 0) {
      throw new Error(`sarif-multitool failed (${run.error?.message ?? `status ${run.status}`}):\n${run.stdout}\n${run.stderr}`)
    }
    const log = JSON.parse(readFileSync(path.join(directory, 'validation.sarif'), 'utf8')) as ValidationLog
    const results = log.runs.flatMap((validationRun) => validationRun.results ?? [])
    return results
      .filter((result) => result.level === 'error')
      .map((result) => {
        const region = result.locations?.[0]?.physicalLocation?.region
        return `${result.ruleId ?? '?'} at ${region?.startLine ?? '?'}:${region?.startColumn ?? '?'}: ${messageText(log, result)}`
      })
  } finally {
    rmSync(directory, {recursive: true, force: true})
  }
}
