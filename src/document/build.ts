/**
 * Builds the document index of one file: blocks, numbering markers, headings
 * and languages, in one pass over the blocks. The nlcst paragraphs are built
 * only when asked for: the engine tokenizes each block again while it walks
 * the blocks, so a file's trees never live all at once.
 */
import type {Root} from 'nlcst'
import type {BlockSource} from '../parser/block-source.js'
import {readPlainText} from '../parser/plain-text.js'
import {TokenRecord} from '../parser/token-record.js'
import {Tokenizer} from '../parser/tokenizer.js'
import {LineIndex} from '../text/line-index.js'
import {countProseScripts, countScripts, languageOfCounts, latinLanguage} from './language.js'
import {parseMarker, type NumberingMarker} from './numbering.js'
import {classifyPlainBlocks} from './plain-structure.js'
import type {Block, DocumentFormat, DocumentIndex, ScriptCounts} from './types.js'

/** How to build an index. */
export interface BuildOptions {
  /** How to read the text. */
  format: DocumentFormat
  /** Forces the document language instead of detecting it. */
  language?: 'en' | 'zh' | undefined
  /**
   * Keep every block's nlcst paragraph (`block.paragraph`) and the tree of
   * them all (`root`), for retext plugins and tests. Without it (the
   * default) blocks hold no paragraph and `root` is null.
   */
  trees?: boolean
}

/** An index built with `trees: true`: every prose block keeps its paragraph, and `root` holds them all. */
export interface DocumentTree extends DocumentIndex {
  /** The nlcst tree: one ParagraphNode per prose block. */
  root: Root
}

/** How much Latin-script prose is sampled for franc. */
const latinSampleLength = 2048

/**
 * Builds the index of a document.
 * @param text The file's text, without BOM.
 * @param options Format, language and whether to keep the trees.
 */
export async function buildDocument(text: string, options: BuildOptions & {trees: true}): Promise<DocumentTree>
export async function buildDocument(text: string, options: BuildOptions): Promise<DocumentIndex>
export async function buildDocument(text: string, options: BuildOptions): Promise<DocumentIndex> {
  const lines = new LineIndex(text)
  // The Markdown reader is loaded only for Markdown files, and remark only for a document that needs it.
  const read =
    options.format === 'markdown' ? await (await import('../parser/markdown.js')).readMarkdownLoading(text, lines) : readPlainText(text)
  const tokenizer = new Tokenizer(lines)
  const totals: ScriptCounts = {han: 0, latin: 0}
  const trees = options.trees === true
  const record = new TokenRecord(maxRecordedTokens)
  const blocks = read.blocks.map((source) => toBlock(source, tokenizer, text, totals, trees, record))
  if (options.format === 'text') classifyPlainBlocks(blocks, text, tokenizer)
  const root = trees ? treeOf(blocks, lines, text.length) : null
  let language: DocumentIndex['language'] = options.language ?? languageOfCounts(totals)
  if (!options.language && language === 'en') language = toLanguageTag(await latinLanguage(latinSample(blocks)))
  return {text, lines, format: options.format, language, blocks, root, directives: read.directives}
}

/** The nlcst tree of the blocks' paragraphs. */
function treeOf(blocks: readonly Block[], lines: LineIndex, length: number): Root {
  const root: Root = {type: 'RootNode', children: []}
  for (const block of blocks) if (block.paragraph) root.children.push(block.paragraph)
  if (root.children.length > 0) root.position = {start: {line: 1, column: 1, offset: 0}, end: lines.point(length)}
  return root
}

/**
 * Tokens a document keeps from the scan that counts its letters, for the
 * walk to replay instead of scanning each block again: 4 bytes each, so at
 * most 16 MB (a document of about 13 MB); the blocks past it are scanned twice.
 */
const maxRecordedTokens = 4_000_000

/** Reads a block's marker and scripts, tokenizing its prose when its paragraph is kept. */
function toBlock(
  source: BlockSource,
  tokenizer: Tokenizer,
  text: string,
  totals: ScriptCounts,
  trees: boolean,
  record: TokenRecord,
): Block {
  const paragraph = trees && source.prose ? tokenizer.tokenize(source.prose) : null
  const scripts = paragraph ? countScripts(paragraph) : source.prose ? countProseScripts(tokenizer, source.prose, record) : {han: 0, latin: 0}
  totals.han += scripts.han
  totals.latin += scripts.latin
  let marker: NumberingMarker | null = null
  if (source.list?.ordered) marker = listItemMarker(text, source.start)
  else if (source.prose) marker = proseMarker(source)
  return {
    kind: source.kind,
    start: source.start,
    end: source.end,
    depth: source.depth,
    prose: source.prose,
    paragraph,
    tokens: null,
    marker,
    scripts,
    language: languageOfCounts(scripts),
    list: source.list,
    quoted: source.quoted,
  }
}

/** The marker a block's prose opens with, with offsets in the file. */
function proseMarker(source: BlockSource): NumberingMarker | null {
  const prose = source.prose!
  let offset = 0
  while (offset < prose.value.length && /\s/.test(prose.value[offset]!)) offset++
  const marker = parseMarker(prose.value, offset)
  if (!marker) return null
  return {...marker, start: prose.toSource(marker.start), end: prose.toSourceEnd(marker.end)}
}

/** The number of an ordered Markdown list item, read from its source (`3.` or `3)`). */
function listItemMarker(text: string, start: number): NumberingMarker | null {
  const match = /^(\d{1,9})([.)])/.exec(text.slice(start, start + 12))
  if (!match) return null
  return {
    style: match[2] === '.' ? 'decimal-dot' : 'decimal-paren-right',
    value: Number(match[1]),
    text: match[0],
    start,
    end: start + match[0].length,
  }
}

/** Up to {@link latinSampleLength} characters of the document's Latin-script blocks. */
function latinSample(blocks: Block[]): string {
  let sample = ''
  for (const block of blocks) {
    if (block.language !== 'en' || !block.prose) continue
    sample += `${block.prose.value} `
    if (sample.length >= latinSampleLength) break
  }
  return sample.slice(0, latinSampleLength)
}

/** bilint's language for a franc code: `en` for English, the ISO 639-3 code otherwise. */
function toLanguageTag(code: string): string {
  return code === 'eng' ? 'en' : code
}
