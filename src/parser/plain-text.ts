/**
 * Reads plain text into blocks.
 *
 * Paragraphs are separated by blank lines. A file with no blank line whose
 * lines are long (not hard-wrapped: some line longer than
 * {@link unwrappedLineLength} units) holds one paragraph per line, as
 * machine translations and exports from word processors do.
 */
import type {BlockSource, ReadDocument} from './block-source.js'
import {ProseText} from './prose.js'

/** A line this long marks a file whose paragraphs are not hard-wrapped. */
export const unwrappedLineLength = 120

interface Line {
  start: number
  /** End of the content, before the line ending. */
  end: number
  blank: boolean
}

/**
 * Splits plain text into paragraph blocks.
 * @param text The file's text.
 */
export function readPlainText(text: string): ReadDocument {
  const lines = splitLines(text)
  const hasBlankLine = lines.some((line, index) => line.blank && index > 0 && index < lines.length - 1)
  const longLine = lines.some((line) => line.end - line.start > unwrappedLineLength)
  const linePerParagraph = !hasBlankLine && longLine
  const blocks: BlockSource[] = []
  let blockStart = -1
  let blockEnd = -1
  const flush = (): void => {
    if (blockStart === -1) return
    const prose = new ProseText()
    prose.append(text.slice(blockStart, blockEnd), blockStart)
    blocks.push({kind: 'paragraph', start: blockStart, end: blockEnd, depth: 0, prose, list: null, quoted: false})
    blockStart = -1
  }
  for (const line of lines) {
    if (line.blank) {
      flush()
      continue
    }
    if (blockStart === -1) blockStart = line.start
    blockEnd = line.end
    if (linePerParagraph) flush()
  }
  flush()
  return {blocks, directives: []}
}

/** Lines with their content range; a line of only white space is blank. */
function splitLines(text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  let blank = true
  const length = text.length
  for (let index = 0; index <= length; index++) {
    const code = index < length ? text.charCodeAt(index) : 10
    if (code === 10 || code === 13) {
      lines.push({start, end: index, blank})
      if (code === 13 && text.charCodeAt(index + 1) === 10) index++
      start = index + 1
      blank = true
    } else if (blank && code !== 32 && code !== 9 && code !== 0x3000 && code !== 0xa0 && code !== 0xfeff) {
      blank = false
    }
  }
  return lines
}
