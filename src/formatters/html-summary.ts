/**
 * The summary at the top of the HTML report: totals, a table of findings per
 * rule with a bar chart, and a table of files.
 */

import type {LintMessage, LintResult, RuleMeta} from '../types.js'
import {escapeHtml} from './html-escape.js'

/** Findings counted by severity. */
export interface FindingCounts {
  /** Messages of severity 2. */
  errors: number
  /** Messages of severity 1. */
  warnings: number
  /** Messages with a safe fix. */
  fixable: number
}

/** The counts of one rule. */
export interface RuleCounts extends FindingCounts {
  /** The rule id; `null` for messages about files that could not be linted. */
  ruleId: string | null
}

/** One file of the report, as the summary lists it. */
export interface FileEntry {
  /** The path as printed. */
  name: string
  /** Anchor of the file's section, or `undefined` when it has none (no findings). */
  anchor: string | undefined
  /** The file's messages. */
  messages: readonly LintMessage[]
}

/** Returns the counts of `messages`. */
export function countFindings(messages: readonly LintMessage[]): FindingCounts {
  const counts: FindingCounts = {errors: 0, warnings: 0, fixable: 0}
  for (const message of messages) {
    if (message.severity === 2) counts.errors += 1
    else counts.warnings += 1
    if (message.fix !== undefined) counts.fixable += 1
  }
  return counts
}

/** Compares two texts by UTF-16 code units, the same way on every machine. */
function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0
}

/** Returns the counts per rule, most findings first, then by rule id; messages without a rule last. */
export function countByRule(results: readonly LintResult[]): RuleCounts[] {
  const byRule = new Map<string | null, LintMessage[]>()
  for (const result of results) {
    for (const message of result.messages) {
      const messages = byRule.get(message.ruleId) ?? []
      messages.push(message)
      byRule.set(message.ruleId, messages)
    }
  }
  const rows = [...byRule].map(([ruleId, messages]): RuleCounts => ({ruleId, ...countFindings(messages)}))
  const total = (row: RuleCounts): number => row.errors + row.warnings
  return rows.sort(
    (left, right) =>
      Number(left.ruleId === null) - Number(right.ruleId === null) ||
      total(right) - total(left) ||
      compareText(left.ruleId ?? '', right.ruleId ?? ''),
  )
}

/** Returns `count` followed by `noun`, with an `s` unless the count is one. */
export function pluralize(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/** Returns the name a rule is shown under. */
export function ruleLabel(ruleId: string | null): string {
  return ruleId ?? '(file not linted)'
}

/** Returns a percentage of `part` in `whole` for a CSS width, with at most two decimals. */
function percent(part: number, whole: number): string {
  return `${Math.round((part / whole) * 10000) / 100}%`
}

/** Returns the CSS bar of one rule, its length relative to the rule with the most findings. */
function barHtml(row: FindingCounts, most: number): string {
  const label = `${pluralize(row.errors, 'error')}, ${pluralize(row.warnings, 'warning')}`
  const parts = [
    row.errors > 0 ? `<span class="bar-error" style="width:${percent(row.errors, most)}"></span>` : '',
    row.warnings > 0 ? `<span class="bar-warning" style="width:${percent(row.warnings, most)}"></span>` : '',
  ]
  return `<span class="bar" role="img" aria-label="${escapeHtml(label)}">${parts.join('')}</span>`
}

/** Returns the metadata of `ruleId`, if the run knows the rule. */
function metaOf(ruleId: string | null, rulesMeta: Record<string, RuleMeta>): RuleMeta | undefined {
  return ruleId !== null && Object.hasOwn(rulesMeta, ruleId) ? rulesMeta[ruleId] : undefined
}

/** Returns the description of a rule. */
function ruleDescription(ruleId: string | null, rulesMeta: Record<string, RuleMeta>): string {
  if (ruleId === null) return 'Files that could not be read or decoded.'
  return metaOf(ruleId, rulesMeta)?.description ?? ''
}

/** Returns the rule's name; its documentation address is its tooltip, as plain text (the report links nowhere outside itself). */
function ruleNameHtml(ruleId: string | null, rulesMeta: Record<string, RuleMeta>): string {
  const url = metaOf(ruleId, rulesMeta)?.url ?? ''
  const title = url === '' ? '' : ` title="Documentation: ${escapeHtml(url)}"`
  return `<code${title}>${escapeHtml(ruleLabel(ruleId))}</code>`
}

/** Returns the table of findings per rule, each row with its bar and a switch that hides the rule's highlights. */
export function ruleTableHtml(rows: readonly RuleCounts[], rulesMeta: Record<string, RuleMeta>): string {
  if (rows.length === 0) return ''
  const most = Math.max(1, ...rows.map((row) => row.errors + row.warnings))
  const body = rows
    .map((row) => {
      const rule = escapeHtml(ruleLabel(row.ruleId))
      return (
        `<tr data-rule="${rule}">` +
        `<th scope="row"><label><input type="checkbox" class="rule-toggle" checked hidden data-rule="${rule}"> ${ruleNameHtml(row.ruleId, rulesMeta)}</label></th>` +
        `<td class="description">${escapeHtml(ruleDescription(row.ruleId, rulesMeta))}</td>` +
        `<td class="number">${row.errors}</td><td class="number">${row.warnings}</td>` +
        `<td class="number">${row.fixable}</td><td class="number total">${row.errors + row.warnings}</td>` +
        `<td class="chart">${barHtml(row, most)}</td></tr>`
      )
    })
    .join('\n')
  return (
    '<table class="rules">\n<caption>Findings per rule</caption>\n' +
    '<thead><tr><th scope="col">Rule</th><th scope="col">Description</th><th scope="col">Errors</th>' +
    '<th scope="col">Warnings</th><th scope="col">Safe fixes</th><th scope="col">Total</th><th scope="col" class="chart">Chart</th></tr></thead>\n' +
    `<tbody>\n${body}\n</tbody>\n</table>\n`
  )
}

/** Returns the table of files with their counts, each linked to its section when it has one. */
export function fileTableHtml(files: readonly FileEntry[]): string {
  if (files.length === 0) return '<p class="empty">No files were linted.</p>\n'
  const body = files
    .map((file) => {
      const counts = countFindings(file.messages)
      const name = escapeHtml(file.name)
      const link = file.anchor === undefined ? name : `<a href="#${escapeHtml(file.anchor)}">${name}</a>`
      return (
        `<tr${file.messages.length === 0 ? ' class="clean"' : ''}><th scope="row">${link}</th>` +
        `<td class="number">${counts.errors}</td><td class="number">${counts.warnings}</td>` +
        `<td class="number">${counts.fixable}</td><td class="number total">${counts.errors + counts.warnings}</td></tr>`
      )
    })
    .join('\n')
  return (
    '<table class="files">\n<caption>Findings per file</caption>\n' +
    '<thead><tr><th scope="col">File</th><th scope="col">Errors</th><th scope="col">Warnings</th>' +
    '<th scope="col">Safe fixes</th><th scope="col">Total</th></tr></thead>\n' +
    `<tbody>\n${body}\n</tbody>\n</table>\n`
  )
}
