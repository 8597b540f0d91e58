/**
 * Edits that turn a rule off with a `<!-- bilint-… -->` comment in a
 * Markdown document: for one line, or for the whole file.
 *
 * The comment for one line goes on its own line above, carrying the
 * blockquote markers and list indentation of the line so that the document
 * keeps its structure; a GFM table row cannot have a line inserted above it
 * without ending the table, so it gets a `bilint-disable-line` comment
 * inside its last cell instead. A comment that is already there for the same
 * place gets the rule added rather than a second comment.
 */
import type {TextEdit} from 'vscode-languageserver/node.js'
import type {TextDocument} from 'vscode-languageserver-textdocument'

/** Longest line tested for a directive comment. */
const maxDirectiveLineLength = 600

/** A `bilint-disable-next-line` or `bilint-disable` comment alone on a line, with its prefix and rule ids. */
const lineCommentPattern = /^([ \t>]*)<!--\s*bilint-(disable-next-line|disable)\b([^>]*)-->[ \t]*$/

/**
 * The edit that silences a rule on one line of a Markdown document.
 *
 * @param document The document.
 * @param line 0-based line of the finding.
 * @param ruleId The rule to silence.
 */
export function disableLineEdit(document: TextDocument, line: number, ruleId: string): TextEdit {
  const text = lineText(document, line)
  const tableRow = /^([ \t>]*)\|.*\|[ \t]*$/.exec(text)
  if (tableRow) {
    const lastPipe = text.lastIndexOf('|')
    const position = {line, character: lastPipe}
    return {range: {start: position, end: position}, newText: `<!-- bilint-disable-line ${ruleId} --> `}
  }
  if (line > 0) {
    const merged = mergedComment(lineText(document, line - 1), 'disable-next-line', ruleId)
    if (merged !== null) return replaceLine(document, line - 1, merged)
  }
  const position = lineStart(document, line)
  return {
    range: {start: position, end: position},
    newText: `${commentPrefix(text.replace(/^\uFEFF/, ''))}<!-- bilint-disable-next-line ${ruleId} -->${endOfLine(document)}`,
  }
}

/**
 * The edit that silences a rule in a whole Markdown document: a
 * `<!-- bilint-disable rule -->` comment on the first line, after the front
 * matter if there is one.
 *
 * @param document The document.
 * @param ruleId The rule to silence.
 */
export function disableFileEdit(document: TextDocument, ruleId: string): TextEdit {
  const line = firstBodyLine(document)
  if (line < document.lineCount) {
    const merged = mergedComment(lineText(document, line), 'disable', ruleId)
    if (merged !== null) return replaceLine(document, line, merged)
  }
  const position = line < document.lineCount ? lineStart(document, line) : document.positionAt(document.getText().length)
  const atEnd = line >= document.lineCount
  const eol = endOfLine(document)
  return {
    range: {start: position, end: position},
    newText: atEnd ? `${eol}<!-- bilint-disable ${ruleId} -->${eol}` : `<!-- bilint-disable ${ruleId} -->${eol}`,
  }
}

/**
 * The line with the rule added, when it is a comment of the given kind
 * listing rule ids; null otherwise (a comment without ids covers every rule,
 * and a rule already listed needs nothing).
 */
function mergedComment(text: string, kind: 'disable-next-line' | 'disable', ruleId: string): string | null {
  // A directive comment is short: longer lines are not tested (the pattern backtracks on long runs of spaces).
  const line = text.replace(/^\uFEFF/, '')
  const match = line.length > maxDirectiveLineLength ? null : lineCommentPattern.exec(line)
  if (!match || match[2] !== kind) return null
  const ids = (match[3] ?? '').split(/[\s,]+/).filter(Boolean)
  if (ids.length === 0 || ids.includes(ruleId)) return null
  return `${match[1]}<!-- bilint-${kind} ${[...ids, ruleId].join(' ')} -->`
}

/**
 * What goes before a comment inserted above a line: the line's indentation
 * and blockquote markers and, for a list item, spaces as wide as its marker,
 * so that the comment stays inside the list instead of ending it.
 */
function commentPrefix(text: string): string {
  const match = /^([ \t>]*)(?:([-*+]|\d{1,9}[.)])([ \t]+)(?=\S))?/.exec(text)
  const container = match?.[1] ?? ''
  const marker = match?.[2]
  return marker === undefined ? container : container + ' '.repeat(marker.length + (match?.[3]?.length ?? 0))
}

/** The 0-based line after the YAML (`---`) or TOML (`+++`) front matter, or 0 when there is none. */
function firstBodyLine(document: TextDocument): number {
  const fence = lineText(document, 0).replace(/^\uFEFF/, '').trimEnd()
  if (fence !== '---' && fence !== '+++') return 0
  for (let line = 1; line < document.lineCount; line++) {
    const text = lineText(document, line).trimEnd()
    if (text === fence || (fence === '---' && text === '...')) return line + 1
  }
  return 0
}

/** An edit replacing a whole line's text (not its line break, nor a BOM). */
function replaceLine(document: TextDocument, line: number, newText: string): TextEdit {
  return {range: {start: lineStart(document, line), end: {line, character: lineText(document, line).length}}, newText}
}

/** Where a line's text starts: after the BOM on the first line of a document that has one. */
function lineStart(document: TextDocument, line: number): {line: number; character: number} {
  return {line, character: line === 0 && document.getText().charCodeAt(0) === 0xfeff ? 1 : 0}
}

/** A line's text without its line break. */
function lineText(document: TextDocument, line: number): string {
  return document.getText({start: {line, character: 0}, end: {line: line + 1, character: 0}}).replace(/\r?\n$|\r$/, '')
}

/** The document's line break: its first one, or `\n`. */
function endOfLine(document: TextDocument): string {
  return /\r\n|\r|\n/.exec(document.getText())?.[0] ?? '\n'
}
