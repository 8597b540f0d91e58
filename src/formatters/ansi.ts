/** ANSI terminal styles for the human-readable report. */

/** Wraps text in one terminal style. */
export type Paint = (text: string) => string

/** The styles the stylish report uses. */
export interface Palette {
  /** Red foreground, for errors. */
  red: Paint
  /** Yellow foreground, for warnings. */
  yellow: Paint
  /** Faint text, for positions and rule ids. */
  dim: Paint
  /** Bold text, for the summary. */
  bold: Paint
  /** Underlined text, for file paths. */
  underline: Paint
}

/** Returns a paint that puts `text` between the SGR codes `start` and `end`. */
function sgr(start: number, end: number): Paint {
  return (text) => `\u001B[${start}m${text}\u001B[${end}m`
}

/** Leaves text as it is. */
const unpainted: Paint = (text) => text

/** Styles that write ANSI escape sequences. */
const ansiPalette: Palette = {
  red: sgr(31, 39),
  yellow: sgr(33, 39),
  dim: sgr(2, 22),
  bold: sgr(1, 22),
  underline: sgr(4, 24),
}

/** Styles that leave text as it is, for output without colour. */
const plainPalette: Palette = {
  red: unpainted,
  yellow: unpainted,
  dim: unpainted,
  bold: unpainted,
  underline: unpainted,
}

/** Returns the ANSI styles when `color` is true, and styles that add nothing otherwise. */
export function createPalette(color: boolean): Palette {
  return color ? ansiPalette : plainPalette
}
