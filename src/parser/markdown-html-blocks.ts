/**
 * The HTML blocks of CommonMark, as micromark starts and ends them: which
 * kind of block a line opens, and what line ends it.
 */

/** An opening or closing tag of one of CommonMark's HTML block names: the sixth kind, which a blank line ends. */
const blockNameTag =
  /^ {0,3}<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?=[\s/>]|$)/i

/** A line that is one complete open or closing tag: CommonMark's seventh kind, which cannot interrupt a paragraph. */
const loneTag =
  /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$/

/**
 * How an HTML block that starts on a line ends, by CommonMark's seven kinds:
 * at a line holding a closing mark (kinds 1 to 5, tried on the opening line
 * after the opening itself), or at a blank line (kinds 6 and 7).
 */
const htmlBlockKinds: ReadonlyArray<{open: RegExp; end: RegExp | null; interruptsParagraph: boolean}> = [
  {open: /^ {0,3}<(?:pre|script|style|textarea)(?=\s|>|$)/i, end: /<\/(?:pre|script|style|textarea)>/i, interruptsParagraph: true},
  // The dashes of `<!--` may close it too (`<!-->`, `<!--->`), so the search starts at them.
  {open: /^ {0,3}<!(?=--)/, end: /-->/, interruptsParagraph: true},
  {open: /^ {0,3}<\?/, end: /\?>/, interruptsParagraph: true},
  {open: /^ {0,3}<![A-Za-z]/, end: />/, interruptsParagraph: true},
  {open: /^ {0,3}<!\[CDATA\[/, end: /\]\]>/, interruptsParagraph: true},
  {open: blockNameTag, end: null, interruptsParagraph: true},
  {open: loneTag, end: null, interruptsParagraph: false},
]

/** What {@link htmlBlockOpening} says of a line that opens an HTML block ending on that same line. */
export const closedOnItsLine = 'closed'

/**
 * The HTML block a line opens: how it ends (a pattern a later line holds,
 * or null for a blank line), {@link closedOnItsLine} when its end is on
 * this very line, or undefined when the line opens none.
 * @param line The line, without its line ending.
 * @param inParagraph Whether a paragraph is open before it (a lone tag, kind 7, then continues it).
 */
export function htmlBlockOpening(line: string, inParagraph: boolean): RegExp | null | typeof closedOnItsLine | undefined {
  for (const kind of htmlBlockKinds) {
    if (!kind.interruptsParagraph && inParagraph) continue
    const opening = kind.open.exec(line)
    if (!opening) continue
    if (kind.end === null) return null
    return kind.end.test(line.slice(opening[0].length)) ? closedOnItsLine : kind.end
  }
  return undefined
}

/**
 * Whether a line is a lone tag (an HTML block of the seventh kind where no
 * paragraph is open) and opens no other kind of HTML block.
 * @param line The line, without its line ending.
 */
export function isLoneTagLine(line: string): boolean {
  return loneTag.test(line) && htmlBlockOpening(line, true) === undefined
}
