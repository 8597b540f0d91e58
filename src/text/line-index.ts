/**
 * Maps UTF-16 offsets to 1-based line and column numbers.
 *
 * A line ends at `\n`, `\r\n` or a lone `\r`; columns count UTF-16 code units,
 * the unit of SARIF (`utf16CodeUnits`) and of the Language Server Protocol.
 */

/** A point in a file, as unist defines it. */
export interface SourcePoint {
  /** 1-based line. */
  line: number
  /** 1-based column in UTF-16 code units. */
  column: number
  /** 0-based offset in UTF-16 code units. */
  offset: number
}

/** Offsets of line starts in one text, with a fast lookup for monotonic queries. */
export class LineIndex {
  /** Offset at which each line starts; `lineStarts[0]` is 0. */
  readonly lineStarts: number[]
  /** The line found by the previous lookup: queries in document order are O(1). */
  private lastLine = 0

  /**
   * @param text The whole text (without BOM).
   */
  constructor(readonly text: string) {
    const lineStarts = [0]
    const length = text.length
    if (!text.includes('\r')) {
      // Only `\n` ends lines: `indexOf` scans far faster than a loop over every character.
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', end + 1)) lineStarts.push(end + 1)
      this.lineStarts = lineStarts
      return
    }
    for (let index = 0; index < length; index++) {
      const code = text.charCodeAt(index)
      if (code === 10) {
        lineStarts.push(index + 1)
      } else if (code === 13) {
        if (text.charCodeAt(index + 1) === 10) index++
        lineStarts.push(index + 1)
      }
    }
    this.lineStarts = lineStarts
  }

  /** Number of lines. */
  get lineCount(): number {
    return this.lineStarts.length
  }

  /**
   * 0-based line number that contains `offset`.
   * @param offset UTF-16 offset, clamped to the text.
   */
  lineOf(offset: number): number {
    const starts = this.lineStarts
    let line = this.lastLine
    // Most lookups move forward a little from the last one.
    if (starts[line]! <= offset) {
      const next = starts[line + 1]
      if (next === undefined || offset < next) return line
      if (starts[line + 2] === undefined || offset < starts[line + 2]!) {
        this.lastLine = line + 1
        return line + 1
      }
    }
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (starts[middle]! <= offset) low = middle
      else high = middle - 1
    }
    line = low
    this.lastLine = line
    return line
  }

  /**
   * The unist point of an offset.
   * @param offset UTF-16 offset.
   */
  point(offset: number): SourcePoint {
    const line = this.lineOf(offset)
    return {line: line + 1, column: offset - this.lineStarts[line]! + 1, offset}
  }

  /**
   * The offset of a 1-based line and column (inverse of {@link point}).
   * @param line 1-based line.
   * @param column 1-based column.
   */
  offset(line: number, column: number): number {
    const start = this.lineStarts[line - 1]
    if (start === undefined) return this.text.length
    return start + column - 1
  }
}
