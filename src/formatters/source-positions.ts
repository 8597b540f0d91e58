/** Converting UTF-16 offsets in a text into line and column numbers. */

/** A 1-based line and a 1-based column in UTF-16 code units. */
export interface LineAndColumn {
  /** 1-based line. */
  line: number
  /** 1-based column, in UTF-16 code units. */
  column: number
}

/** Finds the line and column of an offset, or `undefined` for an offset outside the text. */
export type PositionFinder = (offset: number) => LineAndColumn | undefined

/** Returns the offsets at which the lines of `text` start; lines end at CRLF, LF or CR. */
function lineStartOffsets(text: string): number[] {
  const starts = [0]
  const lineBreak = /\r\n|\r|\n/g
  for (const match of text.matchAll(lineBreak)) starts.push((match.index ?? 0) + match[0].length)
  return starts
}

/** Returns a function that finds line and column numbers of offsets into `text`. */
export function createPositionFinder(text: string): PositionFinder {
  const starts = lineStartOffsets(text)
  return (offset) => {
    if (!Number.isInteger(offset) || offset < 0 || offset > text.length) return undefined
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = Math.ceil((low + high) / 2)
      if ((starts[middle] ?? 0) <= offset) low = middle
      else high = middle - 1
    }
    return {line: low + 1, column: offset - (starts[low] ?? 0) + 1}
  }
}
