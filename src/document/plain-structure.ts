/**
 * Headings and bylines in plain text, where nothing marks them.
 *
 * A heading is a one-line block of at most {@link maxHeadingLength} units
 * that holds one sentence (a leading numbering marker aside) and does not end
 * in sentence or clause punctuation. Unnumbered headings are level 1 (titles);
 * numbered ones are level 2 and deeper, by their place in the outline of
 * numbered headings since the last title. When most blocks would be headings
 * the file is a list or verse, and none are.
 *
 * A byline (`Zhai Qing, member of …`, `By Jane Doe`, `作者：…`) is metadata:
 * neither heading nor body.
 */
import type {Paragraph} from 'nlcst'
import {readWordList} from '../dictionaries.js'
import type {Tokenizer} from '../parser/tokenizer.js'
import {Outline} from './outline.js'
import type {Block} from './types.js'

/** Longest line that can be a heading. */
export const maxHeadingLength = 250

/** Marks after which a line is a sentence or a clause, not a heading. */
const terminalMarks = new Set(['.', '!', '?', '。', '！', '？', ':', '：', ';', '；', ',', '，', '…', '、'])

let bylineRoles: ReadonlySet<string> | undefined

const namePattern = /^[A-Z][a-z’'-]{0,20}(?: [A-Z][a-z’'-]{0,20}){1,2}, (?:the )?([A-Za-z]{2,20})/
const chineseBylinePattern = /^(?:作者|记者|编辑|撰文|文|来源|通讯员)[：:]/

/**
 * Whether a line is a byline: a name followed by a role, or `By …`.
 * @param line The block's text.
 */
export function isByline(line: string): boolean {
  if (line.length > 400) return false
  if (/^By [A-Z]/.test(line) && line.length < 120) return true
  if (chineseBylinePattern.test(line)) return true
  const match = namePattern.exec(line)
  if (!match) return false
  bylineRoles ??= new Set(readWordList('byline-roles.txt'))
  return bylineRoles.has(match[1]!.toLowerCase())
}

/** Number of sentences in a paragraph, not counting one that is only a numbering marker. */
function sentenceCount(paragraph: Paragraph, markerEnd: number): number {
  let count = 0
  for (const child of paragraph.children) {
    if (child.type !== 'SentenceNode') continue
    if (markerEnd > 0 && (child.position?.end.offset ?? 0) <= markerEnd) continue
    count++
  }
  return count
}

/**
 * Whether a plain-text block reads as a heading. Only a short line gets its
 * sentences counted, from its paragraph or, when the index keeps none, from
 * a paragraph tokenized for the purpose.
 */
function looksLikeHeading(block: Block, text: string, tokenizer: Tokenizer): boolean {
  if (!block.prose) return false
  const line = text.slice(block.start, block.end).trim()
  if (line.length === 0 || line.length > maxHeadingLength || line.includes('\n') || line.includes('\r')) return false
  const last = line[line.length - 1]!
  if (terminalMarks.has(last)) return false
  const paragraph = block.paragraph ?? tokenizer.tokenize(block.prose)
  return sentenceCount(paragraph, block.marker?.end ?? 0) <= 1
}

/**
 * Sets `kind` and `depth` of plain-text blocks: headings, bylines, paragraphs.
 * @param blocks The blocks, with their markers (and paragraphs, if kept).
 * @param text The file's text.
 * @param tokenizer The file's tokenizer, for the paragraphs of heading candidates.
 */
export function classifyPlainBlocks(blocks: Block[], text: string, tokenizer: Tokenizer): void {
  const headingFlags = blocks.map((block) => looksLikeHeading(block, text, tokenizer))
  const candidates = headingFlags.filter(Boolean).length
  // A file made mostly of short lines is a list or verse, not sections.
  const allowHeadings = blocks.length <= 3 ? candidates < blocks.length : candidates <= blocks.length * 0.6
  const outline = new Outline<Block>()
  blocks.forEach((block, index) => {
    const line = text.slice(block.start, block.end)
    if (isByline(line)) {
      block.kind = 'metadata'
      return
    }
    if (!allowHeadings || !headingFlags[index]) return
    block.kind = 'heading'
    if (!block.marker || block.marker.style === 'outline') {
      block.depth = block.marker?.style === 'outline' ? 2 + (block.marker.text.split('.').filter(Boolean).length - 1) : 1
      if (!block.marker) outline.reset()
      return
    }
    block.depth = 2 + outline.place(block.marker, block).level
  })
}
