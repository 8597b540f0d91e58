/**
 * Link and footnote labels, as micromark matches a reference to a
 * definition: by a key with white space collapsed and case folded. The
 * Markdown reader uses them to tell which pieces of a document may hold a
 * reference that resolves, and which definitions a remark parse needs.
 *
 * Both tests over-approximate: a piece or a definition counted in that
 * needs none only costs a slower read, one left out would change it.
 */

/** Longest label micromark accepts, in characters. */
export const maxLabelLength = 999

/** Character codes of `[`, `]` and `\`. */
const openBracket = 91
const closeBracket = 93
const backslash = 92

/**
 * The key micromark compares labels by: runs of white space made one space,
 * the ends trimmed, case folded.
 * @param label A label's source text, without its brackets.
 */
export function labelKey(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '').toLowerCase().toUpperCase()
}

/**
 * The keys a bracketed text may match: its own, that of a footnote label
 * (after `^`), and for a text over several lines that of the same text
 * without the `>` markers of a block quote that it spans.
 * @param label The text between the brackets.
 * @param add Receives each key.
 */
function labelKeys(label: string, add: (key: string) => void): void {
  add(labelKey(label))
  if (label.charCodeAt(0) === 94) add(`^${labelKey(label.slice(1))}`)
  if (label.includes('\n') || label.includes('\r')) labelKeys(label.replace(/(?:\r\n?|\n)[ \t>]*/g, ' '), add)
}

/** Whether the character at `index` is escaped by an odd number of backslashes before it. */
function isEscaped(text: string, index: number): boolean {
  let count = 0
  for (let at = index - 1; at >= 0 && text.charCodeAt(at) === backslash; at--) count++
  return count % 2 === 1
}

/**
 * The keys of every label that a `]:` in the text may close, which includes
 * those of all its link and footnote definitions (`[label]: …`, `[^note]: …`).
 * @param text A document.
 * @returns The keys; empty when nothing in it can define a link.
 */
export function definitionKeys(text: string): Set<string> {
  const keys = new Set<string>()
  const add = (key: string): void => void keys.add(key)
  for (let mark = text.indexOf(']:'); mark !== -1; mark = text.indexOf(']:', mark + 2)) {
    if (isEscaped(text, mark)) continue
    // A label holds no unescaped bracket: the nearest `[` before opens it.
    for (let at = mark - 1; at >= 0 && mark - at <= maxLabelLength + 1; at--) {
      const code = text.charCodeAt(at)
      if (code !== openBracket && code !== closeBracket) continue
      if (isEscaped(text, at)) continue
      if (code === openBracket) labelKeys(text.slice(at + 1, mark), add)
      break
    }
  }
  return keys
}

/**
 * Calls `visit` with the keys ({@link labelKeys}) of the text of every
 * innermost pair of unescaped brackets in `[start, end)` of the text: every
 * place a reference's label can be (`[label]`, `[text][label]`, `[^note]`),
 * and more.
 * @returns True as soon as `visit` does.
 */
function someBracketedKey(text: string, start: number, end: number, visit: (key: string) => boolean): boolean {
  let found = false
  const test = (key: string): void => {
    found ||= visit(key)
  }
  let open = -1
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index)
    if (code === backslash) {
      index++
    } else if (code === openBracket) {
      open = index
    } else if (code === closeBracket && open !== -1) {
      if (index - open - 1 <= maxLabelLength) labelKeys(text.slice(open + 1, index), test)
      if (found) return true
      open = -1
    }
  }
  return false
}

/**
 * Whether `[start, end)` of a text may hold a reference to one of the given
 * definitions: some bracketed text in it has one of their keys.
 * @param text The document.
 * @param start Start of the range.
 * @param end End of the range (exclusive).
 * @param keys Keys of the document's definitions ({@link definitionKeys}).
 */
export function mayReference(text: string, start: number, end: number, keys: ReadonlySet<string>): boolean {
  return keys.size > 0 && someBracketedKey(text, start, end, (key) => keys.has(key))
}

/**
 * The keys of the bracketed texts in `[start, end)` of a text that are in `keys`.
 * @param text The document.
 * @param start Start of the range.
 * @param end End of the range (exclusive).
 * @param keys The keys wanted.
 * @param found Receives each key found (possibly more than once).
 */
export function referencedKeys(text: string, start: number, end: number, keys: ReadonlyMap<string, unknown>, found: (key: string) => void): void {
  someBracketedKey(text, start, end, (key) => {
    if (keys.has(key)) found(key)
    return false
  })
}

/**
 * Adds a definition to the paragraphs that stand for a document's
 * definitions in a remark parse (`definitionLines` in `markdown-remark.ts`), by the key of its
 * label: `[identifier]: #`, or `[^identifier]: x` for a footnote. The
 * identifier is the label's source with white space collapsed and case
 * folded, which matches the same references.
 * @param lines The paragraphs by key; the first definition of a key stays.
 * @param identifier The label's identifier (mdast's `identifier`).
 * @param footnote Whether it defines a footnote.
 */
export function addDefinitionLine(lines: Map<string, string>, identifier: string, footnote: boolean): void {
  const key = footnote ? `^${labelKey(identifier)}` : labelKey(identifier)
  // A blank line after each: a line after a footnote definition would continue its paragraph.
  if (!lines.has(key)) lines.set(key, footnote ? `[^${identifier}]: x\n\n` : `[${identifier}]: #\n\n`)
}

