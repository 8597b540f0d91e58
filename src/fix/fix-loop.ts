/**
 * Repeats lint-and-fix passes until nothing changes (at most ten), as
 * ESLint does: overlapping fixes wait for the next pass.
 */
import type {LintResult, TextEdit} from '../types.js'
import {applyEdits, editsOf} from './apply-fixes.js'

/** Most passes over one text. */
export const maxFixPasses = 10

/** Which fixes to apply. */
export type FixLevel = 'safe' | 'unsafe'

/** The outcome of fixing one text. */
export interface FixOutcome {
  /** The fixed text (the input when nothing applied). */
  output: string
  /** The lint result of `output`: what remains. */
  result: LintResult
  /** Edits applied over all passes. */
  applied: number
}

/**
 * Fixes a text.
 * @param text The text (without BOM).
 * @param lint Lints a text.
 * @param level `safe` fixes only, or `unsafe` ones too.
 */
export async function fixText(text: string, lint: (text: string) => Promise<LintResult>, level: FixLevel): Promise<FixOutcome> {
  let output = text
  let result = await lint(output)
  let applied = 0
  for (let pass = 0; pass < maxFixPasses; pass++) {
    const edits = editsOf(result.messages, level === 'unsafe').filter((edit) => keepsLineEndings(output, edit))
    if (edits.length === 0) break
    const next = applyEdits(output, edits)
    if (next.applied === 0 || next.text === output) break
    applied += next.applied
    output = next.text
    result = await lint(output)
  }
  return {output, result, applied}
}

/** An edit may not add or remove line breaks: each line keeps its ending. */
function keepsLineEndings(text: string, edit: TextEdit): boolean {
  const replaced = text.slice(edit.range[0], edit.range[1])
  return !/[\r\n]/.test(replaced) && !/[\r\n]/.test(edit.text)
}
