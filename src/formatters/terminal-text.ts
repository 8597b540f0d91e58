/** Making text from documents safe to print on one line of a terminal report. */

/** Line breaks and tabs, which would break a one-line-per-message layout. */
const lineBreaksAndTabs = /\r\n|[\r\n\t\v\f\u0085\u2028\u2029]/g

/**
 * Control characters, and the invisible characters that reorder text
 * (bidirectional controls), which a document could use to disguise a report
 * or to send commands to the terminal.
 */
const controlCharacters = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g

/** Writes a character as a visible `\u001B`-style escape. */
function visibleEscape(character: string): string {
  const hexadecimal = (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')
  return `\\u${hexadecimal}`
}

/**
 * Returns `text` on a single line: line breaks and tabs become spaces, and
 * other control characters are shown as `\u001B`-style escapes.
 */
export function toSingleLine(text: string): string {
  return text.replace(lineBreaksAndTabs, ' ').replace(controlCharacters, visibleEscape)
}
