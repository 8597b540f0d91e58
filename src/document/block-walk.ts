/**
 * The walk over a document's blocks that rules share. A prose block's nlcst
 * paragraph exists only while the block is visited, so the trees of a file
 * never live all at once.
 */
import {Tokenizer} from '../parser/tokenizer.js'
import type {Block, DocumentIndex} from './types.js'

/**
 * Visits every block of a document in order. While a prose block is visited,
 * `block.paragraph` holds its nlcst paragraph: the one the index keeps (an
 * index built with `trees: true`), or one tokenized for the visit and dropped
 * after it.
 * @param index The document index.
 * @param visit Called with each block.
 */
export function walkBlocks(index: DocumentIndex, visit: (block: Block) => void): void {
  let tokenizer: Tokenizer | undefined
  for (const block of index.blocks) {
    if (block.paragraph || !block.prose) {
      visit(block)
      continue
    }
    tokenizer ??= new Tokenizer(index.lines)
    block.paragraph = tokenizer.tokenize(block.prose)
    try {
      visit(block)
    } finally {
      block.paragraph = null
    }
  }
}
