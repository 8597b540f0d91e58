/**
 * A block's tokens as a flat list of leaf objects, for rules that read a
 * leaf's neighbours across sentence boundaries and prefer objects to the
 * token table's columns.
 */
import {type BlockTokens, TokenType} from '../parser/block-tokens.js'

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
