/**
 * Renders rows as a Markdown table with aligned columns, so the output reads
 * well in a terminal and can be pasted into a document.
 */

/**
 * @param {readonly string[]} header
 * @param {readonly (readonly string[])[]} rows
 * @param {readonly ('l' | 'r')[]} [align] Per column; left by default.
 * @returns {string}
 */
export function markdownTable(header, rows, align = []) {
  const widths = header.map((cell, column) => Math.max(width(cell), ...rows.map((row) => width(row[column] ?? ''))))
  const line = (/** @type {readonly string[]} */ cells) =>
    `| ${cells.map((cell, column) => pad(cell, widths[column], align[column] ?? 'l')).join(' | ')} |`
  const rule = `|${widths.map((size, column) => (align[column] === 'r' ? `${'-'.repeat(size + 1)}:` : `${'-'.repeat(size + 2)}`)).join('|')}|`
  return [line(header), rule, ...rows.map(line)].join('\n')
}

/**
 * Display width: CJK and full-width characters count two columns.
 * @param {string} text
 * @returns {number}
 */
function width(text) {
  let columns = 0
  for (const char of text) columns += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1
  return columns
}

/**
 * @param {string} text
 * @param {number} size
 * @param {'l' | 'r'} align
 * @returns {string}
 */
function pad(text, size, align) {
  const fill = ' '.repeat(Math.max(0, size - width(text)))
  return align === 'r' ? fill + text : text + fill
}

/**
 * A number with a fixed number of decimals.
 * @param {number} value
 * @param {number} [decimals]
 * @returns {string}
 */
export function fixed(value, decimals = 1) {
  return Number.isFinite(value) ? value.toFixed(decimals) : '–'
}

/**
 * Runs done, with the plan when fewer were done: `3`, or `1 of 3`.
 * @param {{times: number[], planned: number}} measured
 * @returns {string}
 */
export function runsDone(measured) {
  return measured.times.length === measured.planned ? String(measured.planned) : `${measured.times.length} of ${measured.planned}`
}
