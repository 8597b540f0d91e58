/**
 * Reads Markdown into blocks with remark-parse (GFM and front matter on).
 *
 * Only prose is kept as language: code blocks, inline code, HTML, URLs and
 * front matter are not. Each text node is aligned to its source slice first,
 * so that list indents, `> ` markers, entities, escapes and CRLF do not make
 * positions drift.
 */
import type {Nodes, Parent, PhrasingContent, Root, Text} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {Directive} from '../document/types.js'
import type {LineIndex} from '../text/line-index.js'
import type {BlockSource, ReadDocument} from './block-source.js'
import {markdownChunks} from './markdown-chunks.js'
import {ProseText} from './prose.js'

const markdownParser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml'])

/** How far alignment looks ahead for a character: bounds the work on odd input. */
const maxSkip = 256

const directivePattern = /^<!--\s*bilint-(disable-next-line|disable-line|disable|enable)\b([^>]{0,500})-->$/

/** State of one read. */
class MarkdownReader {
  readonly blocks: BlockSource[] = []
  readonly directives: Directive[] = []
  private listCount = 0

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
  ) {}

  /** Walks block content. */
  visit(node: Nodes, quoted: boolean, listDepth: number): void {
    const start = node.position?.start.offset ?? 0
    const end = node.position?.end.offset ?? start
    switch (node.type) {
      case 'root':
      case 'footnoteDefinition':
        this.visitChildren(node, quoted, listDepth)
        return
      case 'blockquote':
        this.visitChildren(node, true, listDepth)
        return
      case 'heading':
        this.pushProse('heading', node, quoted, node.depth, null)
        return
      case 'paragraph':
        this.pushProse('paragraph', node, quoted, 0, null)
        return
      case 'list': {
        const id = ++this.listCount
        node.children.forEach((item, index) => {
          item.children.forEach((child, childIndex) => {
            if (childIndex === 0 && child.type === 'paragraph') {
              this.pushProse('listItem', child, quoted, listDepth + 1, {id, index, ordered: node.ordered === true}, item)
            } else {
              this.visit(child, quoted, listDepth + 1)
            }
          })
          if (item.children.length === 0) {
            this.pushStructure('listItem', item.position?.start.offset ?? start, item.position?.end.offset ?? start, quoted)
          }
        })
        return
      }
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

  private visitChildren(node: Parent, quoted: boolean, listDepth: number): void {
    for (const child of node.children) this.visit(child as Nodes, quoted, listDepth)
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

  private readDirective(value: string, start: number, end: number): void {
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

/**
 * Reads a Markdown document into blocks and directives.
 * @param text The file's text.
 * @param lines Its line index.
 */
export function readMarkdown(text: string, lines: LineIndex): ReadDocument {
  const reader = new MarkdownReader(text, lines)
  for (const chunk of markdownChunks(text)) {
    const tree = markdownParser.parse(text.slice(chunk.start, chunk.end)) as Root
    if (chunk.start > 0) shiftOffsets(tree, chunk.start)
    reader.visit(tree, false, 0)
  }
  return {blocks: reader.blocks, directives: reader.directives}
}

/** Moves every node's offsets by `shift` (a chunk parsed on its own). Lines and columns are not read. */
function shiftOffsets(node: Nodes, shift: number): void {
  const position = node.position
  if (position) {
    if (position.start.offset !== undefined) position.start.offset += shift
    if (position.end.offset !== undefined) position.end.offset += shift
  }
  if ('children' in node) for (const child of node.children) shiftOffsets(child as Nodes, shift)
}
