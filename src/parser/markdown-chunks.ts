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
 * Nor is a chunk cut after indented code and a blank line of four columns of
 * white space or more, which micromark counts in the code block's extent.
 * Chunks are at least {@link minChunkLength} long, so ordinary documents are
 * parsed whole.
 */
import {frontMatterEnd} from './markdown-front-matter.js'


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

/** The HTML block names of CommonMark's sixth kind of HTML block, which a blank line ends. */
const htmlBlockNames =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul'

/**
 * How an HTML block that starts on a line ends, by CommonMark's seven kinds:
 * at a line holding a closing mark (kinds 1 to 5, tried on the opening line
 * after the opening itself), or at a blank line (kinds 6 and 7). Kind 7, a
 * lone complete tag, cannot interrupt a paragraph.
 */
const htmlBlockKinds: ReadonlyArray<{open: RegExp; end: RegExp | null; interruptsParagraph: boolean}> = [
  {open: /^ {0,3}<(?:pre|script|style|textarea)(?=\s|>|$)/i, end: /<\/(?:pre|script|style|textarea)>/i, interruptsParagraph: true},
  // The dashes of `<!--` may close it too (`<!-->`, `<!--->`), so the search starts at them.
  {open: /^ {0,3}<!(?=--)/, end: /-->/, interruptsParagraph: true},
  {open: /^ {0,3}<\?/, end: /\?>/, interruptsParagraph: true},
  {open: /^ {0,3}<![A-Za-z]/, end: />/, interruptsParagraph: true},
  {open: /^ {0,3}<!\[CDATA\[/, end: /\]\]>/, interruptsParagraph: true},
  {open: new RegExp(`^ {0,3}</?(?:${htmlBlockNames})(?=[\\s/>]|$)`, 'i'), end: null, interruptsParagraph: true},
  {
    open: /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$/,
    end: null,
    interruptsParagraph: false,
  },
]

/** What {@link htmlBlockOpening} says of a line that opens an HTML block ending on that same line. */
const closedOnItsLine = 'closed'

/**
 * The HTML block a line opens: how it ends (a pattern a later line holds,
 * or null for a blank line), {@link closedOnItsLine} when its end is on
 * this very line, or undefined when the line opens none.
 * @param line The line, without its line ending.
 * @param inParagraph Whether a paragraph is open before it (a lone tag, kind 7, then continues it).
 */
function htmlBlockOpening(line: string, inParagraph: boolean): RegExp | null | typeof closedOnItsLine | undefined {
  for (const kind of htmlBlockKinds) {
    if (!kind.interruptsParagraph && inParagraph) continue
    const opening = kind.open.exec(line)
    if (!opening) continue
    if (kind.end === null) return null
    return kind.end.test(line.slice(opening[0].length)) ? closedOnItsLine : kind.end
  }
  return undefined
}

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
  // The open HTML block's end: a pattern, null for a blank line; undefined when none is open.
  let html: RegExp | null | undefined
  // Whether a paragraph is open after the line before: a lone tag (HTML block of kind 7) would continue it.
  let paragraph = false
  // Whether that paragraph is in a list item or block quote.
  let containerParagraph = false
  let previousBlank = false
  // Whether the last line that was not blank was indented by 4 columns or more (it may be code).
  let indented = false
  // Whether a blank line since then holds 4 columns of white space or more: after code, micromark
  // ends the code block's position after such a line when the next line is not indented, so a cut
  // there would move the block's end.
  let wideBlank = false
  // Front matter is not Markdown: what its lines seem to open stays open in none of the chunks.
  let lineStart = frontMatterEnd(text)
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd === -1) lineEnd = text.length
    const contentEnd = lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd
    const blank = isBlankLine(text, lineStart, contentEnd)
    const first = lineStart < contentEnd ? text.charCodeAt(lineStart) : -1
    if (
      previousBlank &&
      !blank &&
      !(indented && wideBlank) &&
      fence === null &&
      html === undefined &&
      lineStart - chunkStart >= minimum &&
      !startsWithSpace(text, lineStart, first) &&
      !(mayStartListOrQuote(first) && listOrQuote.test(text.slice(lineStart, Math.min(contentEnd, lineStart + 12))))
    ) {
      chunks.push({start: chunkStart, end: lineStart})
      chunkStart = lineStart
    }
    // Whether the line is neither in nor part of a code block or an HTML block.
    let ordinary = fence === null && html === undefined
    if (html === null) {
      if (blank) html = undefined
    } else if (html !== undefined || fence !== null || holdsCutMark(lineStart, contentEnd)) {
      // Only lines that hold `` ` ``, `~` or `<` can open or close what must not be cut.
      const line = text.slice(lineStart, contentEnd)
      if (fence !== null) {
        if (isClosingFence(text, lineStart, contentEnd, fence)) fence = null
      } else if (html !== undefined) {
        if (html.test(line)) html = undefined
      } else {
        const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line)
        const block: ReturnType<typeof htmlBlockOpening> = opening ? undefined : htmlBlockOpening(line, paragraph)
        if (opening) fence = opening[1]!
        else html = block === closedOnItsLine ? undefined : block
        ordinary = !opening && block === undefined
      }
    }
    if (ordinary && !blank) {
      // A paragraph that a list item or quote line opens, and its lazy lines, are in that container.
      const marker = mayStartListOrQuote(first) ? containerMarker.exec(text.slice(lineStart, Math.min(contentEnd, lineStart + 12))) : null
      containerParagraph = marker !== null || (paragraph && containerParagraph)
      // A list item or quote line with nothing after its marker opens no paragraph.
      paragraph =
        !(marker && isBlankLine(text, lineStart + marker[0].length, contentEnd)) &&
        leavesParagraphOpen(text, lineStart, contentEnd, paragraph && !containerParagraph ? 'top' : paragraph ? 'container' : 'none')
    } else {
      paragraph = false
    }
    if (!blank) {
      indented = (first === 32 || first === 9) && indentColumns(text, lineStart, contentEnd) >= 4
      wideBlank = false
    } else if (indented && !wideBlank) {
      wideBlank = indentColumns(text, lineStart, contentEnd) >= 4
    }
    previousBlank = blank
    lineStart = lineEnd + 1
  }
  chunks.push({start: chunkStart, end: text.length})
  return chunks
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
  if (/^#{1,6}(?:[ \t]|$)/.test(rest) || /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(rest)) return false
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
