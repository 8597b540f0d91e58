/**
 * Splits Markdown into independently parsable chunks at top-level block
 * boundaries, so that parsing stays linear: micromark rewrites its event list
 * whenever a list or block quote closes, which makes one huge document
 * quadratic.
 *
 * A chunk ends at a blank line when the next line starts a new top-level
 * block that cannot continue what came before: it is not indented, not a list
 * item or block quote line (which could continue a list or quote), and the
 * blank line is not inside a fenced code block, an HTML comment or a raw HTML
 * block (`<pre>`, `<script>`, `<style>`, `<textarea>`). Chunks are at least
 * {@link minChunkLength} long, so ordinary documents are parsed whole.
 */

/** Smallest chunk: documents shorter than this are never split. */
export const minChunkLength = 4 * 1024

/** A slice of the document. */
export interface MarkdownChunk {
  /** Start offset in the document. */
  start: number
  /** End offset (exclusive). */
  end: number
}

const rawHtmlOpen = /^ {0,3}<(?:pre|script|style|textarea)(?:\s|>|$)/i
const htmlCommentStart = /^ {0,3}<!--/
const rawHtmlClose = /<\/(?:pre|script|style|textarea)>/i
const listOrQuote = /^(?:[*+-]|\d{1,9}[.)]|>)(?:\s|$)/

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
  let fence: string | null = null
  let inComment = false
  let inRawHtml = false
  let previousBlank = false
  let lineStart = 0
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd === -1) lineEnd = text.length
    const contentEnd = lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd
    const blank = isBlankLine(text, lineStart, contentEnd)
    const first = lineStart < contentEnd ? text.charCodeAt(lineStart) : -1
    if (
      previousBlank &&
      !blank &&
      fence === null &&
      !inComment &&
      !inRawHtml &&
      lineStart - chunkStart >= minimum &&
      !startsWithSpace(text, lineStart, first) &&
      !(mayStartListOrQuote(first) && listOrQuote.test(text.slice(lineStart, Math.min(contentEnd, lineStart + 12))))
    ) {
      chunks.push({start: chunkStart, end: lineStart})
      chunkStart = lineStart
    }
    // Only lines that hold `` ` ``, `~` or `<` can open or close what must not be cut.
    const marks = fence !== null || inComment || inRawHtml || holdsCutMark(lineStart, contentEnd)
    if (marks) {
      const line = text.slice(lineStart, contentEnd)
      if (fence !== null) {
        if (isClosingFence(text, lineStart, contentEnd, fence)) fence = null
      } else if (inComment) {
        if (line.includes('-->')) inComment = false
      } else if (inRawHtml) {
        if (rawHtmlClose.test(line)) inRawHtml = false
      } else {
        const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line)
        if (opening) fence = opening[1]!
        // Only an HTML block may hold a blank line: one that starts its line and ends at the
        // first `-->` (whose dashes may be the opening's). A comment further in the line is
        // inline and ends with its paragraph.
        else if (htmlCommentStart.test(line) && !line.includes('-->', line.indexOf('<!--') + 2)) inComment = true
        else if (rawHtmlOpen.test(line) && !rawHtmlClose.test(line)) inRawHtml = true
      }
    }
    previousBlank = blank
    lineStart = lineEnd + 1
  }
  chunks.push({start: chunkStart, end: text.length})
  return chunks
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
