/**
 * Reads Markdown into blocks: most pieces with bilint's simple reader
 * (`markdown-simple-blocks.ts`), the rest with remark-parse (GFM and front
 * matter on), which is loaded only when a document needs it.
 *
 * Only prose is kept as language: code blocks, inline code, HTML, URLs and
 * front matter are not. Each text node is aligned to its source slice first,
 * so that list indents, `> ` markers, entities, escapes and CRLF do not make
 * positions drift.
 */
import type {Nodes, Paragraph, Parent, PhrasingContent, Text} from 'mdast'
import type {Directive} from '../document/types.js'
import type {LineIndex} from '../text/line-index.js'
import type {BlockSource, ReadDocument} from './block-source.js'
import {markdownChunks, minChunkLength, type MarkdownChunk} from './markdown-chunks.js'
import {frontMatterEnd, frontMatterStart} from './markdown-front-matter.js'
import {addDefinitionLine, definitionKeys, labelKey, mayReference, referencedKeys} from './markdown-labels.js'
import type {definitionLines, PieceParser} from './markdown-remark.js'
import {readDefinitionPiece, readSimplePiece, type ListCounter, type SimplePiece} from './markdown-simple-blocks.js'
import {ProseText} from './prose.js'

/** How far alignment looks ahead for a character: bounds the work on odd input. */
const maxSkip = 256

const directivePattern = /^<!--\s*bilint-(disable-next-line|disable-line|disable|enable)\b([^>]{0,500})-->$/

/** One node waiting in the walk's stack. */
interface WalkStep {
  node: Nodes
  quoted: boolean
  listDepth: number
  /** Set for the paragraph that opens a list item: read as the item. */
  item?: {list: {id: number; index: number; ordered: boolean}; node: Nodes}
}

/** State of one read. */
class MarkdownReader {
  readonly blocks: BlockSource[] = []
  readonly directives: Directive[] = []
  /** Lists so far: remark's and the simple reader's share one count. */
  readonly lists: ListCounter = {count: 0}

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
  ) {}

  /**
   * Adds the blocks the simple reader found, numbering their lists after the
   * ones before, and reads the directives of their HTML, inline or not.
   */
  addSimplePiece(piece: SimplePiece): void {
    const offset = this.lists.count
    const {comments} = piece
    let comment = 0
    for (const block of piece.blocks) {
      for (; comment < comments.length && comments[comment]!.start < block.end; comment++) {
        const {start, end} = comments[comment]!
        this.readDirective(this.text.slice(start, end), start, end)
      }
      if (block.list) block.list.id += offset
      if (block.kind === 'html') this.readDirective(this.text.slice(block.start, block.end), block.start, block.end)
      this.blocks.push(block)
    }
    this.lists.count += piece.lists
  }

  /**
   * Walks block content in document order. The walk keeps its own stack:
   * thousands of nested quotes or lists must not exhaust the call stack.
   */
  visit(root: Nodes, quoted: boolean, listDepth: number): void {
    const stack: WalkStep[] = [{node: root, quoted, listDepth}]
    for (let step = stack.pop(); step; step = stack.pop()) {
      if (step.item) this.pushProse('listItem', step.node as Paragraph, step.quoted, step.listDepth, step.item.list, step.item.node)
      else this.visitNode(step, stack)
    }
  }

  /** Reads one node; its children go on the stack, last first. */
  private visitNode({node, quoted, listDepth}: WalkStep, stack: WalkStep[]): void {
    const start = node.position?.start.offset ?? 0
    const end = node.position?.end.offset ?? start
    switch (node.type) {
      case 'root':
      case 'footnoteDefinition':
      case 'blockquote': {
        const inQuote = quoted || node.type === 'blockquote'
        for (let index = node.children.length - 1; index >= 0; index--) stack.push({node: node.children[index] as Nodes, quoted: inQuote, listDepth})
        return
      }
      case 'heading':
        this.pushProse('heading', node, quoted, node.depth, null)
        return
      case 'paragraph':
        this.pushProse('paragraph', node, quoted, 0, null)
        return
      case 'list': {
        const id = ++this.lists.count
        for (let index = node.children.length - 1; index >= 0; index--) {
          const item = node.children[index]!
          if (item.children.length === 0) stack.push({node: item, quoted, listDepth})
          for (let childIndex = item.children.length - 1; childIndex >= 0; childIndex--) {
            const child = item.children[childIndex]!
            const list = {id, index, ordered: node.ordered === true}
            stack.push(childIndex === 0 && child.type === 'paragraph' ? {node: child, quoted, listDepth: listDepth + 1, item: {list, node: item}} : {node: child, quoted, listDepth: listDepth + 1})
          }
        }
        return
      }
      case 'listItem':
        // An empty item (its children are walked with its list).
        this.pushStructure('listItem', start, end, quoted)
        return
      case 'table':
        this.pushStructure('table', start, end, quoted)
        for (const row of node.children) {
          for (const cell of row.children) this.pushProse('tableCell', cell, quoted, 0, null)
        }
        return
      case 'code':
        this.pushStructure('code', start, end, quoted)
        return
      case 'html':
        this.readDirective(node.value, start, end)
        this.pushStructure('html', start, end, quoted)
        return
      case 'thematicBreak':
        this.pushStructure('thematicBreak', start, end, quoted)
        return
      default:
        // Front matter, definitions and anything else: structure without prose.
        this.pushStructure('other', start, end, quoted)
    }
  }

  private pushStructure(kind: BlockSource['kind'], start: number, end: number, quoted: boolean): void {
    this.blocks.push({kind, start, end, depth: 0, prose: null, list: null, quoted})
  }

  private pushProse(
    kind: BlockSource['kind'],
    node: Parent,
    quoted: boolean,
    depth: number,
    list: BlockSource['list'],
    spanNode: Nodes = node as Nodes,
  ): void {
    const prose = new ProseText()
    this.collectInline(node.children as PhrasingContent[], prose)
    const start = spanNode.position?.start.offset ?? 0
    const end = spanNode.position?.end.offset ?? start
    this.blocks.push({kind, start, end, depth, prose, list, quoted})
  }

  /** Appends the prose of inline content: text kept, markup dropped, code opaque. */
  private collectInline(children: readonly PhrasingContent[], prose: ProseText): void {
    for (const child of children) {
      const start = child.position?.start.offset
      const end = child.position?.end.offset
      switch (child.type) {
        case 'text':
          if (start !== undefined && end !== undefined) this.appendAligned(child, start, end, prose)
          break
        case 'inlineCode':
        case 'html':
          if (start !== undefined && end !== undefined) {
            if (child.type === 'html') this.readDirective(child.value, start, end)
            prose.appendOpaque(this.text.slice(start, end), start)
          }
          break
        case 'break':
          if (start !== undefined) prose.append(' ', start)
          break
        case 'emphasis':
        case 'strong':
        case 'delete':
        case 'link':
        case 'linkReference':
          this.collectInline(child.children, prose)
          break
        default:
          // Images, footnote references: not prose.
          break
      }
    }
  }

  /**
   * Appends a text node so that each of its characters maps to the source
   * character it came from (escapes, entities and line prefixes skipped).
   */
  private appendAligned(node: Text, start: number, end: number, prose: ProseText): void {
    const value = node.value
    const source = this.text
    if (end - start === value.length && source.startsWith(value, start)) {
      prose.append(value, start)
      return
    }
    let sourceIndex = start
    let runStart = 0
    let runSource = start
    const flushRun = (valueEnd: number): void => {
      if (valueEnd > runStart) prose.append(value.slice(runStart, valueEnd), runSource)
    }
    for (let valueIndex = 0; valueIndex < value.length; valueIndex++) {
      const character = value.charCodeAt(valueIndex)
      let target = sourceIndex
      // Find where this character sits: skip escapes, entity bodies and line prefixes.
      const limit = Math.min(end, sourceIndex + maxSkip)
      while (target < limit && source.charCodeAt(target) !== character) {
        const code = source.charCodeAt(target)
        if (code === 38) {
          const semicolon = source.indexOf(';', target)
          if (semicolon !== -1 && semicolon - target <= 32 && semicolon < end) {
            // A decoded entity: its character(s) map onto the `&`.
            break
          }
        }
        target++
      }
      // Not found nearby: keep the character where the source cursor is.
      if (target >= limit) target = Math.min(sourceIndex, Math.max(start, end - 1))
      const entity = source.charCodeAt(target) === 38 && character !== 38
      if (target !== runSource + (valueIndex - runStart) || entity) {
        flushRun(valueIndex)
        runStart = valueIndex
        runSource = target
      }
      if (entity) {
        const semicolon = source.indexOf(';', target)
        // Entities decode to one or two UTF-16 units; both map to the `&`.
        const decodedLength = valueIndex + 1 < value.length && isLowSurrogate(value.charCodeAt(valueIndex + 1)) ? 2 : 1
        flushRun(valueIndex)
        prose.append(value.slice(valueIndex, valueIndex + decodedLength), target)
        valueIndex += decodedLength - 1
        runStart = valueIndex + 1
        sourceIndex = semicolon + 1
        runSource = sourceIndex
        continue
      }
      sourceIndex = target + 1
    }
    flushRun(value.length)
  }

  /** Records a `bilint-…` comment found in an HTML node spanning `[start, end)`. */
  readDirective(value: string, start: number, end: number): void {
    const match = directivePattern.exec(value.trim())
    if (!match) return
    const ruleIds = (match[2] ?? '').split(/[\s,]+/).filter(Boolean)
    this.directives.push({
      kind: match[1] as Directive['kind'],
      ruleIds,
      line: this.lines.point(start).line,
      endLine: this.lines.point(end).line,
    })
  }
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

/** Options of {@link readMarkdown}. */
export interface ReadMarkdownOptions {
  /** Read every piece with remark, none with the simple reader (the reference the tests compare against). */
  remarkOnly?: boolean
}

/** remark's side of the reader, once loaded ({@link loadRemark}). */
interface RemarkSide {
  /** Reads whole pieces. */
  parsePieces: PieceParser
  /** The document's definitions, for the parses that refer to them. */
  definitionLines: typeof definitionLines
}

/** remark's side of the reader, once loaded ({@link loadRemark}). */
let remarkSide: RemarkSide | undefined

/** Loads remark for the pieces the simple reader leaves (about 20 ms the first time). */
export async function loadRemark(): Promise<void> {
  remarkSide ??= await import('./markdown-remark.js')
}

/** How a document will be read: its pieces, each read by the simple reader or left to remark (null). */
interface ReadingPlan {
  /** The pieces, or null when remark reads the whole document piece by piece. */
  pieces: MarkdownChunk[] | null
  /**
   * Each piece as the simple reader reads it, null for remark, or undefined
   * for a piece that may refer to a definition: it is read once the
   * document's definitions are known ({@link readReferringPieces}).
   */
  simple: Array<SimplePiece | null | undefined>
  /** The definitions of the pieces read as definitions ({@link readDefinitionPiece}), by key. */
  definitions: Map<string, string>
  /** The pieces that may hold definitions and are left to remark: it finds those. */
  definingPieces: MarkdownChunk[]
}

/** The keys of a document without definitions. */
const noKeys: ReadonlySet<string> = new Set()

/**
 * Splits a document into pieces and reads those the simple reader can,
 * except front matter, which is remark's. A piece that may hold a
 * definition (with `]:`) is read when it holds only plain ones, else left
 * to remark. The pieces that may refer to a definition are read once the
 * document's definitions are known: here when every definition was plain,
 * else after remark has found them.
 */
function planReading(text: string, options: ReadMarkdownOptions): ReadingPlan {
  const frontMatter = frontMatterEnd(text)
  const definitions = new Map<string, string>()
  const definingPieces: MarkdownChunk[] = []
  if (options.remarkOnly || !simpleReadingApplies(text, frontMatter)) return {pieces: null, simple: [], definitions, definingPieces}
  const keys = text.includes(']:') ? definitionKeys(text) : noKeys
  const pieces = markdownChunks(text, 0)
  const mayDefine = new Set(keys.size > 0 ? definingChunks(text, pieces) : [])
  const simple = pieces.map((piece): SimplePiece | null | undefined => {
    const defining = mayDefine.has(piece)
    if (piece.start < frontMatter) {
      if (defining) definingPieces.push(piece)
      return null
    }
    if (defining) {
      const read = readDefinitionPiece(text, piece.start, piece.end)
      if (!read) {
        definingPieces.push(piece)
        return null
      }
      for (const label of read.labels) addDefinitionLine(definitions, labelKey(label).toLowerCase(), false)
      return read.piece
    }
    return mayReference(text, piece.start, piece.end, keys) ? undefined : readSimplePiece(text, piece.start, piece.end, null)
  })
  if (definingPieces.length === 0) readReferringPieces(text, pieces, simple, new Set(definitions.keys()))
  return {pieces, simple, definitions, definingPieces}
}

/**
 * Reads the pieces that wait for the document's definitions with the
 * simple reader, which resolves their references against the definitions'
 * keys.
 */
function readReferringPieces(text: string, pieces: readonly MarkdownChunk[], simple: Array<SimplePiece | null | undefined>, defined: ReadonlySet<string>): void {
  for (let index = 0; index < pieces.length; index++) {
    if (simple[index] === undefined) simple[index] = readSimplePiece(text, pieces[index]!.start, pieces[index]!.end, defined)
  }
}

/** Whether a plan leaves any piece to remark, or needs it for the document's definitions. */
function needsRemark(plan: ReadingPlan): boolean {
  return plan.pieces === null || plan.simple.some((piece) => !piece)
}

/** The pieces or chunks that may hold a definition: those with `]:`. */
function definingChunks(text: string, chunks: readonly MarkdownChunk[]): MarkdownChunk[] {
  // The chunks and the places are both in document order: one pass over each.
  const defining: MarkdownChunk[] = []
  let mark = text.indexOf(']:')
  for (const chunk of chunks) {
    while (mark !== -1 && mark < chunk.start) mark = text.indexOf(']:', mark + 2)
    if (mark === -1) break
    if (mark < chunk.end) defining.push(chunk)
  }
  return defining
}

/** The document's definitions, by key: those read as plain ones, and those remark finds in the other pieces. */
function definitionsOf(text: string, plan: ReadingPlan): Map<string, string> {
  const {definitions, definingPieces} = plan
  return definingPieces.length === 0 ? definitions : loadedRemark().definitionLines(text, definingPieces, definitions)
}

/**
 * Reads a Markdown document into blocks and directives, loading remark
 * first only when some piece needs it: most documents are read without it.
 * @param text The file's text.
 * @param lines Its line index.
 * @param options Reading options.
 */
export async function readMarkdownLoading(text: string, lines: LineIndex, options: ReadMarkdownOptions = {}): Promise<ReadDocument> {
  const plan = planReading(text, options)
  if (needsRemark(plan)) await loadRemark()
  return readPlanned(text, lines, plan)
}

/**
 * Reads a Markdown document into blocks and directives. Where a piece, or
 * the document's link definitions, need remark, {@link loadRemark} must
 * have been awaited before.
 * @param text The file's text.
 * @param lines Its line index.
 * @param options Reading options.
 * @throws When remark is needed and not loaded.
 */
export function readMarkdown(text: string, lines: LineIndex, options: ReadMarkdownOptions = {}): ReadDocument {
  return readPlanned(text, lines, planReading(text, options))
}

/** remark's side of the reader, or an error saying it must be loaded first. */
function loadedRemark(): RemarkSide {
  if (!remarkSide) throw new Error('remark is not loaded: await loadRemark() before readMarkdown()')
  return remarkSide
}

/**
 * The definitions a remark parse of `pieces` needs: those whose labels
 * appear in them, once each. Only these change how the pieces read, and
 * micromark looks each reference up among all the definitions it knows.
 */
function definitionsFor(text: string, pieces: readonly MarkdownChunk[], lines: ReadonlyMap<string, string>): string {
  if (lines.size === 0) return ''
  const keys = new Set<string>()
  for (const piece of pieces) referencedKeys(text, piece.start, piece.end, lines, (key) => keys.add(key))
  let definitions = ''
  for (const key of keys) definitions += lines.get(key)!
  return definitions
}

/** Parses `pieces` with remark, with the definitions they refer to. */
function parseWithDefinitions(text: string, pieces: readonly MarkdownChunk[], lines: ReadonlyMap<string, string>): Nodes[] {
  return loadedRemark().parsePieces(text, pieces, definitionsFor(text, pieces, lines))
}

/** Reads the planned pieces: the simple ones as read, the others with remark, several per parse. */
function readPlanned(text: string, lines: LineIndex, plan: ReadingPlan): ReadDocument {
  const reader = new MarkdownReader(text, lines)
  const {pieces, simple} = plan
  if (pieces === null) {
    const chunks = markdownChunks(text)
    const defined = new Map<string, string>()
    if (chunks.length > 1) loadedRemark().definitionLines(text, definingChunks(text, chunks), defined)
    for (const chunk of chunks) {
      for (const node of parseWithDefinitions(text, [chunk], defined)) reader.visit(node, false, 0)
    }
    return {blocks: reader.blocks, directives: reader.directives}
  }
  // Computed when a piece first needs remark or the definitions.
  let defined: Map<string, string> | undefined
  if (simple.includes(undefined)) {
    defined = definitionsOf(text, plan)
    readReferringPieces(text, pieces, simple, new Set(defined.keys()))
  }
  let index = 0
  while (index < pieces.length) {
    const found = simple[index]
    if (found) {
      reader.addSimplePiece(found)
      index++
      continue
    }
    // The next pieces remark reads, parsed together (one parse costs as much
    // as a few kilobytes of text); the simple pieces in between keep their place.
    defined ??= definitionsOf(text, plan)
    const batch: MarkdownChunk[] = []
    let batchLength = 0
    let next = index
    for (; next < pieces.length && batchLength < minChunkLength; next++) {
      if (simple[next]) continue
      batch.push(pieces[next]!)
      batchLength += pieces[next]!.end - pieces[next]!.start
    }
    const nodes = parseWithDefinitions(text, batch, defined)
    let nodeIndex = 0
    for (let at = index; at < next; at++) {
      const piece = simple[at]
      if (piece) {
        reader.addSimplePiece(piece)
        continue
      }
      const end = pieces[at]!.end
      while (nodeIndex < nodes.length && (nodes[nodeIndex]!.position?.start.offset ?? end) < end) reader.visit(nodes[nodeIndex++]!, false, 0)
    }
    index = next
  }
  return {blocks: reader.blocks, directives: reader.directives}
}

/**
 * Whether the simple reader may take pieces of this document: not when it
 * holds NUL or lone carriage returns, which micromark rewrites or splits
 * lines at; and not when it opens with a front matter fence that nothing
 * closes: after such a fence, remark reads no later footnote definition,
 * and reads some later block quotes as text, which pieces read on their
 * own would not.
 * @param frontMatter Where the document's front matter ends ({@link frontMatterEnd}).
 */
function simpleReadingApplies(text: string, frontMatter: number): boolean {
  if (text.includes('\0')) return false
  if (frontMatter === 0 && frontMatterStart.test(text)) return false
  for (let index = text.indexOf('\r'); index !== -1; index = text.indexOf('\r', index + 1)) {
    if (text.charCodeAt(index + 1) !== 10) return false
  }
  return true
}
