/**
 * Lints open documents with the configuration found for their files, as
 * `bilint FILE` would, and turns the result into diagnostics.
 */
import type {Diagnostic} from 'vscode-languageserver/node.js'
import {DiagnosticSeverity} from 'vscode-languageserver/node.js'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {ConfigError} from '../config/errors.js'
import {ConfigSource, type FileConfig} from '../engine/config-source.js'
import {defaultMaxFileSize, lintText} from '../engine/lint-files.js'
import {configErrorDiagnostic, diagnosticSource, toDiagnostic} from './diagnostics.js'
import {documentTarget, type DocumentTarget} from './document-target.js'
import {IgnoreRules} from './ignore-rules.js'

/** What linting one document gave. */
export interface LintOutcome {
  /** The diagnostics to publish (empty for an ignored document). */
  diagnostics: Diagnostic[]
  /** The configuration problem that replaced the findings, if any. */
  configError?: ConfigError
}

/** The configuration a document is linted with, or `ignored`. */
type DocumentSettings = Pick<FileConfig, 'config' | 'words'> | 'ignored'

/** Lints documents; configuration files are read once and cached until {@link DocumentLinter.reload}. */
export class DocumentLinter {
  /** Where configurations come from; replaced on reload so that nothing stale is kept. */
  #configs: ConfigSource
  /** The ignore rules. */
  readonly #ignoreRules: IgnoreRules

  /** @param roots The workspace folders (absolute paths), where `.bilintignore` is read. */
  constructor(roots: () => readonly string[]) {
    this.#configs = newConfigSource()
    this.#ignoreRules = new IgnoreRules(roots)
  }

  /** Forgets every configuration, word list and ignore file read, after one of them changed. */
  reload(): void {
    this.#configs = newConfigSource()
    this.#ignoreRules.reset()
  }

  /**
   * Lints a document.
   *
   * @param document The open document.
   * @returns The diagnostics, or null when the document is not one bilint lints.
   */
  async lint(document: TextDocument): Promise<LintOutcome | null> {
    const target = documentTarget(document)
    if (target === null) return null
    const text = document.getText()
    if (text.length > defaultMaxFileSize) return {diagnostics: [tooLargeDiagnostic(text.length)]}
    let settings: DocumentSettings
    try {
      settings = await this.#settingsFor(target)
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error
      return {diagnostics: [configErrorDiagnostic(error, firstLineLength(text))], configError: error}
    }
    if (settings === 'ignored') return {diagnostics: []}
    const result = await lintText(text, {filePath: target.lintPath, config: settings.config, projectWords: settings.words})
    const bomLength = text.charCodeAt(0) === 0xfeff ? 1 : 0
    return {diagnostics: result.messages.map((message) => toDiagnostic(message, bomLength))}
  }

  /**
   * The document's text with every safe fix applied (`bilint --fix`).
   *
   * @param document The open document.
   * @returns The fixed text, or null when there is nothing to fix (or the document is not linted).
   */
  async fixAll(document: TextDocument): Promise<string | null> {
    const target = documentTarget(document)
    if (target === null) return null
    const settings = await this.#settingsFor(target)
    if (settings === 'ignored') return null
    const text = document.getText()
    const result = await lintText(text, {filePath: target.lintPath, config: settings.config, projectWords: settings.words, fix: 'safe'})
    if (result.output === undefined) return null
    return text.charCodeAt(0) === 0xfeff ? `\uFEFF${result.output}` : result.output
  }

  /** The configuration for a document's file; none for documents that are not files. */
  async #settingsFor(target: DocumentTarget): Promise<DocumentSettings> {
    if (target.filePath === null) return {config: null, words: []}
    const found = await this.#configs.forFile(target.filePath)
    if (await this.#ignoreRules.isIgnored(target.filePath, found)) return 'ignored'
    return found
  }
}

/** A configuration source that looks for configuration files from each file's folder up. */
function newConfigSource(): ConfigSource {
  return new ConfigSource(process.cwd(), {useConfigFiles: true})
}

/** Length of the first line of a text, in UTF-16 code units. */
function firstLineLength(text: string): number {
  const end = text.search(/[\r\n]/)
  return end === -1 ? text.length : end
}

/** The note shown instead of findings on a document too large to lint. */
function tooLargeDiagnostic(length: number): Diagnostic {
  return {
    range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}},
    severity: DiagnosticSeverity.Information,
    source: diagnosticSource,
    message: `Not linted: the document has ${length} characters, more than bilint lints (${defaultMaxFileSize})`,
  }
}
