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
const rawHtmlClose = /<\/(?:pre|script|style|textarea)>/i
/** Blank for CommonMark: spaces and tabs only (an ideographic space is text). */
const blankLine = /^[ \t]*$/
const listOrQuote = /^(?:[*+-]|\d{1,9}[.)]|>)(?:\s|$)/

/**
 * Chunks of a Markdown document.
 * @param text The document.
 * @param minimum Smallest chunk length (default {@link minChunkLength}).
 */
export function markdownChunks(text: string, minimum = minChunkLength): MarkdownChunk[] {
  if (text.length < minimum * 2) return [{start: 0, end: text.length}]
  const chunks: MarkdownChunk[] = []
  let chunkStart = 0
  let fence: string | null = null
  let inComment = false
  let inRawHtml = false
  let previousBlank = false
  let lineStart = 0
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd === -1) lineEnd = text.length
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '')
    const blank = blankLine.test(line)
    if (
      previousBlank &&
      !blank &&
      fence === null &&
      !inComment &&
      !inRawHtml &&
      lineStart - chunkStart >= minimum &&
      !/^\s/.test(line) &&
      !listOrQuote.test(line)
    ) {
      chunks.push({start: chunkStart, end: lineStart})
      chunkStart = lineStart
    }
    if (fence !== null) {
      if (line.trimStart().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') fence = null
    } else if (inComment) {
      if (line.includes('-->')) inComment = false
    } else if (inRawHtml) {
      if (rawHtmlClose.test(line)) inRawHtml = false
    } else {
      const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line)
      if (opening) fence = opening[1]!
      else if (line.includes('<!--') && !line.slice(line.lastIndexOf('<!--')).includes('-->')) inComment = true
      else if (rawHtmlOpen.test(line) && !rawHtmlClose.test(line)) inRawHtml = true
    }
    previousBlank = blank
    lineStart = lineEnd + 1
  }
  chunks.push({start: chunkStart, end: text.length})
  return chunks
}
