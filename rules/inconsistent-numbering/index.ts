/**
 * inconsistent-numbering: numbered headings, paragraphs, list items and
 * sentence-initial enumerations that switch style within one level (`1.`
 * then `二、`, `First,` then `The second is`), skip a number (`Second,` then
 * `Fourth,`) or repeat one (`2.` then `2.`), and Chinese numbering left in an
 * English document.
 *
 * Sequences are keyed by where the markers stand:
 * - headings: one scope per heading level, emptied by any heading of a
 *   higher level (a new article in plain text is a level-1 heading);
 * - body paragraphs: one scope per section (every heading opens a new one);
 * - Markdown lists: one scope per list (ordered lists count their numbers);
 * - sentences: one scope per paragraph, for markers that open a sentence
 *   (`First, … The second is …`) or a Chinese clause (`一是……；二是……`).
 * Within a scope the {@link Outline} nests styles (GB/T 9704 `一、` › `（一）` ›
 * `1.` › `（1）`): a new style that starts at 1 opens a deeper level, a new
 * style that does not is a switch within the current level.
 */
import {
  chineseStyles,
  formatMarker,
  inlineStyles,
  mayStartMarker,
  parseMarker,
  type NumberingMarker,
  type NumberingStyle,
} from '../../src/document/numbering.js'
import {Outline, type NumberedSequence} from '../../src/document/outline.js'
import type {Block, DocumentIndex} from '../../src/document/types.js'
import {type BlockTokens, TokenType} from '../../src/parser/block-tokens.js'
import {isSinglePieceWord, wordPieces} from '../../src/parser/tokenizer.js'
import {defineRule, type RuleReport} from '../../src/engine/rule.js'
import {meta} from './meta.js'

/** Options of inconsistent-numbering. */
export interface InconsistentNumberingOptions {
  /**
   * Also check markers that open a sentence inside a paragraph
   * (`First, … The second is …`) or a Chinese clause (`一是……；二是……`)
   * (default: `true`).
   */
  checkInline: boolean
  /**
   * Report Chinese numbering (`一、`, `一是`, `（一）`) in a document whose
   * language is English, even as the first marker of its sequence (default: `true`).
   */
  checkChineseInEnglish: boolean
}

/** A marker and the block it stands in. */
interface Item {
  marker: NumberingMarker
  block: Block
  /** How many markers the walk had logged before it: the markers between two items of a sequence can fill its gaps. */
  logIndex: number
}

/** What is wrong with one marker. */
type Problem =
  /** A marker of another style inside a sequence: `二、` after `1.`; `sample` shows the sequence's style (`1.`). */
  | {kind: 'switch'; item: Item; sequenceStyle: NumberingStyle; expectedText: string; sample: string}
  /** A gap or a repeat: `Fourth,` after `Second,`; `2.` after `2.`. `value` is the number counted (`3` in `1.3`). */
  | {kind: 'count'; item: Item; previous: Item; value: number; expectedValue: number; expectedText: string}
  /** Chinese numbering in an English document. */
  | {kind: 'chinese'; item: Item}

/** Styles whose marker is part of the sentence's grammar (`The second is to …`): switching them needs a rewrite. */
const wordStyles: ReadonlySet<NumberingStyle> = new Set(['ordinal-comma', 'ordinal-is', 'cn-shi', 'cn-di', 'cn-chapter', 'step'])

/** Letter and Roman styles, whose markers are also initials and abbreviations (`Q.`, `P. S.`, `V. Smith`). */
const letterStyles: ReadonlySet<NumberingStyle> = new Set(['alpha-upper', 'alpha-lower', 'roman-upper', 'roman-lower'])

/** Styles that also count when they open a clause after `；`, `：` or `，` (`一是……；二是……`). */
const clauseStyles: ReadonlySet<NumberingStyle> = new Set(['cn-shi', 'cn-di', 'decimal-paren', 'decimal-fullwidth-paren', 'circled'])

/** The English style an untranslated Chinese marker maps to (`二、` → `2.`). */
const englishEquivalents: ReadonlyMap<NumberingStyle, NumberingStyle> = new Map([
  ['cn-dun', 'decimal-dot'],
  ['decimal-dun', 'decimal-dot'],
  ['cn-paren', 'decimal-paren'],
  ['decimal-fullwidth-paren', 'decimal-paren'],
])

/** The UTF-16 codes of the characters of `marks`: a set that tests a one-character mark without hashing a string. */
function charCodesOf(marks: string): ReadonlySet<number> {
  return new Set(Array.from(marks, (mark) => mark.charCodeAt(0)))
}

/** Punctuation that ends a sentence; nlcst does not always split after it (`do X. (1) …`). */
const sentenceEnds = charCodesOf('.!?。！？')

/** Chinese punctuation after which a clause-style marker opens a clause (`；二是`); after `:` or `;` in English it may be a log line (`CMD 1: (1) create`). */
const clauseEnds = charCodesOf('；：，')

/** Closing quotes and brackets that may sit between a sentence end and the next marker (`。”二是`). */
const closers: ReadonlySet<string> = new Set(['"', "'", '”', '’', ')', '）', '」', '』', '】'])

/** The most numbers a gap may skip; a longer jump (`40.` after `1.`, `i)` after `a)`) is a new list or a table, not a slip. */
const maxGap = 3

/** How much of a sentence is read for a marker (the longest marker is `The eleventh is`). */
const headLength = 48

/** The values a sequence may take next: the number by position first, then the one after the last written number. */
class SequenceCount {
  private accepted: number[]
  /** The last number written. */
  private lastValue: number

  /**
   * @param first The value of the sequence's first marker.
   */
  constructor(first: number) {
    this.accepted = [first + 1]
    this.lastValue = first
  }

  /**
   * Whether a value falls below the last number written: the sequence counts
   * down or starts over (`20.x`, `19.x`, … in a list of versions), it does not repeat.
   * @param value The marker's value.
   */
  fallsBack(value: number): boolean {
    return value < this.lastValue
  }

  /**
   * Whether a value fits the count.
   * @param value The marker's value.
   */
  accepts(value: number): boolean {
    return this.accepted.includes(value)
  }

  /**
   * Counts a marker; returns the value expected instead, or null when it fits.
   * After a repeat both the position and the written number may go on
   * (`1. 2. 2. 4.` and `1. 2. 2. 3.` each get one message); after a gap the
   * count goes on from the written number (`Fifth,` after `Fourth,` is fine).
   * A jump of more than {@link maxGap} numbers starts the count over.
   * @param value The marker's value.
   */
  next(value: number): number | null {
    const expected = this.accepted[0]!
    this.lastValue = value
    if (this.accepted.includes(value) || value > expected + maxGap) {
      this.accepted = [value + 1]
      return null
    }
    this.accepted = value < expected ? [expected + 1, value + 1] : [value + 1]
    return expected
  }
}

/**
 * A marker for `value` written like `model`, the first marker of its
 * sequence: `b)` after `a)`, `(二)` after `(一)`, `Secondly,` after `Firstly,`.
 * @param model The sequence's first marker.
 * @param value The number.
 */
function formatLike(model: NumberingMarker, value: number): string {
  const text = formatMarker(model.style, value)
  if ((model.style === 'alpha-upper' || model.style === 'alpha-lower') && model.text.endsWith(')')) return `${text.slice(0, -1)})`
  if (model.style === 'cn-paren' && model.text.startsWith('(')) return `(${text.slice(1, -1)})`
  if (model.style === 'ordinal-comma' && model.text.endsWith('ly,') && value <= 12) return `${text.slice(0, -1)}ly,`
  return text
}

/** The parts of an outline number: `1.2.` → prefix `1`, value 2, trailing dot. */
function splitOutlineNumber(text: string): {prefix: string; value: number; trailingDot: boolean} {
  const parts = text.split('.').filter((part) => part !== '')
  return {prefix: parts.slice(0, -1).join('.'), value: Number(parts[parts.length - 1]), trailingDot: text.endsWith('.')}
}

/** The letter style a one-letter Roman numeral can also be read in (`v.` after `u.`). */
function letterStyleOf(marker: NumberingMarker): 'alpha-upper' | 'alpha-lower' | null {
  if (marker.text.length !== 2) return null
  if (marker.style === 'roman-upper') return 'alpha-upper'
  if (marker.style === 'roman-lower') return 'alpha-lower'
  return null
}

/**
 * Whether the markers logged between `previous` and `item` show `item`
 * continuing a sequence of its own style, nested out of sight: `d.` after
 * `3.` when `c.` opened a later line of a paragraph in between.
 */
type NestedSequenceTest = (item: Item, previous: Item) => boolean

/** The sequences of one scope: a heading level, a section's body, a list or a paragraph's sentences. */
class Scope {
  private readonly outline = new Outline<Item>()
  private readonly counts = new Map<NumberedSequence, SequenceCount>()
  /** Outline numbers (`1.2`) by prefix (`1`): they carry their level, so they need no style nesting. */
  private readonly outlineNumbers = new Map<string, {count: SequenceCount; last: Item}>()
  /** `第一章`, `第一节`, `第一条` share a style but count apart: one scope per unit. */
  private readonly unitScopes = new Map<string, Scope>()
  /** The last value placed in each letter or Roman style: to read `v.` after `u.` as a letter, and to tell a list from `Q.` and `P. S.` */
  private readonly lastLetterValues = new Map<NumberingStyle, number>()

  /**
   * @param continuesNestedSequence Tells a marker of another style that goes on from a nested sequence (default: never).
   */
  constructor(private readonly continuesNestedSequence: NestedSequenceTest = () => false) {}

  /**
   * Places an item in its sequence and returns what is wrong with it.
   * @param item The marker and its block.
   */
  place(item: Item): Problem | null {
    if (item.marker.style === 'outline') return this.placeOutlineNumber(item)
    if (item.marker.style === 'cn-chapter') return this.unitScope(item.marker.text).placeMarker(item)
    const read = this.readAsLetter(item)
    if (!this.isListLetter(read.marker)) return null
    if (letterStyles.has(read.marker.style)) this.lastLetterValues.set(read.marker.style, read.marker.value)
    return this.placeMarker(read)
  }

  /**
   * Whether a letter or Roman marker reads as a list item: it is one of the
   * first {@link maxGap} or follows one of its style closely. `Q.` of a Q&A
   * and `P. S.` do not.
   */
  private isListLetter(marker: NumberingMarker): boolean {
    if (!letterStyles.has(marker.style) || marker.value <= maxGap) return true
    const last = this.lastLetterValues.get(marker.style)
    return last !== undefined && last < marker.value && marker.value - last <= maxGap + 1
  }

  private unitScope(markerText: string): Scope {
    const unit = markerText[markerText.length - 1]!
    let scope = this.unitScopes.get(unit)
    if (!scope) {
      scope = new Scope(this.continuesNestedSequence)
      this.unitScopes.set(unit, scope)
    }
    return scope
  }

  /** The item with a one-letter Roman numeral read as the letter that continues a letter sequence. */
  private readAsLetter(item: Item): Item {
    const letterStyle = letterStyleOf(item.marker)
    if (!letterStyle) return item
    const letterValue = item.marker.text.toLowerCase().charCodeAt(0) - 96
    if (this.lastLetterValues.get(letterStyle) !== letterValue - 1) return item
    return {...item, marker: {...item.marker, style: letterStyle, value: letterValue}}
  }

  private placeMarker(item: Item): Problem | null {
    const placement = this.outline.place(item.marker, item)
    if (placement.opened) {
      this.counts.set(placement.sequence, new SequenceCount(item.marker.value))
      return null
    }
    const {sequence} = placement
    const model = sequence.markers[0]!
    const count = this.counts.get(sequence)!
    const value = item.marker.value
    if (item.marker.style !== sequence.style) {
      // Another style whose number does not fit is no item of this sequence (`Q.` of a Q&A after `1.`).
      if (!count.accepts(value)) return null
      if (placement.previous && this.continuesNestedSequence(item, placement.previous)) return null
      count.next(value)
      return {kind: 'switch', item, sequenceStyle: sequence.style, expectedText: formatLike(model, value), sample: formatLike(model, 1)}
    }
    // A 1 starts a new list rather than repeating one (`1. Introduction`, then the list `1. reading …`),
    // and so does a smaller number; only an equal one repeats.
    if (value === 1 || count.fallsBack(value)) {
      this.counts.set(sequence, new SequenceCount(value))
      return null
    }
    const expectedValue = count.next(value)
    if (expectedValue === null || !placement.previous) return null
    return {kind: 'count', item, previous: placement.previous, value, expectedValue, expectedText: formatLike(model, expectedValue)}
  }

  private placeOutlineNumber(item: Item): Problem | null {
    const {prefix, value, trailingDot} = splitOutlineNumber(item.marker.text)
    const entry = this.outlineNumbers.get(prefix)
    if (!entry) {
      this.outlineNumbers.set(prefix, {count: new SequenceCount(value), last: item})
      return null
    }
    const previous = entry.last
    entry.last = item
    // A smaller number starts over, as in a changelog's versions (`3.0.2`, `3.0.1`); only an equal one repeats.
    if (value < splitOutlineNumber(previous.marker.text).value) {
      entry.count = new SequenceCount(value)
      return null
    }
    const expectedValue = entry.count.next(value)
    if (expectedValue === null) return null
    const expectedText = `${prefix}.${expectedValue}${trailingDot ? '.' : ''}`
    return {kind: 'count', item, previous, value, expectedValue, expectedText}
  }
}

/** The text of a token's first leaf: a word's first piece (`e` of `e.g.`), else the token's text. */
function firstLeafText(tokens: BlockTokens, index: number): string {
  const text = tokens.texts[index]!
  if (tokens.types[index] !== TokenType.Word || isSinglePieceWord(text)) return text
  return wordPieces(tokens, index)[0]!.value
}

/**
 * Calls `visit` with each leaf of tokens `[from, end)` in order (a word's
 * pieces one by one) and its start in the file, until `visit` returns false.
 */
function forEachLeaf(tokens: BlockTokens, from: number, end: number, visit: (text: string, fileStart: number) => boolean): void {
  for (let index = from; index < end; index++) {
    const text = tokens.texts[index]!
    if (tokens.types[index] !== TokenType.Word || isSinglePieceWord(text)) {
      if (!visit(text, tokens.starts[index]!)) return
      continue
    }
    for (const piece of wordPieces(tokens, index)) if (!visit(piece.value, piece.start)) return
  }
}

/** The text of tokens `[from, end)`, leaf by leaf, until it is {@link headLength} long. */
function headText(tokens: BlockTokens, from: number, end: number): string {
  let head = ''
  forEachLeaf(tokens, from, end, (text) => {
    head += text
    return head.length < headLength
  })
  return head
}

/** File offset of a head offset, the head being read from tokens `[from, end)`. */
function headToFile(tokens: BlockTokens, from: number, end: number, offset: number): number {
  let headStart = 0
  let fileStart = 0
  let length = 0
  forEachLeaf(tokens, from, end, (text, start) => {
    if (length >= headLength || length > offset) return false
    headStart = length
    fileStart = start
    length += text.length
    return true
  })
  return fileStart + (offset - headStart)
}

/**
 * The marker that opens the text at token `from` of a sentence that ends
 * before token `end`, with file offsets. The text is read from the tokens,
 * not the file, so Markdown emphasis (`**First**, …`) does not hide a marker.
 */
function markerAt(tokens: BlockTokens, from: number, end: number, styles: ReadonlySet<NumberingStyle>): NumberingMarker | null {
  // Most sentences and clauses open with a word no marker starts with: their head is never read.
  if (from >= end || !mayStartMarker(firstLeafText(tokens, from), styles)) return null
  const marker = parseMarker(headText(tokens, from, end), 0, styles)
  if (!marker) return null
  return {...marker, start: headToFile(tokens, from, end, 0), end: headToFile(tokens, from, end, marker.end - 1) + 1}
}

/** Index of the first token at or after `from`, and before `end`, that is not white space. */
function skipWhiteSpace(tokens: BlockTokens, from: number, end: number): number {
  let index = from
  while (index < end && tokens.types[index] === TokenType.Space) index++
  return index
}

/** Whether token `index`, before `end`, is a closing quote or bracket. */
function isCloserToken(tokens: BlockTokens, index: number, end: number): boolean {
  return index < end && tokens.types[index] === TokenType.Punctuation && closers.has(tokens.texts[index]!)
}

/**
 * The styles a marker may take after a punctuation mark inside a sentence:
 * clause styles after `；`, `：`, `，`, inline styles after sentence-ending
 * punctuation the tokenizer did not split at; null after other marks.
 * @param mark The punctuation.
 */
function stylesAfter(mark: string): ReadonlySet<NumberingStyle> | null {
  if (mark.length !== 1) return null
  const code = mark.charCodeAt(0)
  if (clauseEnds.has(code)) return clauseStyles
  return sentenceEnds.has(code) ? inlineStyles : null
}

/**
 * Where a marker may open a sentence or clause after a mark that ends one
 * (see {@link stylesAfter}): the index of the first token past closing
 * quotes and white space, or -1 when nothing follows in the sentence or a
 * Latin mark has no space after it.
 * @param tokens The block's tokens.
 * @param after Index of the punctuation token.
 * @param end Index past the sentence's last token.
 * @param mark Its text.
 */
function innerStart(tokens: BlockTokens, after: number, end: number, mark: string): number {
  let index = after + 1
  while (isCloserToken(tokens, index, end)) index++
  const next = skipWhiteSpace(tokens, index, end)
  // `X. (1)` needs a space after a Latin mark; `。二是` and `；二是` do not.
  if (next === index && mark.charCodeAt(0) < 128) return -1
  return next < end ? next : -1
}

/**
 * Markers that open a sentence or a clause of a block, in order.
 * @param tokens The block's tokens.
 */
function sentenceMarkers(tokens: BlockTokens): NumberingMarker[] {
  const markers: NumberingMarker[] = []
  for (let first = 0; first < tokens.length; ) {
    const end = tokens.sentenceEnd(first)
    // White space between sentences is a paragraph child of its own; a sentence never starts with it.
    if (tokens.types[first] !== TokenType.Space) {
      const opening = markerAt(tokens, first, end, inlineStyles)
      if (opening) markers.push(opening)
      for (let index = first; index < end; index++) {
        if (tokens.types[index] !== TokenType.Punctuation) continue
        const mark = tokens.texts[index]!
        const styles = stylesAfter(mark)
        const start = styles ? innerStart(tokens, index, end, mark) : -1
        const marker = start === -1 ? null : markerAt(tokens, start, end, styles!)
        if (marker && marker.start !== markers[markers.length - 1]?.start) markers.push(marker)
      }
    }
    first = end
  }
  return markers
}

/**
 * Whether a paragraph's leading marker is the first item of its sentence
 * sequence rather than an item of the block-level sequence: it counts 1, and
 * a later sentence counts on (2 or more) with no 1 of its style or of the
 * leading style before it (`First, … The second is …`, `First, … Third, …`;
 * not `First, A. First, … Second, …`, which nests a list in the paragraph).
 * @param leading The paragraph's leading marker.
 * @param inline The markers of its later sentences.
 */
function opensSentenceSequence(leading: NumberingMarker, inline: readonly NumberingMarker[]): boolean {
  if (leading.value !== 1 || !inlineStyles.has(leading.style)) return false
  const stylesCountedOne = new Set<NumberingStyle>()
  for (const marker of inline) {
    if (marker.value === 1) stylesCountedOne.add(marker.style)
    else if (!stylesCountedOne.has(marker.style) && !stylesCountedOne.has(leading.style)) return true
  }
  return false
}

/**
 * Problems of one Markdown ordered list: repeats and gaps. A list whose items
 * all carry the same number (`1.` … `1.`) uses lazy numbering and is fine.
 * @param items The list's items, in order.
 */
function orderedListProblems(items: readonly Item[]): Problem[] {
  const first = items[0]
  if (!first || items.every((item) => item.marker.value === first.marker.value)) return []
  const count = new SequenceCount(first.marker.value)
  const problems: Problem[] = []
  items.forEach((item, index) => {
    if (index === 0) return
    const expectedValue = count.next(item.marker.value)
    if (expectedValue === null) return
    const expectedText = formatMarker(item.marker.style, expectedValue)
    problems.push({kind: 'count', item, previous: items[index - 1]!, value: item.marker.value, expectedValue, expectedText})
  })
  return problems
}

/** The sentence markers of a block that has none. */
const noMarkers: readonly NumberingMarker[] = Object.freeze([])

/** Where a logged marker stands: opening a body paragraph, a later line of one, or a sentence. */
type MarkerPlace = 'body' | 'line' | 'sentence' | 'nested'

/** Markers that may fill a heading sequence's gap: numbered paragraphs and lines. */
const headingFillers: ReadonlySet<MarkerPlace> = new Set(['body', 'line'])

/** Markers that may fill a body sequence's gap: numbered lines and sentences that count on. */
const bodyFillers: ReadonlySet<MarkerPlace> = new Set(['line', 'sentence'])

/**
 * Whether `filler` stands for number `value` of the sequence `marker` is in.
 * @param filler A logged marker.
 * @param marker The marker after the gap.
 * @param value A missing number.
 */
function fillsGap(filler: NumberingMarker, marker: NumberingMarker, value: number): boolean {
  if (filler.style !== marker.style) return false
  if (marker.style !== 'outline') return filler.value === value
  const filling = splitOutlineNumber(filler.text)
  return filling.prefix === splitOutlineNumber(marker.text).prefix && filling.value === value
}

/** Walks the document's blocks and collects the problems of every scope. */
class NumberingWalk {
  readonly problems: Problem[] = []
  /** Every marker that is not a list number, for the Chinese-in-English check. */
  readonly items: Item[] = []
  private readonly headingScopes = new Map<number, Scope>()
  private bodyScope = this.newScope()
  /** Markers of body paragraphs, their lines and their sentences, in order, with where they stand. */
  private readonly markerLog: Array<{marker: NumberingMarker; place: MarkerPlace}> = []
  private readonly listScopes = new Map<number, Scope>()
  private readonly orderedLists = new Map<number, Item[]>()

  /**
   * @param index The document index.
   * @param options The rule's options.
   * @param markersByBlock The sentence markers of each block that has some (see {@link sentenceMarkers}).
   */
  constructor(
    private readonly index: DocumentIndex,
    private readonly options: InconsistentNumberingOptions,
    private readonly markersByBlock: ReadonlyMap<Block, readonly NumberingMarker[]>,
  ) {}

  /**
   * Walks every block, then checks the ordered lists.
   * @param blocks The document's blocks.
   */
  run(blocks: readonly Block[]): void {
    for (const block of blocks) {
      if (block.kind === 'heading') this.heading(block)
      else if (block.kind === 'paragraph') this.proseBlock(block, block.quoted ? null : this.bodyScope)
      else if (block.kind === 'listItem') this.listItem(block)
    }
    // One push per problem: a list of 200,000 items can have more problems than a call takes arguments.
    for (const items of this.orderedLists.values()) for (const problem of orderedListProblems(items)) this.problems.push(problem)
  }

  /** A block-level scope that sees the markers logged between its items. */
  private newScope(): Scope {
    return new Scope((item, previous) => {
      if (item.marker.value <= 1) return false
      return this.loggedBetween(previous, item).some(({marker}) => fillsGap(marker, item.marker, item.marker.value - 1))
    })
  }

  /** The markers logged after `previous` (itself left out) and before `item`. */
  private loggedBetween(previous: Item, item: Item): Array<{marker: NumberingMarker; place: MarkerPlace}> {
    return this.markerLog.slice(previous.logIndex, item.logIndex).filter(({marker}) => marker.start !== previous.marker.start)
  }

  private item(marker: NumberingMarker, block: Block): Item {
    return {marker, block, logIndex: this.markerLog.length}
  }

  private heading(block: Block): void {
    if (block.quoted) return
    // A heading closes the deeper heading levels and opens a new section body.
    for (const depth of this.headingScopes.keys()) if (depth > block.depth) this.headingScopes.delete(depth)
    this.bodyScope = this.newScope()
    if (!block.marker) return
    let scope = this.headingScopes.get(block.depth)
    if (!scope) {
      scope = this.newScope()
      this.headingScopes.set(block.depth, scope)
    }
    const item = this.item(block.marker, block)
    this.items.push(item)
    this.keep(scope.place(item), headingFillers)
  }

  /**
   * Keeps a problem unless it is a gap filled by markers one place down
   * between the two items: in plain text `2. The system has three parts.` is
   * a paragraph between the headings `1. Introduction` and `3. Results`; and
   * `Second, … Third, …` in one paragraph lets the next paragraph open with `Fourth,`.
   * @param problem The problem, if any.
   * @param fillers Where the filling markers may stand.
   */
  private keep(problem: Problem | null, fillers: ReadonlySet<MarkerPlace>): void {
    if (!problem) return
    if (problem.kind === 'count' && problem.value < problem.expectedValue) {
      // A line that opens with 1 in between started a new list: `2.` after `5.` is its second item.
      const between = this.loggedBetween(problem.previous, problem.item)
      if (between.some(({marker, place}) => place === 'line' && fillsGap(marker, problem.item.marker, 1))) return
    }
    if (problem.kind === 'count' && problem.value > problem.expectedValue) {
      const between = this.loggedBetween(problem.previous, problem.item)
      const filled = (value: number): boolean =>
        between.some(({marker, place}) => fillers.has(place) && fillsGap(marker, problem.item.marker, value))
      let value = problem.expectedValue
      while (value < problem.value && filled(value)) value++
      if (value === problem.value) return
    }
    this.problems.push(problem)
  }

  private listItem(block: Block): void {
    const list = block.list
    if (!list) return
    if (!list.ordered) {
      let scope = this.listScopes.get(list.id)
      if (!scope) {
        scope = this.newScope()
        this.listScopes.set(list.id, scope)
      }
      this.proseBlock(block, scope)
      return
    }
    // The list number is not prose: the item's sentences are checked on their own.
    if (block.marker) {
      const items = this.orderedLists.get(list.id) ?? []
      items.push(this.item(block.marker, block))
      this.orderedLists.set(list.id, items)
    }
    this.sentences(block, null, this.sentenceMarkersOf(block, null))
  }

  /**
   * A paragraph or unordered list item: its leading marker goes to the
   * block-level scope (or opens its sentence sequence), its sentences to their own.
   * @param block The block.
   * @param blockScope Where its leading marker counts; null to count it nowhere (quoted text).
   */
  private proseBlock(block: Block, blockScope: Scope | null): void {
    const leading = block.marker
    const inline = this.sentenceMarkersOf(block, leading)
    const leadingOpensSentences = leading !== null && opensSentenceSequence(leading, inline)
    if (leading && !leadingOpensSentences) {
      const item = this.item(leading, block)
      this.items.push(item)
      if (blockScope) this.keep(blockScope.place(item), bodyFillers)
      if (blockScope === this.bodyScope) this.markerLog.push({marker: leading, place: 'body'})
    }
    if (this.index.format === 'text') this.logLineMarkers(block)
    this.sentences(block, leadingOpensSentences ? leading : null, inline)
  }

  /**
   * Logs the markers that open a later line of a plain-text paragraph: a
   * hard-wrapped list (`1. …⏎2. …`) or a tag line before `6. …` holds
   * numbers that fill the gaps of the sequences around it.
   */
  private logLineMarkers(block: Block): void {
    const text = this.index.text
    for (let at = text.indexOf('\n', block.start); at !== -1 && at < block.end; at = text.indexOf('\n', at + 1)) {
      let lineStart = at + 1
      while (text[lineStart] === ' ' || text[lineStart] === '\t') lineStart++
      const marker = lineStart < block.end ? parseMarker(text, lineStart) : null
      if (marker) this.markerLog.push({marker, place: 'line'})
    }
  }

  /** The block's sentence markers other than its leading marker; none when `checkInline` is off. */
  private sentenceMarkersOf(block: Block, leading: NumberingMarker | null): readonly NumberingMarker[] {
    const markers = this.options.checkInline ? this.markersByBlock.get(block) : undefined
    if (!markers) return noMarkers
    return markers.filter((marker) => marker.start !== leading?.start)
  }

  /** Checks a block's sentence markers as one scope. */
  private sentences(block: Block, leading: NumberingMarker | null, inline: readonly NumberingMarker[]): void {
    const markers = leading ? [leading, ...inline] : inline
    if (markers.length === 0) return
    const scope = new Scope()
    // Sentences that count from 1 are a list of their own, nested in the paragraph: they fill no gap outside it.
    const place = markers[0]!.value === 1 ? 'nested' : 'sentence'
    for (const marker of markers) {
      const item = this.item(marker, block)
      this.items.push(item)
      const problem = scope.place(item)
      if (problem) this.problems.push(problem)
      this.markerLog.push({marker, place})
    }
  }
}

/** Whether a style's markers end in a Han character or full-width mark. */
function endsInHan(text: string): boolean {
  return text.charCodeAt(text.length - 1) >= 0x3000
}

/**
 * The text that replaces a marker with `expectedText` in `targetStyle`, or
 * null when the replacement would not read right: a switch into or out of a
 * marker that is part of the sentence (`The second is to …`), a marker
 * written in a variant the formatter cannot reproduce (`Secondly,`, `(一)`),
 * Chinese numbering in an English document, a Han marker before a space, a
 * Markdown list number, or `2.` at the start of a Markdown paragraph (it
 * would become a list).
 */
function replacementFor(index: DocumentIndex, item: Item, expectedText: string, targetStyle: NumberingStyle): string | null {
  const {marker, block} = item
  if (marker.style !== targetStyle && (wordStyles.has(marker.style) || wordStyles.has(targetStyle))) return null
  if (marker.style !== 'outline' && formatMarker(marker.style, marker.value) !== marker.text) return null
  if (index.language === 'en' && chineseStyles.has(targetStyle)) return null
  const isListNumber = block.list?.ordered === true && block.marker?.start === marker.start
  // The engine fixes prose only, and a Markdown renderer renumbers list items anyway.
  if (isListNumber) return null
  const isLeadingProse = block.marker?.start === marker.start
  if (index.format === 'markdown' && isLeadingProse && block.kind !== 'heading' && /^\d+[.)]/.test(expectedText)) return null
  const next = index.text[marker.end] ?? ''
  const spaceFollows = next === '' || /\s/.test(next)
  if (endsInHan(expectedText)) return spaceFollows ? null : expectedText
  // `二、Resolutely` → `2. Resolutely`; `1.Foo` stays unspaced as written.
  return spaceFollows || !endsInHan(marker.text) ? expectedText : `${expectedText} `
}

/** A report for a problem, with its message, expected text and unsafe fix. */
function reportOf(index: DocumentIndex, problem: Problem): RuleReport {
  const {marker} = problem.item
  const span = {start: marker.start, end: marker.end, actual: marker.text}
  if (problem.kind === 'chinese') {
    const englishStyle = englishEquivalents.get(marker.style)
    const expectedText = englishStyle ? formatMarker(englishStyle, marker.value) : null
    const replacement = englishStyle && expectedText ? replacementFor(index, problem.item, expectedText, englishStyle) : null
    return {
      ...span,
      message: `Unexpected Chinese numbering \`${marker.text}\` in an English document`,
      ...(replacement ? {expected: [replacement], fix: 'unsafe' as const} : {}),
    }
  }
  if (problem.kind === 'switch') {
    const {expectedText, sample} = problem
    const replacement = replacementFor(index, problem.item, expectedText, problem.sequenceStyle)
    return {
      ...span,
      message: `Unexpected numbering \`${marker.text}\` in a sequence of \`${sample}\`-style markers, expected \`${expectedText}\``,
      ...(replacement ? {expected: [replacement], fix: 'unsafe' as const} : {}),
    }
  }
  const message = `Unexpected \`${marker.text}\` after \`${problem.previous.marker.text}\`, expected \`${problem.expectedText}\``
  // A gap may be a missing item: renumbering one marker would not mend it.
  const isRepeat = problem.value < problem.expectedValue
  const replacement = isRepeat ? replacementFor(index, problem.item, problem.expectedText, marker.style) : null
  return {...span, message, expected: [replacement ?? problem.expectedText], ...(replacement ? {fix: 'unsafe' as const} : {})}
}

/**
 * The problems of a document, one per marker, in document order: sequence
 * problems first, then Chinese markers in an English document.
 */
function documentProblems(
  index: DocumentIndex,
  options: InconsistentNumberingOptions,
  markersByBlock: ReadonlyMap<Block, readonly NumberingMarker[]>,
): Problem[] {
  const walk = new NumberingWalk(index, options, markersByBlock)
  walk.run(index.blocks)
  const byStart = new Map<number, Problem>()
  for (const problem of walk.problems) if (!byStart.has(problem.item.marker.start)) byStart.set(problem.item.marker.start, problem)
  if (options.checkChineseInEnglish && index.language === 'en') {
    for (const item of walk.items) {
      if (chineseStyles.has(item.marker.style) && !byStart.has(item.marker.start)) byStart.set(item.marker.start, {kind: 'chinese', item})
    }
  }
  return [...byStart.values()].sort((a, b) => a.item.marker.start - b.item.marker.start)
}

export default defineRule<InconsistentNumberingOptions>(
  meta,
  {checkInline: true, checkChineseInEnglish: true},
  ({index, options, report}) => {
    // Sentence markers are read from each paragraph while it exists; the sequences run over the whole document at the end.
    const markersByBlock = new Map<Block, NumberingMarker[]>()
    return {
      block(block) {
        if (!options.checkInline || !block.tokens) return
        const markers = sentenceMarkers(block.tokens)
        if (markers.length > 0) markersByBlock.set(block, markers)
      },
      paragraphs: false,
      end() {
        for (const problem of documentProblems(index, options, markersByBlock)) report(reportOf(index, problem))
      },
    }
  },
)
