/**
 * Plain loops over nlcst paragraphs: about twenty times faster than
 * unist-util-visit, and enough for the shallow trees bilint builds.
 */
import type {Paragraph, Sentence, Word} from 'nlcst'
import {type BlockTokens, TokenType} from '../parser/block-tokens.js'

/**
 * Calls `callback` for each word of a paragraph, in order.
 * @param paragraph The paragraph.
 * @param callback Receives the word, its sentence and its index in the sentence.
 */
export function forEachWord(
  paragraph: Paragraph,
  callback: (word: Word, sentence: Sentence, index: number) => void,
): void {
  for (const sentence of paragraph.children) {
    if (sentence.type !== 'SentenceNode') continue
    const children = sentence.children
    for (let index = 0; index < children.length; index++) {
      const child = children[index]!
      if (child.type === 'WordNode') callback(child, sentence, index)
    }
  }
}

/**
 * The text of a word node.
 * @param word The word.
 */
export function wordText(word: Word): string {
  const children = word.children
  if (children.length === 1) return (children[0] as {value: string}).value
  let text = ''
  for (const child of children) text += (child as {value: string}).value
  return text
}

/**
 * Start and end offsets of a node in the file.
 * @param node Any positioned node.
 */
export function nodeRange(node: {position?: {start: {offset?: number}; end: {offset?: number}} | undefined}): [number, number] {
  return [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0]
}

/** One leaf of a paragraph (a whole word counts as one), with its file offsets. */
export interface ParagraphLeaf {
  /** `word` for a WordNode, `space`, `mark` (punctuation), or `other` (symbols, sources). */
  kind: 'word' | 'space' | 'mark' | 'other'
  /** The leaf's text. */
  value: string
  /** Start offset in the file. */
  start: number
  /** End offset in the file (exclusive). */
  end: number
  /** Index of the paragraph child (sentence or white space) that holds it. */
  sentence: number
}

/** The leaf kind of each token type. */
const leafKinds: Record<number, ParagraphLeaf['kind']> = {
  [TokenType.Word]: 'word',
  [TokenType.Space]: 'space',
  [TokenType.Punctuation]: 'mark',
  [TokenType.Symbol]: 'other',
  [TokenType.Source]: 'other',
}

/**
 * A block's words, marks, spaces, symbols and sources, in order, flat: for
 * rules that look at neighbours across sentence boundaries.
 * @param tokens The block's tokens.
 */
export function blockLeaves(tokens: BlockTokens): ParagraphLeaf[] {
  const leaves: ParagraphLeaf[] = []
  for (let index = 0; index < tokens.length; index++) {
    leaves.push({
      kind: leafKinds[tokens.types[index]!]!,
      value: tokens.texts[index]!,
      start: tokens.starts[index]!,
      end: tokens.ends[index]!,
      sentence: tokens.sentences[index]!,
    })
  }
  return leaves
}
