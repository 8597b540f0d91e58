/**
 * What a document open in the editor is to bilint: the file it is (if it is
 * one on disk), whether it is read as Markdown or plain text, and whether it
 * is linted at all.
 */
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {formatOfPath} from '../engine/lint-text.js'
import {LINTABLE_EXTENSIONS} from '../files/discover.js'

/** Language ids of the documents bilint lints whatever their file name. */
const LINTED_LANGUAGE_IDS: ReadonlySet<string> = new Set(['markdown', 'plaintext', 'text'])

/** A document as bilint sees it. */
export interface DocumentTarget {
  /** The file on disk, for `file:` URIs; null for untitled and other documents, which get no configuration. */
  filePath: string | null
  /** How the text is read. */
  format: 'markdown' | 'text'
  /** The name given to `lintText`, whose extension makes it read the text as `format`. */
  lintPath: string
}

/**
 * The path of a `file:` URI, or null for any other URI (or a malformed one).
 *
 * @param uri A document URI.
 */
export function filePathOfUri(uri: string): string | null {
  if (!uri.startsWith('file:')) return null
  try {
    return fileURLToPath(uri)
  } catch {
    return null
  }
}

/**
 * Decides how a document is linted, or that it is not: documents whose
 * language id is Markdown or plain text, and files with a lintable extension
 * (`.md`, `.markdown`, `.txt`), are linted; others (code, JSON…) are not.
 *
 * @param document The open document.
 * @returns The target, or null when the document is not bilint's business.
 */
export function documentTarget(document: Pick<TextDocument, 'uri' | 'languageId'>): DocumentTarget | null {
  const filePath = filePathOfUri(document.uri)
  const extension = filePath === null ? '' : path.extname(filePath).toLowerCase()
  const markdownByPath = filePath !== null && formatOfPath(filePath) === 'markdown'
  const linted = LINTED_LANGUAGE_IDS.has(document.languageId) || markdownByPath || LINTABLE_EXTENSIONS.includes(extension)
  if (!linted) return null
  const format = markdownByPath || document.languageId === 'markdown' ? 'markdown' : 'text'
  if (filePath === null) return {filePath, format, lintPath: format === 'markdown' ? 'untitled.md' : 'untitled.txt'}
  // A Markdown document in a file without a Markdown extension (a `README`) is still read as Markdown.
  const lintPath = format === 'markdown' && !markdownByPath ? `${filePath}.md` : filePath
  return {filePath, format, lintPath}
}
