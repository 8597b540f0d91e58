/**
 * Front matter at a document's start, as remark-frontmatter reads it: a
 * YAML (`---`) or TOML (`+++`) fence alone on the first line, up to the
 * next line that holds the same fence alone.
 */

/** An opening fence: `---` or `+++` alone on the first line, then white space. */
export const frontMatterStart = /^(?:---|\+\+\+)[ \t]*(?:\r?\n|$)/

/** An opening fence and its line ending, capturing the fence. */
const openingLine = /^(---|\+\+\+)[ \t]*\r?\n/

/**
 * Where the document's front matter ends: after its closing fence and that
 * line's ending. 0 when the document opens with no front matter, or with a
 * fence that nothing closes.
 * @param text The document.
 */
export function frontMatterEnd(text: string): number {
  const opening = openingLine.exec(text)
  if (!opening) return 0
  const fence = opening[1]!
  for (let lineStart = opening[0].length; lineStart < text.length; ) {
    const newline = text.indexOf('\n', lineStart)
    const lineEnd = newline === -1 ? text.length : newline
    if (text.startsWith(fence, lineStart) && /^[ \t]*\r?$/.test(text.slice(lineStart + fence.length, lineEnd))) return newline === -1 ? lineEnd : newline + 1
    lineStart = lineEnd + 1
  }
  return 0
}
