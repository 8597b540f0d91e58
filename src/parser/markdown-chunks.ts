/**
 * Splits Markdown into independently parsable chunks at top-level block
 * boundaries, so that parsing stays linear: micromark rewrites its event list
 * whenever a list or block quote closes, which makes one huge document
 * quadratic.
 *
 * A chunk ends at a blank line when the next line starts a new top-level
 * block that cannot continue what came before: it is not indented, not a list
 * item or block quote line (which could continue a list or quote), and the
 * blank line is not inside a fenced code block or an HTML block that a blank
 * line does not end (a comment, `<pre>`, `<script>`, `<style>`, `<textarea>`,
 * `<?…?>`, `<!…>`, `<![CDATA[…]]>`). The lines of an HTML block are its own:
 * a fence in one (as in `<div>` followed by a line of backticks) opens no
 * code block; so are those of front matter, which the first chunk holds.
 * Nor is a chunk cut after indented code or a list item and a blank line of
 * white space, which micromark may count in the block's extent.
 *
 * The scan does not follow list items and quotes, so where a line may be
 * read two ways (a block that a list item may hold, which a line without
 * indentation would end; a lone tag after a paragraph in a list item) it
 * follows both readings, and cuts only where each allows it.
 *
 * Chunks are at least {@link minChunkLength} long, so ordinary documents are
 * parsed whole.
 */
import {frontMatterEnd} from './markdown-front-matter.js'
import {closedOnItsLine, htmlBlockOpening, isLoneTagLine} from './markdown-html-blocks.js'

/** Smallest chunk: documents shorter than this are never split. */
export const minChunkLength = 4 * 1024

/** A slice of the document. */
export interface MarkdownChunk {
  /** Start offset in the document. */
  start: number
  /** End offset (exclusive). */
  end: number
}

const listOrQuote = /^(?:[*+-]|\d{1,9}[.)]|>)(?:\s|$)/

/** A list item's or block quote's marker at a line's start (a quote's may have no space after it). */
const containerMarker = /^(?:[*+-]|\d{1,9}[.)])(?=[ \t]|$)|^>/

/** An ATX heading's opening hashes, at the start of a line's content. */
export const atxHeading = /^(#{1,6})(?=[ \t]|$)/

/** A thematic break: three or more `-`, `*` or `_` and white space, as a line's whole content. */
export const thematicBreak = /^([-*_])[ \t]*(?:\1[ \t]*){2,}$/

/** A fence's opening: up to three spaces, then three backticks or tildes or more. */
const fenceOpening = /^ {0,3}(`{3,}|~{3,})/

/**
 * What one reading of the document knows after a line. The scan keeps one
 * reading, and more where a line may be read two ways: a line without
 * indentation inside a fence or HTML block that a list item or quote may
 * hold (the line would end the item, and the block with it), or a lone tag
 * after a paragraph in a list item or quote (an HTML block, or one more line
 * of the paragraph). A chunk is cut only where every reading allows it.
 */
interface Reading {
  /** The open fence (`` ``` ``, `~~~~`…), or null. */
  fence: string | null
  /** The open HTML block's end: a pattern, null for a blank line; undefined when none is open. */
  html: RegExp | null | undefined
  /**
   * Whether the open fence or HTML block may be in a list item or quote: its
   * first line was indented, or came after a paragraph in one. A line without
   * indentation would then end it.
   */
  inContainer: boolean
  /** Whether a paragraph is open after the line before: a lone tag would continue it. */
  paragraph: boolean
  /** Whether that paragraph is in a list item or block quote. */
  containerParagraph: boolean
  /** Whether the last line that was not blank was indented by 4 columns or more (it may be code). */
  indented: boolean
  /** Whether the last line that was not blank may be in a list item or quote. */
  listed: boolean
  /**
   * Whether a blank line since then holds white space that may belong to
   * what came before: 4 columns or more after indented code, any after a
   * line in a list item. micromark ends a code or HTML block after such a
   * line when the next line is not indented, so a cut there would move the
   * block's end.
   */
  wideBlank: boolean
}

/** The line being scanned. */
interface ScannedLine {
  /** Start offset. */
  start: number
  /** End of its content, line ending excluded. */
  end: number
  /** Its first character's code, -1 when it is empty. */
  first: number
  /** Whether it is blank. */
  blank: boolean
  /** Whether it holds `` ` ``, `~` or `<`, without which it opens and closes nothing that matters here. */
  marks: boolean
  /** Where the list item's or block quote's marker it opens with ends; -1 when it opens with none. */
  markerEnd: number
}

/** A reading at the document's start. */
const startReading = (): Reading => ({
  fence: null,
  html: undefined,
  inContainer: false,
  paragraph: false,
  containerParagraph: false,
  indented: false,
  listed: false,
  wideBlank: false,
})

/** Whether a reading allows a cut before the line that follows it. */
const allowsCut = (reading: Reading): boolean => reading.fence === null && reading.html === undefined && !reading.wideBlank

/** A key that tells readings apart. */
const readingKey = (reading: Reading): string =>
  `${reading.fence}|${reading.html === undefined ? 'u' : (reading.html?.source ?? 'n')}|${+reading.inContainer}${+reading.paragraph}${+reading.containerParagraph}${+reading.indented}${+reading.listed}${+reading.wideBlank}`

/**
 * Chunks of a Markdown document.
 * @param text The document.
 * @param minimum Smallest chunk length (default {@link minChunkLength}).
 */
export function markdownChunks(text: string, minimum = minChunkLength): MarkdownChunk[] {
  if (text.length < minimum * 2) return [{start: 0, end: text.length}]
  const chunks: MarkdownChunk[] = []
  const holdsCutMark = cutMarkFinder(text)
  let chunkStart = 0
  let readings = [startReading()]
  let previousBlank = false
  // Front matter is not Markdown: what its lines seem to open stays open in none of the chunks.
  let lineStart = frontMatterEnd(text)
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd === -1) lineEnd = text.length
    const contentEnd = lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd
    const blank = isBlankLine(text, lineStart, contentEnd)
    const first = lineStart < contentEnd ? text.charCodeAt(lineStart) : -1
    // The line's first characters, where a list item's or quote's marker may be.
    const head = mayStartListOrQuote(first) ? text.slice(lineStart, Math.min(contentEnd, lineStart + 12)) : ''
    if (
      previousBlank &&
      !blank &&
      lineStart - chunkStart >= minimum &&
      readings.every(allowsCut) &&
      !startsWithSpace(text, lineStart, first) &&
      !(head && listOrQuote.test(head))
    ) {
      chunks.push({start: chunkStart, end: lineStart})
      chunkStart = lineStart
    }
    const marker = head ? containerMarker.exec(head) : null
    const line: ScannedLine = {
      start: lineStart,
      end: contentEnd,
      first,
      blank,
      marks: !blank && holdsCutMark(lineStart, contentEnd),
      markerEnd: marker ? lineStart + marker[0].length : -1,
    }
    const next: Reading[] = []
    for (const reading of readings) advance(text, line, reading, next)
    readings = next.length === 1 ? next : distinctReadings(next)
    previousBlank = blank
    lineStart = lineEnd + 1
  }
  chunks.push({start: chunkStart, end: text.length})
  return chunks
}

/** The readings, each state once. */
function distinctReadings(readings: readonly Reading[]): Reading[] {
  const byKey = new Map<string, Reading>()
  for (const reading of readings) byKey.set(readingKey(reading), reading)
  return [...byKey.values()]
}

/**
 * Reads one line in a reading: updates it and adds it to `out`, with the
 * readings the line forks from it.
 * @param text The document.
 * @param line The line.
 * @param reading The reading before the line (updated).
 * @param out Where the readings after the line go.
 */
function advance(text: string, line: ScannedLine, reading: Reading, out: Reading[]): void {
  out.push(reading)
  // Whether the line is neither in nor part of a code block or an HTML block.
  let ordinary = reading.fence === null && reading.html === undefined
  if (!ordinary) {
    const closes =
      reading.fence !== null
        ? line.marks && isClosingFence(text, line.start, line.end, reading.fence)
        : reading.html === null
          ? line.blank
          : !line.blank && reading.html!.test(text.slice(line.start, line.end))
    if (closes) {
      reading.fence = null
      reading.html = undefined
    } else if (reading.inContainer && !line.blank && line.first !== 32 && line.first !== 9) {
      // Had the block been in a list item or quote, this line would have ended it and be read outside.
      advance(text, line, {...startReading(), indented: reading.indented, listed: reading.listed}, out)
    }
  } else if (line.marks) {
    const content = text.slice(line.start, line.end)
    const opening = fenceOpening.exec(content)
    // A block opened by an indented line, or after a paragraph in a list item or quote, may be in one.
    const inContainer = line.first === 32 || line.first === 9 || (reading.paragraph && reading.containerParagraph)
    if (opening) {
      reading.fence = opening[1]!
      reading.inContainer = inContainer
      ordinary = false
    } else if (reading.paragraph && reading.containerParagraph && isLoneTagLine(content)) {
      // After a paragraph in a list item or quote, micromark may take a lone tag on a lazy line
      // as an HTML block: this reading takes the line as text, the other as an HTML block.
      out.push({...reading, html: null, inContainer, paragraph: false, indented: false, wideBlank: false})
    } else {
      const block = htmlBlockOpening(content, reading.paragraph)
      reading.html = block === closedOnItsLine ? undefined : block
      reading.inContainer = inContainer
      ordinary = block === undefined
    }
  }
  if (ordinary && !line.blank) {
    // A paragraph that a list item or quote line opens, and its lazy lines, are in that container.
    reading.containerParagraph = line.markerEnd !== -1 || (reading.paragraph && reading.containerParagraph)
    // A list item or quote line with nothing after its marker opens no paragraph.
    reading.paragraph =
      !(line.markerEnd !== -1 && isBlankLine(text, line.markerEnd, line.end)) &&
      leavesParagraphOpen(text, line.start, line.end, reading.paragraph && !reading.containerParagraph ? 'top' : reading.paragraph ? 'container' : 'none')
  } else {
    reading.paragraph = false
  }
  if (!line.blank) {
    reading.indented = (line.first === 32 || line.first === 9) && indentColumns(text, line.start, line.end) >= 4
    reading.listed = ordinary ? reading.containerParagraph : reading.inContainer
    reading.wideBlank = false
  } else if ((reading.indented || reading.listed) && !reading.wideBlank) {
    reading.wideBlank = indentColumns(text, line.start, line.end) >= (reading.listed ? 1 : 4)
  }
}

/**
 * Whether a paragraph is open after an ordinary line (not blank, nor part of
 * a code block or HTML block): any text opens or continues one, but an ATX
 * heading, a thematic break or a setext underline ends it, and an indented
 * line only continues what came before (after no paragraph, it is code). A
 * setext underline can only underline a paragraph outside lists and quotes:
 * after a paragraph in one, `===` is one more line of it.
 * @param text The document.
 * @param start Start of the line.
 * @param end End of the line, line ending excluded.
 * @param before The paragraph open before the line: none, one at the top level, or one in a list item or quote.
 */
function leavesParagraphOpen(text: string, start: number, end: number, before: 'none' | 'top' | 'container'): boolean {
  let index = start
  while (index < end && index - start < 4 && text.charCodeAt(index) === 32) index++
  const code = text.charCodeAt(index)
  if (index - start >= 4 || code === 9) return before !== 'none'
  // `#`, `-`, `*`, `_`, `=`: the only marks that may end a paragraph here.
  if (code !== 35 && code !== 45 && code !== 42 && code !== 95 && code !== 61) return true
  const rest = text.slice(index, end)
  if (atxHeading.test(rest) || thematicBreak.test(rest)) return false
  return !(before === 'top' && /^(?:=+|-+)[ \t]*$/.test(rest))
}

/**
 * Columns of indentation at the start of a line, up to 4: spaces count one,
 * a tab reaches the next multiple of 4.
 * @param text The document.
 * @param start Start of the line.
 * @param end End of the line, line ending excluded.
 */
function indentColumns(text: string, start: number, end: number): number {
  let columns = 0
  for (let index = start; index < end && columns < 4; index++) {
    const code = text.charCodeAt(index)
    if (code === 32) columns++
    else if (code === 9) columns += 4 - (columns % 4)
    else break
  }
  return columns
}

/**
 * Whether `[start, end)` is blank for CommonMark: spaces and tabs only (an ideographic space is text).
 * @param text The document.
 * @param start Start of the range.
 * @param end End of the range (exclusive).
 */
export function isBlankLine(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index)
    if (code !== 32 && code !== 9) return false
  }
  return true
}

/** Whether the line starts with white space of any kind (indented, or text that could continue a block). */
function startsWithSpace(text: string, start: number, first: number): boolean {
  if (first === -1) return false
  if (first <= 32) return true
  return first >= 0x80 && /\s/.test(text[start]!)
}

/** Whether a line starting with this character may be a list item or a block quote line. */
function mayStartListOrQuote(first: number): boolean {
  return first === 42 || first === 43 || first === 45 || first === 62 || (first >= 48 && first <= 57)
}

/** The characters that can open or close what a chunk must not cut: `` ` ``, `~`, `<`. */
const cutMarks = ['`', '~', '<'] as const

/**
 * A test of whether a line holds one of the {@link cutMarks}, for lines asked
 * about in order: each mark's next position is found by one `indexOf` and
 * kept until the lines pass it, rather than every character of every line
 * being compared.
 * @param text The document.
 */
export function cutMarkFinder(text: string): (start: number, end: number) => boolean {
  // Each mark's next position at or after the last line asked about: -1 before the first search, Infinity when none is left.
  const next = cutMarks.map(() => -1)
  return (start, end) => {
    for (let mark = 0; mark < cutMarks.length; mark++) {
      let at = next[mark]!
      if (at < start) {
        at = text.indexOf(cutMarks[mark]!, start)
        next[mark] = at = at === -1 ? Infinity : at
      }
      if (at < end) return true
    }
    return false
  }
}

/**
 * Whether the line `[start, end)` closes a fence opened with `fence`: up to
 * three spaces, as many fence characters or more, then spaces and tabs only.
 * @param text The document.
 * @param start Start of the line.
 * @param end End of the line, line ending excluded.
 * @param fence The opening fence (`` ``` ``, `~~~~`, …).
 */
export function isClosingFence(text: string, start: number, end: number, fence: string): boolean {
  let index = start
  while (index < end && index - start < 3 && text.charCodeAt(index) === 32) index++
  const runStart = index
  while (index < end && text.charCodeAt(index) === fence.charCodeAt(0)) index++
  return index - runStart >= fence.length && isBlankLine(text, index, end)
}
