/**
 * Blocks as the format readers find them, before tokenizing.
 */
import type {BlockKind, Directive} from '../document/types.js'
import type {ProseText} from './prose.js'

/** A block found by a format reader. */
export interface BlockSource {
  /** What the block is; plain-text paragraphs are classified later. */
  kind: BlockKind
  /** Start offset in the file. */
  start: number
  /** End offset (exclusive). */
  end: number
  /** Heading level or list depth; 0 otherwise. */
  depth: number
  /** The prose, for blocks that hold language. */
  prose: ProseText | null
  /** Markdown list membership. */
  list: {id: number; index: number; ordered: boolean} | null
  /** Inside a block quote. */
  quoted: boolean
}

/** What a format reader returns. */
export interface ReadDocument {
  /** Blocks in document order. */
  blocks: BlockSource[]
  /** Suppression comments. */
  directives: Directive[]
}
