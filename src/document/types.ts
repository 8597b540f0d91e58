/**
 * The document index: one per file, built in one walk, read by every rule.
 */
import type {Paragraph, Root} from 'nlcst'
import type {BlockTokens} from '../parser/block-tokens.js'
import type {ProseText} from '../parser/prose.js'
import type {LineIndex} from '../text/line-index.js'
import type {NumberingMarker} from './numbering.js'

/** What a block is in the document's structure. */
export type BlockKind =
  | 'heading'
  | 'paragraph'
  | 'listItem'
  | 'tableCell'
  | 'metadata'
  | 'code'
  | 'html'
  | 'table'
  | 'thematicBreak'
  | 'other'

/** Language of a block or document, from its scripts: `und` when it has no letters. */
export type ScriptLanguage = 'en' | 'zh' | 'und'

/** Letter counts by script. */
export interface ScriptCounts {
  /** Han characters (UTF-16 units of astral ones count once each). */
  han: number
  /** Latin letters. */
  latin: number
}

/** A block of the document: heading, paragraph, list item, code block, … */
export interface Block {
  /** What the block is. */
  kind: BlockKind
  /** Start offset in the file text (without BOM). */
  start: number
  /** End offset (exclusive). */
  end: number
  /** Heading level (1–6) for headings; nesting depth (1-based) for list items; 0 otherwise. */
  depth: number
  /** The block's prose, for blocks that hold language. */
  prose: ProseText | null
  /**
   * The block's nlcst paragraph, for blocks that hold language: set while the
   * engine walks the blocks (during a rule's `block` hook for this block),
   * and throughout in an index built with `trees: true`; null otherwise.
   */
  paragraph: Paragraph | null
  /**
   * The tokens of the block's prose as a flat table: set while the engine
   * walks the blocks (during a rule's `block` hook for this block), null
   * otherwise. The table is reused for the next block: keep what later hooks
   * need, not the table.
   */
  tokens: BlockTokens | null
  /** The numbering marker the block starts with, if any. */
  marker: NumberingMarker | null
  /** Letter counts of the block's prose (code and literals excluded). */
  scripts: ScriptCounts
  /** The block's language from its scripts. */
  language: ScriptLanguage
  /** For Markdown list items: which list (a number unique in the document) and the item's index in it. */
  list: {id: number; index: number; ordered: boolean} | null
  /** Whether the block sits inside a block quote. */
  quoted: boolean
}

/** A `bilint-disable` style directive found in an HTML comment. */
export interface Directive {
  /** What it does. */
  kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line'
  /** Rule ids it names; empty for all rules. */
  ruleIds: string[]
  /** 1-based line of the comment's start. */
  line: number
  /** 1-based line of the comment's end. */
  endLine: number
}

/** Input formats bilint reads. */
export type DocumentFormat = 'markdown' | 'text'

/** Everything rules know about one file. */
export interface DocumentIndex {
  /** The file's text, without BOM. */
  text: string
  /** Offsets to lines and columns. */
  lines: LineIndex
  /** How the text was parsed. */
  format: DocumentFormat
  /** The document's language: forced by configuration, or from its scripts (and franc for Latin text). */
  language: ScriptLanguage | string
  /** Blocks in document order. */
  blocks: Block[]
  /** The nlcst tree, one ParagraphNode per prose block, in an index built with `trees: true`; null otherwise. */
  root: Root | null
  /** Suppression comments (Markdown only). */
  directives: Directive[]
}
