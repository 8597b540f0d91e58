/**
 * The walk over a document's blocks that rules share. While a prose block is
 * visited, `block.tokens` holds its tokens as a flat table and, when the walk
 * was asked for them, `block.paragraph` its nlcst paragraph; both are dropped
 * after the visit, so the tokens of a file never live all at once.
 */
import {BlockTokens} from '../parser/block-tokens.js'
import {Tokenizer} from '../parser/tokenizer.js'
import type {Block, DocumentIndex} from './types.js'

/** Options of {@link walkBlocks}. */
export interface WalkOptions {
  /**
   * Build each prose block's nlcst paragraph before its visit (default true).
   * Without it, `block.paragraph` is null unless the index keeps its trees,
   * and {@link paragraphOf} builds it on demand.
   */
  paragraphs?: boolean
}

/** The tokenizer of each walk in progress, by its token table: {@link paragraphOf} builds with the tokenizer of the block's own walk. */
const walkTokenizers = new WeakMap<BlockTokens, Tokenizer>()

/** A token table no walk is using: the next walk takes it instead of allocating its columns again. */
let spareTokens: BlockTokens | null = null

/**
 * Visits every block of a document in order. While a prose block is visited,
 * `block.tokens` holds its tokens, and `block.paragraph` its nlcst paragraph:
 * the one the index keeps (an index built with `trees: true`), or one built
 * for the visit and dropped after it (unless `paragraphs` is false).
 * @param index The document index.
 * @param visit Called with each block.
 * @param options Whether to build the paragraphs.
 */
export function walkBlocks(index: DocumentIndex, visit: (block: Block) => void, options: WalkOptions = {}): void {
  const paragraphs = options.paragraphs !== false
  const tokenizer = new Tokenizer(index.lines)
  const tokens = spareTokens ?? new BlockTokens()
  spareTokens = null
  walkTokenizers.set(tokens, tokenizer)
  try {
    for (const block of index.blocks) {
      if (!block.prose) {
        visit(block)
        continue
      }
      tokenizer.read(block.prose, tokens)
      block.tokens = tokens
      const kept = block.paragraph
      if (!kept && paragraphs) block.paragraph = tokenizer.paragraphOf(tokens)
      try {
        visit(block)
      } finally {
        block.tokens = null
        block.paragraph = kept
        tokens.release()
      }
    }
  } finally {
    walkTokenizers.delete(tokens)
    spareTokens = tokens
  }
}

/**
 * The nlcst paragraph of a prose block during its visit: the one it holds,
 * or one built from its tokens and kept until the visit ends.
 * @param block A block being visited by {@link walkBlocks}.
 */
export function paragraphOf(block: Block): Block['paragraph'] {
  const tokenizer = block.tokens && !block.paragraph ? walkTokenizers.get(block.tokens) : undefined
  if (!tokenizer) return block.paragraph
  return (block.paragraph = tokenizer.paragraphOf(block.tokens!))
}
