/**
 * The fix of a finding as the HTML report shows it: the text before and
 * after, and whether `--fix` applies it (safe), only `--fix-unsafe` does
 * (unsafe), or a person has to (no automatic fix).
 */

import type {LintMessage, TextEdit} from '../types.js'
import {escapeHtml} from './html-escape.js'

/** Who applies a fix. */
export type FixKind = 'safe' | 'unsafe' | 'manual'

/** A fix reduced to what a reader needs. */
export interface FixPreview {
  /** Who applies it. */
  kind: FixKind
  /** The text as it is; `undefined` when neither the message nor the source tells. */
  before: string | undefined
  /** The text as the fix leaves it. */
  after: string
  /** Further candidates a person may prefer. */
  alternatives: string[]
}

/** The label of each kind of fix. */
const fixKindLabels: Readonly<Record<FixKind, string>> = {
  safe: 'safe fix (--fix)',
  unsafe: 'unsafe fix (--fix-unsafe)',
  manual: 'suggestion (no automatic fix)',
}

/** Returns the text `edit` replaces, or `undefined` when the range is not inside `source`. */
function replacedText(edit: TextEdit, source: string | undefined): string | undefined {
  const [start, end] = edit.range
  if (start === end) return ''
  if (source === undefined || !(start >= 0 && start <= end && end <= source.length)) return undefined
  return source.slice(start, end)
}

/**
 * Returns the fix of `message`: `actual` → `expected[0]` when the message
 * gives them, otherwise what its safe fix (or its first suggestion) does to
 * `source`. `undefined` when the message proposes nothing.
 */
export function fixPreview(message: LintMessage, source: string | undefined): FixPreview | undefined {
  const edit = message.fix ?? message.suggestions?.[0]?.fix
  const kind: FixKind = message.fix !== undefined ? 'safe' : edit !== undefined ? 'unsafe' : 'manual'
  const expected = message.expected ?? []
  const after = expected[0] ?? edit?.text
  if (after === undefined) return undefined
  const before = message.actual ?? (edit === undefined ? undefined : replacedText(edit, source))
  return {kind, before, after, alternatives: expected.slice(1)}
}

/**
 * Returns `text` escaped, with runs of whitespace wrapped so that CSS can
 * make them visible, and an empty text shown as a labelled placeholder.
 */
function visibleText(text: string): string {
  if (text === '') return '<span class="nothing">nothing</span>'
  return text
    .split(/(\s+)/u)
    .map((part, index) => (index % 2 === 1 ? `<span class="ws">${escapeHtml(part)}</span>` : escapeHtml(part)))
    .join('')
}

/** Returns the HTML of `preview`: a labelled before → after line. */
export function fixPreviewHtml(preview: FixPreview): string {
  const before = preview.before === undefined ? '' : `<del>${visibleText(preview.before)}</del> <span class="arrow" aria-label="becomes">→</span> `
  const alternatives =
    preview.alternatives.length === 0
      ? ''
      : ` <span class="alternatives">or ${preview.alternatives.map((text) => `<ins>${visibleText(text)}</ins>`).join(', ')}</span>`
  return (
    `<div class="fix fix-${preview.kind}"><span class="fix-kind">${escapeHtml(fixKindLabels[preview.kind])}</span> ` +
    `${before}<ins>${visibleText(preview.after)}</ins>${alternatives}</div>`
  )
}
