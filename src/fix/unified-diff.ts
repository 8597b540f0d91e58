/**
 * A unified diff of a text and its fixed version, in linear time. Fixes never
 * add or remove line breaks, so both texts have the same lines and a changed
 * line is compared with the line at the same place: no edit-distance search.
 */

/** Lines of context around each change. */
const contextLines = 3

/** Lines of a text with their endings kept. */
function splitLines(text: string): string[] {
  const lines: string[] = []
  let start = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 10 || code === 13) {
      if (code === 13 && text.charCodeAt(index + 1) === 10) index++
      lines.push(text.slice(start, index + 1))
      start = index + 1
    }
  }
  if (start < text.length) lines.push(text.slice(start))
  return lines
}

/** One diff line: the prefix, the line without its ending, and a marker when the file ends without one. */
function diffLine(prefix: string, line: string): string {
  const body = line.replace(/\r?\n$|\r$/, '')
  return `${prefix}${body}\n${body === line ? '\\ No newline at end of file\n' : ''}`
}

/**
 * The unified diff between two texts with the same number of lines, or null
 * when their line counts differ (the caller then uses a general diff).
 * @param oldName Name on the `---` line.
 * @param newName Name on the `+++` line.
 * @param before The original text.
 * @param after The fixed text.
 */
export function lineAlignedDiff(oldName: string, newName: string, before: string, after: string): string | null {
  const oldLines = splitLines(before)
  const newLines = splitLines(after)
  if (oldLines.length !== newLines.length) return null
  const changed: number[] = []
  for (let index = 0; index < oldLines.length; index++) if (oldLines[index] !== newLines[index]) changed.push(index)
  if (changed.length === 0) return ''
  let output = `--- ${oldName}\n+++ ${newName}\n`
  let position = 0
  while (position < changed.length) {
    // A hunk takes every change whose context touches the previous one's.
    let last = position
    while (last + 1 < changed.length && changed[last + 1]! - changed[last]! <= contextLines * 2 + 1) last++
    const start = Math.max(0, changed[position]! - contextLines)
    const end = Math.min(oldLines.length, changed[last]! + contextLines + 1)
    output += `@@ -${start + 1},${end - start} +${start + 1},${end - start} @@\n`
    let line = start
    while (line < end) {
      if (oldLines[line] === newLines[line]) {
        output += diffLine(' ', oldLines[line]!)
        line++
        continue
      }
      let runEnd = line
      while (runEnd < end && oldLines[runEnd] !== newLines[runEnd]) runEnd++
      for (let index = line; index < runEnd; index++) output += diffLine('-', oldLines[index]!)
      for (let index = line; index < runEnd; index++) output += diffLine('+', newLines[index]!)
      line = runEnd
    }
    position = last + 1
  }
  return output
}
