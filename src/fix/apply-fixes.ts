/**
 * Applies text edits from lint messages to a text, ESLint-style: edits are
 * sorted, an edit that overlaps one already taken waits for the next pass.
 */
import type {LintMessage, TextEdit} from '../types.js'

/** What one pass of fixing did. */
export interface FixPass {
  /** The text after the edits. */
  text: string
  /** How many edits were applied. */
  applied: number
  /** How many were left because they overlapped an applied one. */
  deferred: number
}

/**
 * The edits a set of messages offers.
 * @param messages Lint messages.
 * @param includeUnsafe Also take the first suggestion of messages without a safe fix.
 */
export function editsOf(messages: readonly LintMessage[], includeUnsafe = false): TextEdit[] {
  const edits: TextEdit[] = []
  for (const message of messages) {
    if (message.fix) edits.push(message.fix)
    else if (includeUnsafe && message.suggestions?.[0]) edits.push(message.suggestions[0].fix)
  }
  return edits
}

/**
 * Applies non-overlapping edits in one pass; the first of two overlapping edits wins.
 * @param text The text (without BOM).
 * @param edits The edits, in any order.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): FixPass {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])
  let output = ''
  let cursor = 0
  let applied = 0
  let deferred = 0
  for (const edit of sorted) {
    const [start, end] = edit.range
    if (start < cursor || end < start || end > text.length) {
      deferred++
      continue
    }
    output += text.slice(cursor, start) + edit.text
    cursor = end
    applied++
  }
  output += text.slice(cursor)
  return {text: output, applied, deferred}
}
