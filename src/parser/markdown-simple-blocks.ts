/**
 * Reads the plain majority of Markdown without micromark: ATX headings,
 * paragraphs, fenced code, flat lists whose items hold one paragraph, block
 * quotes of paragraphs, GFM tables and one-line HTML comments, with their inline content read by
 * {@link markInline}; and pieces of plain link definitions ({@link readDefinitionPiece}).
 * The result is the same blocks remark would give.
 *
 * A piece of the document (top-level blocks between two places where
 * `markdownChunks` may cut) is read here only when every line of it is one
 * of those forms (a paragraph's or item's lines may be wrapped, indented
 * with spaces, and end in white space); any other line (indented code, HTML,
 * other tables, setext underlines, thematic breaks, backslash hard breaks, nested
 * containers, lazy lines in quotes, …) returns `null` and the piece goes to remark.
 */
import type {BlockSource} from './block-source.js'
import {atxHeading, isBlankLine, isClosingFence, thematicBreak} from './markdown-chunks.js'
import {commentEnd, InlineMark, markInline} from './markdown-inline.js'
import {ProseText} from './prose.js'

/** Counts lists, so that list ids match remark's. */
export interface ListCounter {
  /** Lists seen so far. */
  count: number
}

/** A line of the piece: `start` to `end` (line ending excluded), `next` where the next line starts. */
interface Line {
  start: number
  end: number
  next: number
}

/**
 * A line's content: `start` to `end`, without the spaces and tabs before
 * its line ending, which starts at `lineEnd`; `ending` is how far the next
 * line's content starts from there (0 when no line follows).
 */
interface ContentRange {
  start: number
  end: number
  lineEnd: number
  ending: number
}

/** Prose lines collected for one block: content ranges in the source, line endings between them. */
interface OpenProse {
  kind: 'paragraph' | 'listItem'
  /** Block start (a list item starts at its marker). */
  start: number
  /** Content ranges, each with the line ending that follows it (none for the last). */
  ranges: ContentRange[]
  quoted: boolean
  list: BlockSource['list']
  /** List depth of an item (1 unless lists nest on its line). */
  depth?: number
}

/** The list being read: its type and id. */
interface OpenList {
  type: string
  id: number
  ordered: boolean
  items: number
}

const listMarker = /^(?:([-+*])|(\d{1,9})([.)]))(?=[ \t]|$)/
const underlineOrDelimiterRow = /^[-=:| \t]*$/
const fenceOpening = /^(`{3,}|~{3,})/

/** Reads one piece, or returns null when it holds anything else. */
class SimplePieceReader {
  readonly blocks: BlockSource[] = []
  /** HTML comments found in inline content. */
  readonly comments: SourceSpan[] = []
  private open: OpenProse | null = null
  private list: OpenList | null = null
  /** The previous line was a non-blank line of a top-level paragraph, list item or quote. */
  private previous: 'blank' | 'paragraph' | 'item' | 'nested' | 'quote' | 'other' = 'blank'
  /** Lists nested on one line were read: the rest of the piece is left to remark. */
  private nestedSeen = false

  constructor(
    private readonly text: string,
    private readonly defined: ReadonlySet<string> | null,
    private readonly lists: ListCounter,
  ) {}

  read(start: number, end: number): boolean {
    let lineStart = start
    while (lineStart < end) {
      const line = lineAt(this.text, lineStart, end)
      if (!this.readLine(line, end)) return false
      lineStart = line.next
    }
    return this.closeProse()
  }

  private readLine(line: Line, end: number): boolean {
    const text = this.text
    const first = line.start < line.end ? text.charCodeAt(line.start) : -1
    if (isBlankLine(text, line.start, line.end)) {
      if (!this.closeProse()) return false
      this.previous = 'blank'
      return true
    }
    // After lists nested on one line, any later line could continue one of them.
    if (this.nestedSeen) return false
    if (first === 32 || first === 9 || text.slice(line.start, line.end).trim() === '') return this.indentedContinuation(line)
    const content = text.slice(line.start, line.end)
    if (first === 35) return this.heading(line, content)
    if (first === 96 || first === 126) {
      const fence = fenceOpening.exec(content)
      if (fence) return this.fence(line, fence[1]!, content)
    }
    if (first === 62) return this.quoteLine(line)
    if (first === 60) return this.commentLine(line)
    if (content.includes('|') && (this.previous === 'blank' || this.previous === 'other')) {
      const table = this.table(line, end)
      if (table !== undefined) return table
    }
    if (isBreakOrUnderline(content)) return false
    const marker = listMarker.exec(content)
    if (marker) return this.listItem(line, marker)
    return this.paragraphLine(line, content)
  }

  /**
   * A GFM table: a header row, a delimiter row with as many cells, body rows
   * up to a blank line. Returns undefined when the line does not start a
   * table (the next line is no delimiter row), false when the table holds
   * what is left to remark (escaped backslashes, rows that are not plainly
   * rows, more cells than the header).
   */
  private table(header: Line, pieceEnd: number): boolean | undefined {
    const text = this.text
    if (header.next >= pieceEnd) return undefined
    const delimiter = lineAt(text, header.next, pieceEnd)
    const columns = delimiterRowCells(text, delimiter.start, delimiter.end)
    if (columns === 0) return undefined
    if (/^[|\s]*$/.test(text.slice(header.start, header.end))) return false
    const rows: Line[] = [header]
    let next = delimiter.next
    while (next < pieceEnd) {
      const row = lineAt(text, next, pieceEnd)
      if (isBlankLine(text, row.start, row.end)) break
      const first = text.charCodeAt(row.start)
      if (first !== 124 || isSpaceOrTab(text.charCodeAt(row.end - 1))) return false
      rows.push(row)
      next = row.next
    }
    if (!this.closeProse()) return false
    this.list = null
    const cells: BlockSource[] = []
    for (const [index, row] of rows.entries()) {
      const rowCells = this.tableCells(row)
      if (!rowCells || rowCells.length > columns || (index === 0 && rowCells.length !== columns)) return false
      cells.push(...rowCells)
    }
    const last = rows[rows.length - 1]!
    this.blocks.push({kind: 'table', start: header.start, end: last.end, depth: 0, prose: null, list: null, quoted: false}, ...cells)
    header.next = last.next
    this.previous = 'other'
    return true
  }

  /** The cells of a table row: each from its leading `|` to the next (the last one's closing `|` included). */
  private tableCells(row: Line): BlockSource[] | null {
    const text = this.text
    const line = text.slice(row.start, row.end)
    if (line.includes('\\\\') || isSpaceOrTab(text.charCodeAt(row.end - 1))) return null
    const pipes: number[] = []
    for (let index = line.indexOf('|'); index !== -1; index = line.indexOf('|', index + 1)) {
      if (index === 0 || line.charCodeAt(index - 1) !== 92) pipes.push(row.start + index)
    }
    const bounds = [row.start, ...pipes.filter((pipe) => pipe !== row.start), row.end]
    const cells: BlockSource[] = []
    for (let index = 0; index + 1 < bounds.length; index++) {
      const start = bounds[index]!
      let end = bounds[index + 1]!
      if (end === row.end - 1 && index + 2 === bounds.length - 1 && text.charCodeAt(end) === 124) {
        // `| a | b |`: the closing pipe belongs to the last cell.
        end = row.end
        index++
      }
      if (start === end) continue
      let contentStart = text.charCodeAt(start) === 124 ? start + 1 : start
      let contentEnd = end === row.end && text.charCodeAt(end - 1) === 124 ? end - 1 : end
      while (contentStart < contentEnd && isSpaceOrTab(text.charCodeAt(contentStart))) contentStart++
      while (contentEnd > contentStart && isSpaceOrTab(text.charCodeAt(contentEnd - 1))) contentEnd--
      const prose = this.inlineProse([{start: contentStart, end: contentEnd, lineEnd: contentEnd, ending: 0}])
      if (!prose) return null
      cells.push({kind: 'tableCell', start, end, depth: 0, prose, list: null, quoted: false})
    }
    return cells
  }

  /**
   * A line that is one HTML comment (`<!-- bilint-disable … -->`): an HTML
   * block of its own. Other HTML is left to remark.
   */
  private commentLine(line: Line): boolean {
    const text = this.text
    if (!text.startsWith('<!--', line.start)) return false
    const close = text.indexOf('-->', line.start + 2)
    if (close === -1 || close + 3 > line.end || isSpaceOrTab(text.charCodeAt(line.end - 1))) return false
    if (this.previous !== 'blank' && this.previous !== 'other') return false
    this.list = null
    this.blocks.push({kind: 'html', start: line.start, end: line.end, depth: 0, prose: null, list: null, quoted: false})
    this.previous = 'other'
    return true
  }

  private heading(line: Line, content: string): boolean {
    const opening = atxHeading.exec(content)
    if (!opening) return false
    if (!this.closeProse()) return false
    this.list = null
    const text = this.text
    let contentStart = line.start + opening[1]!.length
    while (contentStart < line.end && isSpaceOrTab(text.charCodeAt(contentStart))) contentStart++
    let contentEnd = line.end
    while (contentEnd > contentStart && isSpaceOrTab(text.charCodeAt(contentEnd - 1))) contentEnd--
    // A closing sequence: `#`s after white space, or the whole content.
    let hashes = contentEnd
    while (hashes > contentStart && text.charCodeAt(hashes - 1) === 35) hashes--
    if (hashes < contentEnd && (hashes === contentStart || isSpaceOrTab(text.charCodeAt(hashes - 1)))) {
      contentEnd = hashes
      while (contentEnd > contentStart && isSpaceOrTab(text.charCodeAt(contentEnd - 1))) contentEnd--
    }
    const prose = this.inlineProse([{start: contentStart, end: contentEnd, lineEnd: contentEnd, ending: 0}])
    if (!prose) return false
    this.blocks.push({kind: 'heading', start: line.start, end: line.end, depth: opening[1]!.length, prose, list: null, quoted: false})
    this.previous = 'other'
    return true
  }

  private fence(line: Line, opening: string, content: string): boolean {
    if (opening[0] === '`' && content.indexOf('`', opening.length) !== -1) return false
    if (!this.closeProse()) return false
    this.list = null
    const text = this.text
    // The fence's lines may run past the piece: `markdownChunks` never cuts inside a fence.
    for (let lineStart = line.next; lineStart < text.length && lineStart > line.start; ) {
      const next = lineAt(text, lineStart, text.length)
      if (isClosingFence(text, next.start, next.end, opening)) {
        this.blocks.push({kind: 'code', start: line.start, end: next.end, depth: 0, prose: null, list: null, quoted: false})
        line.next = next.next
        this.previous = 'other'
        return true
      }
      lineStart = next.next
    }
    // An unclosed fence runs to the end of the document: left to remark.
    return false
  }

  private quoteLine(line: Line): boolean {
    const text = this.text
    let contentStart = line.start + 1
    if (text.charCodeAt(contentStart) === 9) return false
    if (text.charCodeAt(contentStart) === 32) contentStart++
    this.list = null
    if (isBlankLine(text, contentStart, line.end)) {
      if (!this.closeProse()) return false
      this.previous = 'quote'
      return true
    }
    const inner = text.slice(contentStart, line.end)
    if (!isParagraphStart(inner) || listMarker.test(inner)) return false
    // A thematic break or setext underline in the quote (`> ***`, `> ---`).
    if (isBreakOrUnderline(inner)) return false
    if (this.open?.quoted && this.previous === 'quote') {
      return this.continueProse(contentStart, line.end)
    }
    if (!this.closeProse()) return false
    this.open = {kind: 'paragraph', start: contentStart, ranges: [], quoted: true, list: null}
    this.previous = 'quote'
    return this.continueProse(contentStart, line.end)
  }

  private listItem(line: Line, marker: RegExpExecArray): boolean {
    const text = this.text
    const markerEnd = line.start + marker[0].length
    // One space, then content that starts a paragraph.
    if (text.charCodeAt(markerEnd) !== 32) return false
    const nested = marker[1] !== undefined ? nestedBullets(text, markerEnd + 1, line.end) : 0
    if (nested > 0) return this.nestedItem(line, markerEnd + 1 + 2 * nested, nested + 1)
    const inner = text.slice(markerEnd + 1, line.end)
    if (inner === '' || !isParagraphStart(inner) || listMarker.test(inner) || inner.startsWith('>') || atxHeading.test(inner)) return false
    if (fenceOpening.test(inner) || isBreakOrUnderline(inner)) return false
    // A list right after paragraph text may or may not interrupt it: left to remark.
    if (this.previous === 'paragraph' || this.previous === 'quote') return false
    const type = marker[1] ?? marker[3]!
    if (this.previous === 'item' && this.list?.type !== type) return false
    if (!this.closeProse()) return false
    if (!this.list || this.list.type !== type) {
      this.list = {type, id: ++this.lists.count, ordered: marker[1] === undefined, items: 0}
    }
    const list = this.list
    this.open = {kind: 'listItem', start: line.start, ranges: [], quoted: false, list: {id: list.id, index: list.items++, ordered: list.ordered}}
    this.previous = 'item'
    return this.continueProse(markerEnd + 1, line.end)
  }

  /**
   * `- - - text`: a bullet list in an item of a bullet list, …, on one line,
   * the innermost item holding the text. Read alone: the next line must be blank.
   */
  private nestedItem(line: Line, contentStart: number, depth: number): boolean {
    const inner = this.text.slice(contentStart, line.end)
    if (!isParagraphStart(inner) || listMarker.test(inner) || atxHeading.test(inner) || fenceOpening.test(inner)) return false
    if (isBreakOrUnderline(inner)) return false
    if (this.previous !== 'blank' && this.previous !== 'other') return false
    if (!this.closeProse()) return false
    this.list = null
    this.lists.count += depth
    this.open = {kind: 'listItem', start: contentStart - 2, ranges: [], quoted: false, list: {id: this.lists.count, index: 0, ordered: false}, depth}
    this.previous = 'nested'
    this.nestedSeen = true
    return this.continueProse(contentStart, line.end)
  }

  /**
   * A line indented with spaces that continues the open paragraph or list
   * item (`- item` then `  wrapped`): its indentation is not content, as in
   * micromark. An indented line that could start a block of its own (a
   * nested list, a heading, a setext underline, a table row) and any tab
   * before the content are left to remark.
   */
  private indentedContinuation(line: Line): boolean {
    const open = this.open
    if (!open || open.quoted || (this.previous !== 'paragraph' && this.previous !== 'item')) return false
    const text = this.text
    let contentStart = line.start
    while (contentStart < line.end && text.charCodeAt(contentStart) === 32) contentStart++
    if (contentStart >= line.end) return false
    const content = text.slice(contentStart, line.end)
    if (!isParagraphStart(content) || listMarker.test(content) || content.includes('|')) return false
    if (isBreakOrUnderline(content)) return false
    return this.continueProse(contentStart, line.end)
  }

  private paragraphLine(line: Line, content: string): boolean {
    if (!isParagraphStart(content)) return false
    if (this.previous === 'quote' && this.open) return false
    if ((this.previous === 'paragraph' || this.previous === 'item') && this.open) {
      return this.continueProse(line.start, line.end)
    }
    if (!this.closeProse()) return false
    this.list = null
    this.open = {kind: 'paragraph', start: line.start, ranges: [], quoted: false, list: null}
    this.previous = 'paragraph'
    return this.continueProse(line.start, line.end)
  }

  /**
   * Adds a line of content to the open block. The spaces and tabs before its
   * line ending are not content, as micromark reads them; two or more
   * spaces there make a hard break when a line follows ({@link inlineProse}).
   * A backslash before them is left to remark. Every
   * caller passes content that starts with a character other than white space.
   */
  private continueProse(start: number, end: number): boolean {
    const open = this.open!
    const text = this.text
    let contentEnd = end
    while (contentEnd > start && isSpaceOrTab(text.charCodeAt(contentEnd - 1))) contentEnd--
    if (contentEnd < end && text.charCodeAt(contentEnd - 1) === 92) return false
    const last = open.ranges[open.ranges.length - 1]
    if (last) last.ending = start - last.lineEnd
    open.ranges.push({start, end: contentEnd, lineEnd: end, ending: 0})
    if (open.kind === 'paragraph' && !open.quoted) this.previous = 'paragraph'
    return true
  }

  /** Turns the open paragraph or list item into a block. */
  private closeProse(): boolean {
    const open = this.open
    if (!open) return true
    this.open = null
    const prose = this.inlineProse(open.ranges)
    if (!prose) return false
    const last = open.ranges[open.ranges.length - 1]!
    const start = open.kind === 'listItem' ? open.start : open.ranges[0]!.start
    this.blocks.push({kind: open.kind, start, end: last.lineEnd, depth: open.kind === 'listItem' ? (open.depth ?? 1) : 0, prose, list: open.list, quoted: open.quoted})
    return true
  }

  /**
   * The prose of content ranges, each followed by its line ending: the
   * ranges joined read as micromark reads the block's inline content.
   */
  private inlineProse(ranges: readonly ContentRange[]): ProseText | null {
    const text = this.text
    // The inline content and, per character, its source offset (piecewise: a piece per line, and one
    // for its line ending where white space before it was dropped).
    let value = ''
    const pieceStarts: number[] = []
    const pieceSources: number[] = []
    for (const range of ranges) {
      const endingLength = lineEndingLength(text, range.lineEnd, range.ending)
      pieceStarts.push(value.length)
      pieceSources.push(range.start)
      if (range.end === range.lineEnd) {
        value += text.slice(range.start, range.end + endingLength)
        continue
      }
      value += text.slice(range.start, range.end)
      if (endingLength > 0 && isHardBreak(text, range.end, range.lineEnd)) {
        // A hard break: one space where it starts, as remark's break node gives it.
        pieceStarts.push(value.length)
        pieceSources.push(range.end)
        value += ' '
        continue
      }
      if (endingLength === 0) continue
      pieceStarts.push(value.length)
      pieceSources.push(range.lineEnd)
      value += text.slice(range.lineEnd, range.lineEnd + endingLength)
    }
    const marks = markInline(value, this.defined)
    if (!marks) return null
    const prose = new ProseText()
    if (isAllProse(marks)) {
      // No markup: each line's content is appended as it stands.
      for (let index = 0; index < pieceStarts.length; index++) {
        prose.append(value.slice(pieceStarts[index]!, pieceStarts[index + 1] ?? value.length), pieceSources[index]!)
      }
      return prose
    }
    let piece = 0
    const sourceOf = (offset: number): number => {
      while (piece + 1 < pieceStarts.length && pieceStarts[piece + 1]! <= offset) piece++
      return pieceSources[piece]! + (offset - pieceStarts[piece]!)
    }
    let index = 0
    while (index < value.length) {
      const mark = marks[index]!
      let runEnd = index + 1
      while (runEnd < value.length && marks[runEnd] === mark) runEnd++
      if (mark === InlineMark.Keep) {
        // One append per line piece: the map jumps over line prefixes.
        let at = index
        while (at < runEnd) {
          const source = sourceOf(at)
          const pieceEnd = piece + 1 < pieceStarts.length ? Math.min(runEnd, pieceStarts[piece + 1]!) : runEnd
          prose.append(value.slice(at, pieceEnd), source)
          at = pieceEnd
        }
      } else if (mark === InlineMark.Code || mark === InlineMark.Comment) {
        // Each code span or comment is one opaque source slice, as remark's inlineCode or html node is.
        let spanStart = index
        while (spanStart < runEnd) {
          const spanEnd = mark === InlineMark.Code ? codeSpanEnd(value, spanStart, runEnd) : commentEnd(value, spanStart)
          const sourceStart = sourceOf(spanStart)
          const sourceEnd = sourceOf(spanEnd - 1) + 1
          prose.appendOpaque(text.slice(sourceStart, sourceEnd), sourceStart)
          if (mark === InlineMark.Comment) this.comments.push({start: sourceStart, end: sourceEnd})
          spanStart = spanEnd
        }
      }
      index = runEnd
    }
    return prose
  }
}

/** The line that starts at `start`. */
function lineAt(text: string, start: number, pieceEnd: number): Line {
  let newline = text.indexOf('\n', start)
  if (newline === -1 || newline >= pieceEnd) newline = pieceEnd
  const end = newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline
  return {start, end, next: Math.min(newline + 1, pieceEnd)}
}

/**
 * The number of cells of a GFM delimiter row (`| --- | :-: |`), or 0 when
 * the line is not one.
 */
function delimiterRowCells(text: string, start: number, end: number): number {
  let line = text.slice(start, end)
  // Rows without a pipe, or indented, are left to remark.
  if (line.startsWith(' ') || line.startsWith('\t') || !line.includes('|') || listMarker.test(line)) return 0
  line = line.trimEnd()
  if (line.startsWith('|')) line = line.slice(1)
  if (line.endsWith('|')) line = line.slice(0, -1)
  if (line === '') return 0
  let cells = 0
  for (const cell of line.split('|')) {
    const trimmed = cell.trim()
    // Reads stop at the end: optimized code gives up on a `charCodeAt` out of bounds.
    const length = trimmed.length
    let index = 0
    if (index < length && trimmed.charCodeAt(index) === 58) index++
    const dashes = index
    while (index < length && trimmed.charCodeAt(index) === 45) index++
    if (index === dashes) return 0
    if (index < length && trimmed.charCodeAt(index) === 58) index++
    if (index !== length) return 0
    cells++
  }
  return cells
}

/** How many `- `, `+ ` or `* ` markers follow at `start` before other text (a nested list on one line). */
function nestedBullets(text: string, start: number, end: number): number {
  let count = 0
  let index = start
  while (index + 2 < end) {
    const code = text.charCodeAt(index)
    if ((code !== 45 && code !== 43 && code !== 42) || text.charCodeAt(index + 1) !== 32 || isSpaceOrTab(text.charCodeAt(index + 2))) break
    count++
    index += 2
  }
  return count
}

/** Whether every character is prose. */
function isAllProse(marks: Uint8Array): boolean {
  for (let index = 0; index < marks.length; index++) if (marks[index] !== InlineMark.Keep) return false
  return true
}

/** End of the code span starting at `start` (its closing backticks included), within a run of code marks. */
function codeSpanEnd(value: string, start: number, runEnd: number): number {
  let size = 0
  while (value.charCodeAt(start + size) === 96) size++
  let index = start + size
  while (index < runEnd) {
    if (value.charCodeAt(index) === 96) {
      let closeSize = 0
      while (value.charCodeAt(index + closeSize) === 96) closeSize++
      if (closeSize === size) return index + size
      index += closeSize
    } else index++
  }
  return runEnd
}

/** Length of the line ending at `at` when a next line follows (`ending` > 0), else 0. */
function lineEndingLength(text: string, at: number, ending: number): number {
  if (ending === 0) return 0
  return text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10 ? 2 : 1
}

/**
 * Whether the white space from `start` to `end`, before a line ending that
 * another line follows, is a hard break: two or more spaces and no tab.
 */
function isHardBreak(text: string, start: number, end: number): boolean {
  if (end - start < 2) return false
  for (let index = start; index < end; index++) if (text.charCodeAt(index) !== 32) return false
  return true
}

/** Whether a line's content is a thematic break (`***`), a setext underline (`---`, `===`) or a table delimiter row. */
function isBreakOrUnderline(content: string): boolean {
  return thematicBreak.test(content) || underlineOrDelimiterRow.test(content)
}

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9
}

/**
 * Whether a line can start (or continue) a paragraph here: not a block of
 * another kind, not a link reference definition, nothing remark reads
 * differently at the start of a line.
 */
function isParagraphStart(line: string): boolean {
  const first = line.charCodeAt(0)
  // Space, tab, `<` (HTML), `|` and `:` (table rows), `=` (setext underline), `[` (definitions).
  if (first === 32 || first === 9 || first === 60 || first === 124 || first === 58 || first === 61 || first === 91) return false
  if (first === 35 || first === 62) return false
  if (fenceOpening.test(line)) return false
  return true
}

/** What the simple reader found in a piece. */
export interface SimplePiece {
  /** The piece's blocks; their list ids count from 1 within the piece. */
  blocks: BlockSource[]
  /** How many lists the piece opened. */
  lists: number
  /** The HTML comments inside the blocks' inline content, in order ({@link SourceSpan}). */
  comments: SourceSpan[]
}

/** A span of the document: `[start, end)`. */
export interface SourceSpan {
  start: number
  end: number
}

/**
 * Reads one piece of a Markdown document without micromark.
 * @param text The whole document.
 * @param start Start of the piece.
 * @param end End of the piece (exclusive).
 * @param defined Keys of the document's link definitions, or null when it has none ({@link markInline}).
 * @returns The piece's blocks, or null when remark must read it.
 */
export function readSimplePiece(text: string, start: number, end: number, defined: ReadonlySet<string> | null): SimplePiece | null {
  const lists: ListCounter = {count: 0}
  const reader = new SimplePieceReader(text, defined, lists)
  if (!reader.read(start, end)) return null
  return {blocks: reader.blocks, lists: lists.count, comments: reader.comments}
}

/**
 * A link definition alone on its line, of the plain form only: a label with
 * no bracket, backslash or leading `^` (a footnote), then a destination
 * with no white space, parenthesis or `<` first, and no title.
 */
const plainDefinition = /^( {0,3})\[([^[\]\\\r\n]{1,999})\]:[ \t]*[^\s<()\0-\x1f\x7f][^\s()\0-\x1f\x7f]*[ \t]*$/

/** A piece made only of link definitions: its blocks, and each definition's label. */
export interface DefinitionPiece {
  piece: SimplePiece
  labels: string[]
}

/**
 * Reads a piece made only of plain link definitions, one per line
 * ({@link plainDefinition}), and blank lines: each definition is a block of
 * structure, from its `[` to its line's end, as remark's definition node is.
 * @param text The whole document.
 * @param start Start of the piece (a block starts there).
 * @param end End of the piece (exclusive).
 * @returns The blocks and labels, or null when any line is something else.
 */
export function readDefinitionPiece(text: string, start: number, end: number): DefinitionPiece | null {
  const blocks: BlockSource[] = []
  const labels: string[] = []
  let lineStart = start
  while (lineStart < end) {
    const line = lineAt(text, lineStart, end)
    if (!isBlankLine(text, line.start, line.end)) {
      const match = plainDefinition.exec(text.slice(line.start, line.end))
      if (!match || match[2]!.charCodeAt(0) === 94 || !/\S/.test(match[2]!)) return null
      labels.push(match[2]!)
      blocks.push({kind: 'other', start: line.start + match[1]!.length, end: line.end, depth: 0, prose: null, list: null, quoted: false})
    }
    lineStart = line.next
  }
  return {piece: {blocks, lists: 0, comments: []}, labels}
}

