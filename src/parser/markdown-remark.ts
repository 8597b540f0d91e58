/**
 * remark's side of the Markdown reader: parses the pieces the simple reader
 * leaves with remark-parse (GFM and front matter on), several pieces per
 * parse, and moves the nodes' offsets back into the document. A module of
 * its own so that remark is loaded only when a document needs it.
 */
import type {Nodes, Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified, type Processor} from 'unified'
import {minChunkLength, type MarkdownChunk} from './markdown-chunks.js'
import {frontMatterStart} from './markdown-front-matter.js'
import {addDefinitionLine} from './markdown-labels.js'

/**
 * Parses pieces of a document with remark: the top-level nodes, with offsets
 * in the document. `definitions` (from {@link definitionLines}) are the
 * document's link and footnote definitions that the pieces refer to, parsed
 * with them so that references resolve as in the whole document.
 */
export type PieceParser = (text: string, pieces: readonly MarkdownChunk[], definitions?: string) => Nodes[]

/**
 * Drops the tree transforms of remark's Markdown extensions (GFM's second
 * pass over text for literal URLs): the nodes it makes have no positions,
 * so their text would be lost to the aligner, and a URL's characters are
 * prose whether or not they are a link.
 */
function withoutTreeTransforms(this: Processor): void {
  const extensions = this.data('fromMarkdownExtensions') as unknown[] | undefined
  if (!extensions) return
  const strip = (extension: unknown): unknown =>
    Array.isArray(extension) ? extension.map(strip) : {...(extension as object), transforms: []}
  this.data('fromMarkdownExtensions', extensions.map(strip) as never)
}

/** The parser for a piece at the start of the document, where front matter may be. */
const documentStartParser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).use(withoutTreeTransforms)
/** The parser for later pieces: a `---` there is a thematic break or a setext underline, never front matter. */
const laterPieceParser = unified().use(remarkParse).use(remarkGfm).use(withoutTreeTransforms)

/**
 * Parses pieces of the document with remark as one text, and returns the
 * top-level nodes with offsets in the document. The pieces end and start at
 * top-level block boundaries, so that their concatenation parses as each
 * would where it stands.
 *
 * Definitions go before the pieces, closed by a blank line, an empty HTML
 * comment and a blank line, where they cannot change how a piece's blocks
 * start. Before a document's front matter, which must come first, they go
 * after the pieces instead, after a blank line; a block left open there (an
 * unclosed fence or HTML comment) takes them in, so a node's end is kept
 * within the pieces. Their nodes are dropped.
 */
export const parsePieces: PieceParser = (text, pieces, definitions = '') => {
  const last = pieces[pieces.length - 1]!
  // Trailing blank lines belong to no block: without them, a block left open
  // (a fence in a list item) ends where it would in the whole document.
  const lastEnd = withoutTrailingBlankLines(text, last.start, last.end)
  const after = definitions !== '' && pieces[0]!.start === 0 && frontMatterStart.test(text)
  // An HTML comment after them closes a footnote definition, which an indented first line would continue.
  const prefix = definitions !== '' && !after ? `${definitions}<!---->\n\n` : ''
  const segments: Segment[] = []
  let joined = prefix
  for (const piece of pieces) {
    segments.push({joinedStart: joined.length, sourceStart: piece.start})
    joined += text.slice(piece.start, piece === last ? lastEnd : piece.end)
  }
  const end = joined.length
  if (after) joined += `${/[\r\n]$/.test(joined) ? '' : '\n'}\n${definitions}`
  const tree = parserFor(pieces[0]!).parse(joined) as Root
  if (definitions !== '') keepPieceNodes(tree, prefix.length, end)
  if (segments.length > 1 || segments[0]!.sourceStart > 0 || prefix !== '') moveOffsets(tree, segments)
  return tree.children as Nodes[]
}

/** The parser for text that starts with `first`: front matter only at the document's start. */
function parserFor(first: MarkdownChunk): typeof laterPieceParser {
  return first.start === 0 ? documentStartParser : laterPieceParser
}

/**
 * Drops the top-level nodes outside `[start, end)` of the parsed text (the
 * definitions), and ends a node that runs past `end` there.
 */
function keepPieceNodes(tree: Root, start: number, end: number): void {
  tree.children = tree.children.filter((node) => {
    const offset = node.position?.start.offset ?? start
    return offset >= start && offset < end
  })
  const stack: Nodes[] = [...tree.children]
  for (let node = stack.pop(); node; node = stack.pop()) {
    const position = node.position
    if (!position || (position.end.offset ?? 0) <= end) continue
    position.end = {...position.end, offset: end}
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes)
  }
}

/**
 * The link and footnote definitions of a document, each as a paragraph to
 * parse with a batch of pieces that refers to it (see {@link parsePieces}),
 * by the key of its label ({@link addDefinitionLine}). Only the labels
 * matter, since a reference's text is prose whichever address it has.
 * @param text The document.
 * @param pieces Its pieces that may hold definitions (those with `]:`).
 * @param lines Where to add them.
 */
export function definitionLines(text: string, pieces: readonly MarkdownChunk[], lines: Map<string, string>): Map<string, string> {
  // A few kilobytes per parse: micromark looks each reference up among all
  // the definitions of its parse, so one parse of thousands would be quadratic.
  for (let first = 0; first < pieces.length; ) {
    let joined = ''
    let next = first
    for (; next < pieces.length && joined.length < minChunkLength; next++) joined += `${text.slice(pieces[next]!.start, pieces[next]!.end)}\n\n`
    addDefinitionLines(parserFor(pieces[first]!).parse(joined) as Root, lines)
    first = next
  }
  return lines
}

/** Adds the definitions of a parsed tree to `lines` (see {@link definitionLines}). */
function addDefinitionLines(tree: Root, lines: Map<string, string>): void {
  const stack: Nodes[] = [tree]
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'definition') addDefinitionLine(lines, node.identifier, false)
    else if (node.type === 'footnoteDefinition') addDefinitionLine(lines, node.identifier, true)
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes)
  }
}

/** Where a piece starts in the parsed text and in the document. */
interface Segment {
  joinedStart: number
  sourceStart: number
}

/** Moves every node's offsets from the parsed text to the document. Lines and columns are not read. */
function moveOffsets(tree: Root, segments: readonly Segment[]): void {
  const toSource = (offset: number): number => {
    let low = 0
    let high = segments.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (segments[middle]!.joinedStart <= offset) low = middle
      else high = middle - 1
    }
    return segments[low]!.sourceStart + (offset - segments[low]!.joinedStart)
  }
  const stack: Nodes[] = [tree]
  for (let node = stack.pop(); node; node = stack.pop()) {
    const position = node.position
    if (position) {
      // An end is the offset just past the node: map the last character's offset.
      const {start, end} = position
      if (end.offset !== undefined) end.offset = end.offset > (start.offset ?? 0) ? toSource(end.offset - 1) + 1 : toSource(end.offset)
      if (start.offset !== undefined) start.offset = toSource(start.offset)
    }
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes)
  }
}

/** `end` moved back over the blank lines that end the chunk `[start, end)`, keeping the last content line's line ending. */
function withoutTrailingBlankLines(text: string, start: number, end: number): number {
  let cut = end
  let index = end - 1
  while (index >= start) {
    const code = text.charCodeAt(index)
    if (code === 10) {
      cut = index + 1
    } else if (code !== 13 && code !== 32 && code !== 9) {
      break
    }
    index--
  }
  return index < start ? end : cut
}

