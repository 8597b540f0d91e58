/**
 * Reads the inline content of one Markdown paragraph or heading the way
 * micromark (CommonMark + GFM) does, for the common constructs only: text,
 * backslash escapes, code spans, emphasis and strong (`*`, `_`),
 * strikethrough (`~`), inline links and images with a plain destination,
 * autolinks (`<https://…>`, `<name@example.com>`), HTML comments on one line, and literal URLs
 * (whose characters stay prose either way).
 *
 * References (`[text][label]`, `[label][]`, `[label]`) are read against
 * the keys of the document's definitions, which the caller gets from
 * micromark.
 *
 * It answers one question per character: is it prose, markup to drop, or
 * code to keep opaque. Anything it does not model exactly (other HTML,
 * character references, backslash hard breaks, footnotes, link
 * titles, URLs next to delimiters, `~` next to `*`/`_`) makes it return
 * `null`, and the caller hands the block to micromark. Every step is linear
 * in the input.
 */
import {labelKey, maxLabelLength} from './markdown-labels.js'

/** What happens to each character of the inline content. */
export const enum InlineMark {
  /** Prose. */
  Keep = 0,
  /** Markup: delimiters, brackets, destinations, escape backslashes, images. */
  Drop = 1,
  /** Inside a code span (backticks included). */
  Code = 2,
  /** Link or image syntax: brackets, whole images. Dropped like markup. */
  Link = 3,
  /** Inside a link's or image's `(destination)`. Dropped like markup. */
  Destination = 4,
  /** An HTML comment (`<!-- … -->`), kept opaque like code. */
  Comment = 5,
}

/** A delimiter run that may open or close emphasis or strikethrough. */
interface DelimiterRun {
  /** First character not yet used. */
  start: number
  /** End of the characters not yet used (exclusive). */
  end: number
  /** `*`, `_` or `~`. */
  marker: number
  canOpen: boolean
  canClose: boolean
}

/** A `[` or `![` waiting for its `]`. */
interface LabelStart {
  /** Offset of `[`, or of `!` for an image. */
  start: number
  image: boolean
  /** Number of delimiter runs seen before it: the runs after it are its label's. */
  runIndex: number
  inactive: boolean
  balanced: boolean
}

const backslash = 92
const backtick = 96
const asterisk = 42
const underscore = 95
const tilde = 126

/**
 * An autolink: a URL (`<https://…>`: a scheme of 2–32 characters, `:`, then
 * no space, control character, `<` or `>`) or an email address
 * (`<name@example.com>`: labels of letters, digits and inner hyphens, at
 * most 63 characters each).
 */
const autolink =
  /<(?:[A-Za-z][A-Za-z\d+.-]{1,31}:[^\0-\x20<>\x7f]*|[\w.#$%&'*+/=?^`{|}~-]+@[A-Za-z\d](?:[A-Za-z\d-]{0,61}[A-Za-z\d])?(?:\.[A-Za-z\d](?:[A-Za-z\d-]{0,61}[A-Za-z\d])?)*)>/y

/** Characters that may start or end inline markup. */
const specialCharacter = /[\\`*_~![\]<&]/g

const punctuationOrSymbol = /\p{P}|\p{S}/u
const whiteSpace = /\s/

/** micromark's character classes: 1 white space (or none), 2 punctuation, 0 other; one UTF-16 unit at a time. */
function classOf(value: string, index: number): number {
  if (index < 0 || index >= value.length) return 1
  const code = value.charCodeAt(index)
  if (code < 128) {
    if (code === 32 || (code >= 9 && code <= 13)) return 1
    if ((code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126)) return 2
    return 0
  }
  const character = String.fromCharCode(code)
  if (whiteSpace.test(character)) return 1
  return punctuationOrSymbol.test(character) ? 2 : 0
}

function isAsciiPunctuation(code: number): boolean {
  return (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126)
}

/**
 * Marks every character of a paragraph's inline content, or returns null
 * when the content needs the full parser.
 * @param value The inline content (line prefixes already removed; line endings kept).
 * @param defined Keys of the document's link definitions ({@link labelKey}), or null when it has none.
 */
export function markInline(value: string, defined: ReadonlySet<string> | null): Uint8Array | null {
  const length = value.length
  const marks = new Uint8Array(length)
  const runs: DelimiterRun[] = []
  const labels: LabelStart[] = []
  // Made at the first backtick: most inline content has none.
  let codeCloser: CodeSpanFinder | null = null
  let hasAttention = false
  let hasTilde = false
  let index = 0
  while (index < length) {
    // Plain text up to the next character that may be markup.
    specialCharacter.lastIndex = index
    if (!specialCharacter.test(value)) break
    index = specialCharacter.lastIndex - 1
    const code = value.charCodeAt(index)
    switch (code) {
      case backslash: {
        const next = index + 1 < length ? value.charCodeAt(index + 1) : -1
        if (next === 10 || next === 13) return null
        if (next !== -1 && isAsciiPunctuation(next)) {
          // `\\` keeps one backslash: the first, where remark's aligner puts it.
          marks[next === backslash ? index + 1 : index] = InlineMark.Drop
          index += 2
        } else index++
        break
      }
      case backtick: {
        const size = runLength(value, index, backtick)
        const close = (codeCloser ??= new CodeSpanFinder(value)).closing(index + size, size)
        if (close === -1) {
          index += size
        } else {
          marks.fill(InlineMark.Code, index, close + size)
          index = close + size
        }
        break
      }
      case asterisk:
      case underscore: {
        const size = runLength(value, index, code)
        runs.push(attentionRun(value, index, size, code))
        hasAttention = true
        index += size
        break
      }
      case tilde: {
        const size = runLength(value, index, code)
        hasTilde = true
        if (size <= 2) runs.push(strikethroughRun(value, index, size))
        index += size
        break
      }
      case 33: // `!`
        if (value.charCodeAt(index + 1) === 91) {
          if (value.charCodeAt(index + 2) === 94) return null
          labels.push({start: index, image: true, runIndex: runs.length, inactive: false, balanced: false})
          index += 2
        } else index++
        break
      case 91: // `[`
        if (value.charCodeAt(index + 1) === 94) return null
        labels.push({start: index, image: false, runIndex: runs.length, inactive: false, balanced: false})
        index++
        break
      case 93: {
        // `]`
        const next = closeLabel(value, index, labels, runs, marks, defined)
        if (next === null) return null
        index = next
        break
      }
      case 60: {
        // `<`: HTML comments on one line and autolinks; other HTML is left to micromark.
        const end = commentEnd(value, index)
        if (end !== -1) {
          marks.fill(InlineMark.Comment, index, end)
          index = end
          break
        }
        autolink.lastIndex = index
        if (!autolink.test(value)) return null
        // The address is the link's text, as remark reads it: prose like any other URL.
        marks[index] = InlineMark.Link
        marks[autolink.lastIndex - 1] = InlineMark.Link
        index = autolink.lastIndex
        break
      }
      case 38: {
        // `&`: a character reference when a name or number follows
        const next = value.charCodeAt(index + 1)
        if (next === 35 || (next >= 48 && next <= 57) || ((next | 32) >= 97 && (next | 32) <= 122)) return null
        index++
        break
      }
      default:
        index++
    }
  }
  // `~` and `*`/`_` resolve in an order that depends on which comes first: leave those to micromark.
  if (hasTilde && hasAttention) return null
  if (hasLiteralUrlNearMarkup(value, marks)) return null
  resolveDelimiters(runs, marks)
  return marks
}

/**
 * End (after `-->`) of the HTML comment that starts at `index`, or -1 when
 * none starts there or it does not end on its line. As micromark reads a
 * comment, the dashes of `<!--` may close it (`<!-->`, `<!--->`).
 */
export function commentEnd(value: string, index: number): number {
  if (!value.startsWith('<!--', index)) return -1
  const close = value.indexOf('-->', index + 2)
  if (close === -1) return -1
  for (let at = index + 4; at < close; at++) {
    const code = value.charCodeAt(at)
    if (code === 10 || code === 13) return -1
  }
  return close + 3
}

/** Length of the run of `code` characters at `index`. */
function runLength(value: string, index: number, code: number): number {
  let end = index + 1
  while (end < value.length && value.charCodeAt(end) === code) end++
  return end - index
}

/** A `*` or `_` run with micromark's flanking rules. */
function attentionRun(value: string, index: number, size: number, marker: number): DelimiterRun {
  const before = classOf(value, index - 1)
  const after = classOf(value, index + size)
  const open = after === 0 || (after === 2 && before !== 0)
  const close = before === 0 || (before === 2 && after !== 0)
  // A `~` next to the run would count as an attention marker; such paragraphs are not read here.
  return {
    start: index,
    end: index + size,
    marker,
    canOpen: marker === asterisk ? open : open && (before !== 0 || !close),
    canClose: marker === asterisk ? close : close && (after !== 0 || !open),
  }
}

/** A `~` or `~~` run with GFM's strikethrough rules. */
function strikethroughRun(value: string, index: number, size: number): DelimiterRun {
  const before = classOf(value, index - 1)
  const after = classOf(value, index + size)
  return {
    start: index,
    end: index + size,
    marker: tilde,
    canOpen: after === 0 || (after === 2 && before !== 0),
    canClose: before === 0 || (before === 2 && after !== 0),
  }
}

/**
 * Handles a `]`: forms an inline link or image when a destination follows,
 * or a reference to a definition, else leaves the `]` as text. Returns
 * where to go on, or null to give up.
 */
function closeLabel(
  value: string,
  index: number,
  labels: LabelStart[],
  runs: DelimiterRun[],
  marks: Uint8Array,
  defined: ReadonlySet<string> | null,
): number | null {
  while (labels.length > 0 && labels[labels.length - 1]!.balanced) labels.pop()
  const label = labels[labels.length - 1]
  if (!label) return index + 1
  if (label.inactive) {
    label.balanced = true
    return index + 1
  }
  const resource = value.charCodeAt(index + 1) === 40 ? resourceEnd(value, index + 1) : -1
  if (resource === null) return null
  if (resource === -1) {
    const end = defined === null || defined.size === 0 ? -1 : referenceEnd(value, label, index, defined)
    if (end === null) return null
    if (end === -1) {
      label.balanced = true
      return index + 1
    }
    formLink(label, index, end, labels, runs, marks)
    return end
  }
  formLink(label, index, resource, labels, runs, marks)
  marks.fill(InlineMark.Destination, index + 2, resource - 1)
  marks[resource - 1] = InlineMark.Link
  return resource
}

/**
 * Marks the link or image that `label` opens and the `]` at `close` ends,
 * its syntax running to `end` (exclusive): an image whole, a link's
 * brackets and what follows them. Its destination, if any, is the caller's.
 */
function formLink(label: LabelStart, close: number, end: number, labels: LabelStart[], runs: DelimiterRun[], marks: Uint8Array): void {
  labels.pop()
  const inner = runs.splice(label.runIndex)
  if (label.image) {
    marks.fill(InlineMark.Link, label.start, end)
  } else {
    resolveDelimiters(inner, marks)
    marks[label.start] = InlineMark.Link
    marks.fill(InlineMark.Link, close, end)
  }
  if (!label.image) {
    // Links do not contain links: earlier `[` can no longer open one.
    for (const earlier of labels) if (!earlier.image) earlier.inactive = true
  }
}

/**
 * Where the reference that the `]` at `close` may end runs to, read as
 * micromark reads it: `[text][label]` when `label` is defined; else, when
 * `text` is defined, `[text][]` or, unless any other `[…]` follows, `[text]`.
 * -1 when it is no reference; null when a label is too long to judge here.
 * @param defined Keys of the document's definitions.
 */
function referenceEnd(value: string, label: LabelStart, close: number, defined: ReadonlySet<string>): number | null {
  const textStart = label.start + (label.image ? 2 : 1)
  if (close - textStart > maxLabelLength) return null
  const textDefined = defined.has(labelKey(value.slice(textStart, close)))
  const next = value.charCodeAt(close + 1)
  if (next !== 91) return textDefined ? close + 1 : -1
  const end = fullLabelEnd(value, close + 1)
  if (end === null) return null
  if (end !== -1 && defined.has(labelKey(value.slice(close + 2, end - 1)))) return end
  if (!textDefined) return -1
  return value.charCodeAt(close + 2) === 93 ? close + 3 : -1
}

/**
 * End (after its `]`) of the link label that the `[` at `open` starts, as
 * micromark's label reader finds it: -1 when none does (an unescaped `[`
 * inside, no `]`, only white space, or `^` first); null when it is long
 * enough for micromark's size limit to matter.
 */
function fullLabelEnd(value: string, open: number): number | null {
  if (value.charCodeAt(open + 1) === 94) return -1
  let seen = false
  for (let index = open + 1; index < value.length; index++) {
    if (index - open > maxLabelLength) return null
    const code = value.charCodeAt(index)
    if (code === 91) return -1
    if (code === 93) return seen ? index + 1 : -1
    if (code === backslash) {
      const escaped = value.charCodeAt(index + 1)
      if (escaped === 91 || escaped === backslash || escaped === 93) index++
      seen = true
    } else if (code !== 32 && code !== 9 && code !== 10 && code !== 13) {
      seen = true
    }
  }
  return -1
}

/**
 * End (exclusive) of an inline link's `(destination)` starting at `open`,
 * -1 when there is none, null when it holds what is not read here (titles,
 * `<…>` destinations, line endings, deep parentheses).
 */
function resourceEnd(value: string, open: number): number | null {
  const length = value.length
  let index = skipSpaces(value, open + 1)
  if (index < length && isLineEnding(value.charCodeAt(index))) return null
  if (index >= length) return -1
  if (value.charCodeAt(index) === 41) return index + 1
  if (value.charCodeAt(index) === 60) return null
  let depth = 0
  const destinationStart = index
  while (index < length) {
    const code = value.charCodeAt(index)
    if (code === backslash && index + 1 < length && isAsciiPunctuation(value.charCodeAt(index + 1))) {
      index += 2
      continue
    }
    if (code === 40) {
      if (++depth > 31) return null
    } else if (code === 41) {
      if (depth === 0) break
      depth--
    } else if (code <= 32 || code === 127) break
    index++
  }
  if (index === destinationStart || depth !== 0) return -1
  const afterDestination = index
  index = skipSpaces(value, index)
  if (index >= length) return -1
  const code = value.charCodeAt(index)
  if (code === 41) return index + 1
  if (isLineEnding(code)) return null
  if (index > afterDestination && (code === 34 || code === 39 || code === 40)) return null
  return -1
}

function skipSpaces(value: string, index: number): number {
  while (index < value.length && (value.charCodeAt(index) === 32 || value.charCodeAt(index) === 9)) index++
  return index
}

function isLineEnding(code: number): boolean {
  return code === 10 || code === 13
}

/**
 * Pairs delimiter runs as micromark does (each closer with the nearest
 * usable opener of its kind; everything between a pair is settled), and
 * marks the characters each pair uses. Linear: a search that failed for a
 * kind of closer does not look below the same place again.
 */
function resolveDelimiters(runs: readonly DelimiterRun[], marks: Uint8Array): void {
  if (runs.length === 0) return
  const openers: DelimiterRun[] = []
  /** Per kind of closer: the stack height below which no opener suits it. */
  const floors = new Map<number, number>()
  for (const closer of runs) {
    if (closer.canClose) {
      for (;;) {
        const kind = closerKind(closer)
        const floor = Math.min(floors.get(kind) ?? 0, openers.length)
        let found = -1
        for (let at = openers.length - 1; at >= floor; at--) {
          if (suits(openers[at]!, closer)) {
            found = at
            break
          }
        }
        if (found === -1) {
          floors.set(kind, openers.length)
          break
        }
        const opener = openers[found]!
        const use = closer.marker === tilde ? closer.end - closer.start : opener.end - opener.start > 1 && closer.end - closer.start > 1 ? 2 : 1
        marks.fill(InlineMark.Drop, opener.end - use, opener.end)
        marks.fill(InlineMark.Drop, closer.start, closer.start + use)
        opener.end -= use
        closer.start += use
        // The runs between the pair are settled: they stay text.
        openers.length = opener.end > opener.start ? found + 1 : found
        for (const [key, value] of floors) if (value > found) floors.set(key, found)
        if (closer.end === closer.start) break
      }
    }
    if (closer.canOpen && closer.end > closer.start) openers.push(closer)
  }
}

/** A key for closers that the same openers suit or fail. */
function closerKind(closer: DelimiterRun): number {
  const size = closer.end - closer.start
  return closer.marker * 64 + (closer.marker === tilde ? size : (closer.canOpen ? 8 : 0) + (size % 3))
}

/** Whether an opener suits a closer (same marker; GFM's equal `~` sizes; CommonMark's rule of three). */
function suits(opener: DelimiterRun, closer: DelimiterRun): boolean {
  if (opener.marker !== closer.marker) return false
  const openSize = opener.end - opener.start
  const closeSize = closer.end - closer.start
  if (closer.marker === tilde) return openSize === closeSize
  return !((opener.canClose || closer.canOpen) && closeSize % 3 !== 0 && (openSize + closeSize) % 3 === 0)
}

/**
 * Whether a literal URL or e-mail address (which GFM links) touches markup
 * whose meaning it would change: delimiters, brackets, backticks, escapes.
 * A literal starts before any code span or link it runs into, so only
 * white space and the inside of destinations end a token.
 */
function hasLiteralUrlNearMarkup(value: string, marks: Uint8Array): boolean {
  if (!urlTrigger.test(value) || !nearMarkup.test(value)) return false
  let tokenStart = 0
  for (let index = 0; index <= value.length; index++) {
    const code = index < value.length ? value.charCodeAt(index) : 32
    const boundary = code <= 32 || marks[index] === InlineMark.Destination
    if (!boundary) continue
    if (index > tokenStart && isUrlToken(value, tokenStart, index)) return true
    tokenStart = index + 1
  }
  return false
}

const urlTrigger = /:\/\/|www\.|@/i
const nearMarkup = /[*_~[\]`\\]/

function isUrlToken(value: string, start: number, end: number): boolean {
  const token = value.slice(start, end)
  return urlTrigger.test(token) && nearMarkup.test(token) && !isUrlAfterBrackets(token)
}

/** Markup a literal URL could take into itself or change the meaning of. */
const markupBeforeUrl = /[*_~`\@]/

/**
 * Whether a token is a web address after `(` whose only markup is brackets
 * before it: `](https://example.com/a` left by a link that never closed. GFM
 * links the address from its scheme on, so it takes no bracket into itself,
 * and the brackets stay what they were without it.
 */
function isUrlAfterBrackets(token: string): boolean {
  const scheme = token.search(/https?:\/\//i)
  if (scheme < 1 || token.charCodeAt(scheme - 1) !== 40) return false
  return !markupBeforeUrl.test(token) && !nearMarkup.test(token.slice(scheme))
}

/**
 * Finds the closing backtick run of a code span: the next run of exactly
 * the same size. Runs are indexed once, so the search stays linear.
 */
class CodeSpanFinder {
  private readonly bySize = new Map<number, number[]>()
  private readonly cursor = new Map<number, number>()

  constructor(value: string) {
    let index = value.indexOf('`')
    while (index !== -1) {
      const size = runLength(value, index, backtick)
      const list = this.bySize.get(size)
      if (list) list.push(index)
      else this.bySize.set(size, [index])
      index = value.indexOf('`', index + size)
    }
  }

  /**
   * Start of the first run of `size` backticks at or after `from`, or -1.
   * @param from Where the search starts.
   * @param size Size of the opening run.
   */
  closing(from: number, size: number): number {
    const list = this.bySize.get(size)
    if (!list) return -1
    let at = this.cursor.get(size) ?? 0
    while (at < list.length && list[at]! < from) at++
    this.cursor.set(size, at)
    return at < list.length ? list[at]! : -1
  }
}
