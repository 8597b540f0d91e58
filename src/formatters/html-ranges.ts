/**
 * Where findings fall in a file's text, for the HTML report: the lines of the
 * text, the UTF-16 range of each message, and that range cut into one piece
 * per line it covers.
 */

import type {LintMessage} from '../types.js'
import {messageSpan} from './span.js'

/** One line of a text, by UTF-16 offsets. */
export interface SourceLine {
  /** 1-based line number. */
  number: number
  /** Offset of the first character. */
  start: number
  /** Offset just past the last character, before the line break. */
  end: number
}

/** A stretch of one line covered by one finding. */
export interface LinePiece {
  /** Index of the finding in its file's messages. */
  finding: number
  /** Start offset in the whole text. */
  start: number
  /** End offset (exclusive) in the whole text; equal to `start` for an empty piece. */
  end: number
  /** Whether this piece is where the finding starts (the one that carries its `<mark>`). */
  first: boolean
}

/** Returns the lines of `text`, which end at CRLF, LF or a lone CR, as the engine counts them. */
export function sourceLines(text: string): SourceLine[] {
  const lines: SourceLine[] = []
  let start = 0
  for (const match of text.matchAll(/\r\n|\r|\n/g)) {
    const end = match.index
    lines.push({number: lines.length + 1, start, end})
    start = end + match[0].length
  }
  lines.push({number: lines.length + 1, start, end: text.length})
  return lines
}

/** Whether `offset` falls between the two halves of a surrogate pair in `text`. */
function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false
  const before = text.charCodeAt(offset - 1)
  const after = text.charCodeAt(offset)
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff
}

/**
 * Returns the offset of a 1-based line and column, the column clamped to the
 * line's text (a column past the end stays at the end, not in the next line);
 * a line past the last one is the end of the text.
 */
function offsetOf(lines: readonly SourceLine[], line: number, column: number): number {
  const sourceLine = lines[line - 1]
  if (sourceLine === undefined) return lines.at(-1)?.end ?? 0
  return Math.min(sourceLine.start + column - 1, sourceLine.end)
}

/**
 * Returns the start and end offsets of `message` in the text split into
 * `lines`. Impossible positions are made valid first (see {@link messageSpan});
 * a range that would cut a surrogate pair in half is widened to the whole
 * character, so the highlight never breaks an astral character.
 */
export function messageRange(message: LintMessage, text: string, lines: readonly SourceLine[]): [number, number] {
  const span = messageSpan(message)
  let start = offsetOf(lines, span.line, span.column)
  let end = Math.max(start, offsetOf(lines, span.endLine, span.endColumn))
  if (splitsSurrogatePair(text, start)) start -= 1
  if (splitsSurrogatePair(text, end)) end += 1
  return [start, end]
}

/** Returns the index of the line that contains `offset` (a line's end counts as in it). */
function lineIndexOf(lines: readonly SourceLine[], offset: number): number {
  let low = 0
  let high = lines.length - 1
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    if ((lines[middle]?.start ?? 0) <= offset) low = middle
    else high = middle - 1
  }
  return low
}

/**
 * Cuts the range `[start, end)` of the finding `finding` into pieces, one per
 * line, each keyed by its line index. Lines the range only crosses without
 * covering any of their text get no piece, except the first line, which
 * always gets one (possibly empty) so that every finding has a place.
 */
export function linePieces(
  finding: number,
  [start, end]: [number, number],
  lines: readonly SourceLine[],
): Array<[lineIndex: number, piece: LinePiece]> {
  const firstLine = lineIndexOf(lines, start)
  const lastLine = lineIndexOf(lines, end)
  const pieces: Array<[number, LinePiece]> = []
  for (let index = firstLine; index <= lastLine; index++) {
    const line = lines[index]
    if (line === undefined) continue
    const pieceStart = Math.min(Math.max(start, line.start), line.end)
    const pieceEnd = Math.max(pieceStart, Math.min(end, line.end))
    const first = index === firstLine
    if (first || pieceEnd > pieceStart) pieces.push([index, {finding, start: pieceStart, end: pieceEnd, first}])
  }
  return pieces
}
