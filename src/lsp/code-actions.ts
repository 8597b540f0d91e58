/**
 * Code actions for bilint's diagnostics: one quick fix per replacement
 * candidate (the safe fix preferred), "Disable <rule> for this line" and
 * "Disable <rule> for this file" in Markdown documents, and a source action
 * that applies every safe fix.
 */
import {CodeActionKind, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit} from 'vscode-languageserver/node.js'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {diagnosticDataOf, diagnosticSource, isRange} from './diagnostics.js'
import {disableFileEdit, disableLineEdit} from './directive-edits.js'

/** The kind of the action that applies every safe fix. */
export const fixAllKind = `${CodeActionKind.SourceFixAll}.bilint`

/** How workspace edits are written for this client. */
export interface EditStyle {
  /** Use versioned `documentChanges` (when the client supports them) rather than `changes`. */
  documentChanges: boolean
}

/**
 * Whether a client's `context.only` asks for actions of a kind. Without
 * `only`, quick fixes are wanted and source actions are not (they are
 * listed only when asked for, as editors do for "fix all" on save).
 *
 * @param only The kinds the client asks for, if it says.
 * @param kind The kind of the action.
 */
export function isKindRequested(only: readonly string[] | undefined, kind: string): boolean {
  if (only === undefined || only.length === 0) return !kind.startsWith(CodeActionKind.Source)
  return only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`))
}

/**
 * The quick fixes for the diagnostics of a code action request.
 *
 * @param document The document, as the server holds it.
 * @param diagnostics The diagnostics the client sent (only bilint's are used).
 * @param markdown Whether the document is Markdown (comments can disable rules only there).
 * @param style How to write edits.
 */
export function quickFixes(document: TextDocument, diagnostics: readonly Diagnostic[], markdown: boolean, style: EditStyle): CodeAction[] {
  const ours = diagnostics.filter((diagnostic) => diagnostic.source === diagnosticSource && isRange(diagnostic.range))
  const replacements = ours.flatMap((diagnostic) => replacementActions(document, diagnostic, style))
  return markdown ? [...replacements, ...disableActions(document, ours, style)] : replacements
}

/**
 * The source action that applies every safe fix, replacing the whole text.
 *
 * @param document The document.
 * @param fixedText Its text with the safe fixes applied.
 * @param style How to write edits.
 */
export function fixAllAction(document: TextDocument, fixedText: string, style: EditStyle): CodeAction {
  const range = {start: {line: 0, character: 0}, end: document.positionAt(document.getText().length)}
  return {title: 'Fix all safe bilint problems', kind: fixAllKind, edit: workspaceEdit(document, [{range, newText: fixedText}], style)}
}

/** One quick fix per distinct replacement candidate of a diagnostic; the safe fix is preferred. */
function replacementActions(document: TextDocument, diagnostic: Diagnostic, style: EditStyle): CodeAction[] {
  const data = diagnosticDataOf(diagnostic)
  if (data === undefined) return []
  return [...new Set(data.expected)].map((candidate) => {
    const action: CodeAction = {
      title: replacementTitle(candidate, data.actual),
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: workspaceEdit(document, [{range: diagnostic.range, newText: candidate}], style),
    }
    if (candidate === data.safeFix) action.isPreferred = true
    return action
  })
}

/** "Replace with `x`", or "Delete `y`" for an empty replacement. */
function replacementTitle(candidate: string, actual: string | undefined): string {
  if (candidate !== '') return `Replace with ${quoted(candidate)}`
  return actual === undefined ? 'Delete' : `Delete ${quoted(actual)}`
}

/** A text in backticks, with its spaces made visible at the ends, so `Replace with ` x`` reads clearly. */
function quoted(text: string): string {
  return `\`${text.replace(/^ | $/g, '␣')}\``
}

/** "Disable <rule> for this line" and "… for this file", once per rule and line. */
function disableActions(document: TextDocument, diagnostics: readonly Diagnostic[], style: EditStyle): CodeAction[] {
  const lineActions: CodeAction[] = []
  const fileActions: CodeAction[] = []
  const seenLines = new Set<string>()
  const seenRules = new Set<string>()
  for (const diagnostic of diagnostics) {
    const ruleId = diagnostic.code
    if (typeof ruleId !== 'string' || !/^[a-z][a-z0-9-]*$/.test(ruleId) || ruleId === 'internal-error') continue
    const line = diagnostic.range.start.line
    if (line >= document.lineCount) continue
    if (!seenLines.has(`${ruleId}:${line}`)) {
      seenLines.add(`${ruleId}:${line}`)
      lineActions.push({
        title: `Disable ${ruleId} for this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: workspaceEdit(document, [disableLineEdit(document, line, ruleId)], style),
      })
    }
    if (!seenRules.has(ruleId)) {
      seenRules.add(ruleId)
      fileActions.push({
        title: `Disable ${ruleId} for this file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: workspaceEdit(document, [disableFileEdit(document, ruleId)], style),
      })
    }
  }
  return [...lineActions, ...fileActions]
}

/** A workspace edit of one document. */
function workspaceEdit(document: TextDocument, edits: TextEdit[], style: EditStyle): WorkspaceEdit {
  if (style.documentChanges) return {documentChanges: [{textDocument: {uri: document.uri, version: document.version}, edits}]}
  return {changes: {[document.uri]: edits}}
}
