/**
 * Highlighting findings inside one line of text. Findings may overlap in any
 * way; HTML elements may only nest. Pieces are therefore opened outermost
 * first (earliest start, then longest), and a piece that outlives an element
 * it sits in is closed with it and reopened right after as a continuation.
 * Every character of the line is written exactly once.
 */

import {escapeHtml} from './html-escape.js'
import type {LinePiece} from './html-ranges.js'

/** How the elements around pieces are written. */
export interface PieceMarkup {
  /**
   * Returns the start tag for `piece`. `primary` is true for the one element
   * per finding that carries its details (its first element on its first line).
   */
  open(piece: LinePiece, primary: boolean): string
  /** Returns the end tag matching {@link open}. */
  close(piece: LinePiece, primary: boolean): string
}

/** An element written and not closed yet. */
interface OpenElement {
  piece: LinePiece
  primary: boolean
}

/** Orders pieces outermost first: earlier start, then later end, then the finding's order. */
function outerFirst(left: LinePiece, right: LinePiece): number {
  return left.start - right.start || right.end - left.end || left.finding - right.finding
}

/** Returns the offsets at which some piece starts or ends, with the line's ends, in order. */
function boundaries(start: number, end: number, pieces: readonly LinePiece[]): number[] {
  const offsets = new Set([start, end])
  for (const piece of pieces) {
    offsets.add(piece.start)
    offsets.add(piece.end)
  }
  return [...offsets].sort((left, right) => left - right)
}

/**
 * Returns the HTML of the text from `start` to `end` (one line, without its
 * break) with `pieces` wrapped in elements written by `markup`. Empty pieces
 * become empty elements at their offset. `primaryWritten` holds the findings
 * whose primary element is already written; it is updated.
 */
export function highlightLine(
  text: string,
  start: number,
  end: number,
  pieces: readonly LinePiece[],
  markup: PieceMarkup,
  primaryWritten: Set<number>,
): string {
  const byStart = pieces.filter((piece) => piece.end > piece.start).sort(outerFirst)
  const empty = pieces.filter((piece) => piece.end === piece.start).sort(outerFirst)
  const active: LinePiece[] = []
  const stack: OpenElement[] = []
  const offsets = boundaries(start, end, pieces)
  let html = ''
  let nextPiece = 0
  let nextEmpty = 0

  const openElement = (piece: LinePiece): void => {
    const primary = piece.first && !primaryWritten.has(piece.finding)
    if (primary) primaryWritten.add(piece.finding)
    html += markup.open(piece, primary)
    stack.push({piece, primary})
  }

  for (const [index, offset] of offsets.entries()) {
    const following = offsets[index + 1]
    // The pieces covering the text from `offset` to the next boundary, outermost first.
    for (let position = active.length - 1; position >= 0; position--) {
      if ((active[position]?.end ?? 0) <= offset) active.splice(position, 1)
    }
    while (nextPiece < byStart.length && byStart[nextPiece]?.start === offset) active.push(byStart[nextPiece++]!)
    const wanted = following === undefined ? [] : [...active].sort(outerFirst)
    let kept = 0
    while (kept < stack.length && kept < wanted.length && stack[kept]?.piece === wanted[kept]) kept++
    while (stack.length > kept) {
      const element = stack.pop()!
      html += markup.close(element.piece, element.primary)
    }
    while (nextEmpty < empty.length && empty[nextEmpty]?.start === offset) {
      openElement(empty[nextEmpty++]!)
      const element = stack.pop()!
      html += markup.close(element.piece, element.primary)
    }
    for (const piece of wanted.slice(kept)) openElement(piece)
    if (following !== undefined) html += escapeHtml(text.slice(offset, following))
  }
  return html
}
