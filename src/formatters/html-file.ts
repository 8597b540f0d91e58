/**
 * One file's section of the HTML report: its text, numbered line by line,
 * with every finding highlighted where it is, then the table of its findings.
 * A file whose text is not at hand (it could not be read) gets a plain list.
 */

import type {LintMessage, LintResult} from '../types.js'
import {escapeHtml} from './html-escape.js'
import {fixPreview, fixPreviewHtml} from './html-fix.js'
import {highlightLine, type PieceMarkup} from './html-highlight.js'
import {linePieces, messageRange, sourceLines, type LinePiece} from './html-ranges.js'
import {countFindings, pluralize, ruleLabel} from './html-summary.js'
import {severityLabel} from './severity.js'

/** The element ids of one finding. */
interface FindingIds {
  /** The highlight. */
  mark: string
  /** The row of the findings table. */
  row: string
  /** The message text in that row. */
  message: string
}

/** Returns the ids of finding `index` of the file numbered `fileNumber`. */
function findingIds(fileNumber: number, index: number): FindingIds {
  const suffix = `${fileNumber}-${index + 1}`
  return {mark: `m${suffix}`, row: `r${suffix}`, message: `t${suffix}`}
}

/** Returns the text of the native tooltip of `message`. */
function titleOf(message: LintMessage): string {
  return `${severityLabel(message.severity)}: ${message.message} (${ruleLabel(message.ruleId)})`
}

/** Returns the markup of the highlights of one file's findings. */
function findingMarkup(messages: readonly LintMessage[], fileNumber: number): PieceMarkup {
  return {
    open(piece: LinePiece, primary: boolean): string {
      // Pieces are made from `messages`, so the finding is always there.
      const message = messages[piece.finding]!
      const ids = findingIds(fileNumber, piece.finding)
      const severity = severityLabel(message.severity)
      const common = `class="${primary ? 'm' : 'mc'} sev-${severity}" data-rule="${escapeHtml(ruleLabel(message.ruleId))}" title="${escapeHtml(titleOf(message))}"`
      if (!primary) return `<span ${common} data-of="${ids.mark}">`
      return (
        `<mark id="${ids.mark}" ${common} tabindex="0" data-severity="${severity}" ` +
        `data-line="${escapeHtml(message.line)}" data-column="${escapeHtml(message.column)}" ` +
        `data-end-line="${escapeHtml(message.endLine)}" data-end-column="${escapeHtml(message.endColumn)}" ` +
        `data-detail="${ids.row}" aria-describedby="${ids.message}">`
      )
    },
    close(_piece: LinePiece, primary: boolean): string {
      return primary ? '</mark>' : '</span>'
    },
  }
}

/** Returns the numbered lines of `text` with the findings of `messages` highlighted. */
function highlightedText(text: string, messages: readonly LintMessage[], fileNumber: number): string {
  const lines = sourceLines(text)
  const piecesByLine = new Map<number, LinePiece[]>()
  messages.forEach((message, index) => {
    for (const [lineIndex, piece] of linePieces(index, messageRange(message, text, lines), lines)) {
      const pieces = piecesByLine.get(lineIndex) ?? []
      pieces.push(piece)
      piecesByLine.set(lineIndex, pieces)
    }
  })
  const markup = findingMarkup(messages, fileNumber)
  const primaryWritten = new Set<number>()
  const html = lines.map((line, lineIndex) => {
    const pieces = piecesByLine.get(lineIndex) ?? []
    const content = highlightLine(text, line.start, line.end, pieces, markup, primaryWritten)
    return (
      `<div class="line${pieces.length > 0 ? ' hit' : ''}" id="f${fileNumber}-l${line.number}">` +
      `<span class="ln" data-n="${line.number}" aria-hidden="true"></span><span class="lt">${content}</span></div>`
    )
  })
  return `<div class="source">\n${html.join('\n')}\n</div>\n`
}

/** Returns the detail of `message`: its text and its fix. */
function detailHtml(message: LintMessage, source: string | undefined, messageId: string | undefined): string {
  const id = messageId === undefined ? '' : ` id="${messageId}"`
  const preview = fixPreview(message, source)
  return `<div class="message"${id}>${escapeHtml(message.message)}</div>${preview === undefined ? '' : fixPreviewHtml(preview)}`
}

/** Returns the position of `message` as `line:column`. */
function positionOf(message: LintMessage): string {
  return `${escapeHtml(message.line)}:${escapeHtml(message.column)}`
}

/** Returns the severity badge of `message`. */
function badgeHtml(message: LintMessage): string {
  const severity = severityLabel(message.severity)
  return `<span class="badge sev-${severity}">${severity}</span>`
}

/** Returns the table of a file's findings, each row linked to its highlight. */
function findingsTableHtml(messages: readonly LintMessage[], source: string, fileNumber: number): string {
  const rows = messages.map((message, index) => {
    const ids = findingIds(fileNumber, index)
    return (
      `<tr class="finding sev-${severityLabel(message.severity)}" id="${ids.row}" data-rule="${escapeHtml(ruleLabel(message.ruleId))}">` +
      `<td class="position"><a class="to-mark" href="#${ids.mark}">${positionOf(message)}</a></td>` +
      `<td>${badgeHtml(message)}</td><td><code>${escapeHtml(ruleLabel(message.ruleId))}</code></td>` +
      `<td class="detail">${detailHtml(message, source, ids.message)}</td></tr>`
    )
  })
  return (
    '<table class="findings">\n<caption>Findings</caption>\n' +
    '<thead><tr><th scope="col">Line:Col</th><th scope="col">Severity</th><th scope="col">Rule</th><th scope="col">Message and fix</th></tr></thead>\n' +
    `<tbody>\n${rows.join('\n')}\n</tbody>\n</table>\n`
  )
}

/** Returns the plain list of the findings of a file whose text is not at hand. */
function messageListHtml(messages: readonly LintMessage[]): string {
  const items = messages.map(
    (message) =>
      `<li><span class="position">${positionOf(message)}</span> ${badgeHtml(message)} <code>${escapeHtml(ruleLabel(message.ruleId))}</code>` +
      `${detailHtml(message, undefined, undefined)}</li>`,
  )
  return (
    '<p class="not-available">The text of this file is not available, so its findings are listed without it.</p>\n' +
    `<ul class="message-list">\n${items.join('\n')}\n</ul>\n`
  )
}

/**
 * Returns the section of `result`, the file numbered `fileNumber` (1-based),
 * shown as `name`, whose id is `anchor`.
 */
export function fileSectionHtml(result: LintResult, fileNumber: number, name: string, anchor: string): string {
  const counts = countFindings(result.messages)
  const heading =
    `<h2>${escapeHtml(name)}<span class="counts">${pluralize(counts.errors, 'error')}, ` +
    `${pluralize(counts.warnings, 'warning')}</span></h2>\n`
  const source = result.source?.replace(/^\uFEFF/, '')
  const body =
    source === undefined
      ? messageListHtml(result.messages)
      : highlightedText(source, result.messages, fileNumber) + findingsTableHtml(result.messages, source, fileNumber)
  return `<section class="file" id="${anchor}" aria-label="${escapeHtml(name)}">\n${heading}${body}</section>\n`
}
