/**
 * One language server session: keeps the open documents, lints them on open
 * and (debounced) on change, publishes diagnostics, answers code action
 * requests, and reloads configuration when a configuration file changes.
 *
 * Every handler catches its own errors and logs them to the client: bad
 * input from the client or a broken file never ends the server.
 */
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type DidChangeWatchedFilesParams,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node.js'
import {TextDocument} from 'vscode-languageserver-textdocument'
import type {ConfigError} from '../config/errors.js'
import {bilintVersion} from '../version.js'
import {fixAllAction, fixAllKind, isKindRequested, quickFixes, type EditStyle} from './code-actions.js'
import {configFileWatchers, isConfigFileUri} from './config-watch.js'
import {Debouncer} from './debounce.js'
import {configErrorText} from './diagnostics.js'
import {DocumentLinter} from './document-linter.js'
import {documentTarget, filePathOfUri} from './document-target.js'

/** The debouncer key of a configuration reload (no document URI looks like it). */
const reloadKey = '\0reload-configuration'

/** The state of one language server connection. */
export class LanguageServerSession {
  /** The open documents, kept in sync by `TextDocuments`. */
  readonly #documents = new TextDocuments(TextDocument)
  /** Lints documents with their configuration. */
  readonly #linter: DocumentLinter
  /** Delays linting after edits and reloading after configuration changes. */
  readonly #debouncer = new Debouncer()
  /** A counter per document, so that only the latest lint of a document publishes. */
  readonly #generations = new Map<string, number>()
  /** Documents linted since they were opened (the first lint after opening is not delayed). */
  readonly #linted = new Set<string>()
  /** Configuration errors already shown in a message, so each is shown once until configuration changes. */
  readonly #shownErrors = new Set<string>()
  /** Workspace folders, absolute paths. */
  #roots: string[] = []
  /** How workspace edits are written for this client. */
  #editStyle: EditStyle = {documentChanges: false}
  /** Whether the client lets the server register file watchers. */
  #canRegisterWatchers = false

  /** @param connection The connection to the client. */
  constructor(private readonly connection: Connection) {
    this.#linter = new DocumentLinter(() => this.#roots)
  }

  /** Installs the handlers and starts listening. */
  listen(): void {
    const connection = this.connection
    connection.onInitialize((params) => this.#initialize(params))
    connection.onInitialized(() => void this.#registerWatchers())
    connection.onShutdown(() => this.#debouncer.cancelAll())
    connection.onDidChangeWatchedFiles((params) => this.#watchedFilesChanged(params))
    connection.onCodeAction((params) => this.#codeActions(params))
    this.#documents.onDidChangeContent(({document}) => this.#contentChanged(document.uri))
    this.#documents.onDidClose(({document}) => void this.#closed(document.uri))
    this.#documents.listen(connection)
    connection.listen()
  }

  /** Reads the client's capabilities and workspace, and states the server's. */
  #initialize(params: InitializeParams): InitializeResult {
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : [])
    this.#roots = folders.map(filePathOfUri).filter((root): root is string => root !== null)
    const workspace = params.capabilities?.workspace
    this.#editStyle = {documentChanges: workspace?.workspaceEdit?.documentChanges === true}
    this.#canRegisterWatchers = workspace?.didChangeWatchedFiles?.dynamicRegistration === true
    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental},
        codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix, fixAllKind]},
      },
      serverInfo: {name: 'bilint', version: bilintVersion()},
    }
  }

  /** Asks the client to report changes to configuration files, when it allows the server to ask. */
  async #registerWatchers(): Promise<void> {
    if (!this.#canRegisterWatchers) {
      this.connection.console.info('bilint: the client cannot watch files for the server; configuration changes apply when it reports them')
      return
    }
    try {
      await this.connection.client.register(DidChangeWatchedFilesNotification.type, {watchers: configFileWatchers()})
    } catch (error) {
      this.#logError('registering the configuration file watchers', error)
    }
  }

  /** Lints a document now if it was just opened, else after the edits pause. */
  #contentChanged(uri: string): void {
    if (this.#linted.has(uri)) {
      this.#debouncer.schedule(uri, () => void this.#lintAndPublish(uri))
    } else {
      this.#linted.add(uri)
      void this.#lintAndPublish(uri)
    }
  }

  /** Forgets a closed document and clears its diagnostics. */
  async #closed(uri: string): Promise<void> {
    this.#debouncer.cancel(uri)
    this.#generations.delete(uri)
    this.#linted.delete(uri)
    try {
      await this.connection.sendDiagnostics({uri, diagnostics: []})
    } catch (error) {
      this.#logError(`clearing the diagnostics of ${uri}`, error)
    }
  }

  /** Reloads configuration after the edits to configuration files pause, when any changed file is one. */
  #watchedFilesChanged(params: DidChangeWatchedFilesParams): void {
    const changes = Array.isArray(params?.changes) ? params.changes : []
    if (!changes.some((change) => typeof change?.uri === 'string' && isConfigFileUri(change.uri))) return
    this.#debouncer.schedule(reloadKey, () => this.#reloadConfiguration())
  }

  /** Forgets every configuration read and lints every open document again. */
  #reloadConfiguration(): void {
    this.#linter.reload()
    this.#shownErrors.clear()
    for (const document of this.#documents.all()) {
      this.#debouncer.cancel(document.uri)
      void this.#lintAndPublish(document.uri)
    }
  }

  /**
   * Lints a document and publishes its diagnostics, unless the document
   * changed or closed in the meantime (a newer lint is then on its way).
   */
  async #lintAndPublish(uri: string): Promise<void> {
    const document = this.#documents.get(uri)
    if (document === undefined) return
    const generation = (this.#generations.get(uri) ?? 0) + 1
    this.#generations.set(uri, generation)
    const snapshot = TextDocument.create(uri, document.languageId, document.version, document.getText())
    try {
      const outcome = await this.#linter.lint(snapshot)
      if (this.#generations.get(uri) !== generation || this.#documents.get(uri)?.version !== snapshot.version) return
      if (outcome === null) return
      if (outcome.configError) this.#showConfigError(outcome.configError)
      await this.connection.sendDiagnostics({uri, version: snapshot.version, diagnostics: outcome.diagnostics})
    } catch (error) {
      this.#logError(`linting ${uri}`, error)
    }
  }

  /** Shows a configuration problem in a message (`window/showMessage`), once until configuration changes. */
  #showConfigError(error: ConfigError): void {
    const text = configErrorText(error)
    this.connection.console.error(text)
    if (this.#shownErrors.has(text)) return
    this.#shownErrors.add(text)
    void this.connection.sendNotification(ShowMessageNotification.type, {type: MessageType.Error, message: text})
  }

  /** Quick fixes for the diagnostics in the request, and "fix all" when the client asks for it. */
  async #codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    try {
      const document = this.#documents.get(params?.textDocument?.uri)
      if (document === undefined) return []
      const target = documentTarget(document)
      if (target === null) return []
      const snapshot = TextDocument.create(document.uri, document.languageId, document.version, document.getText())
      const only = Array.isArray(params.context?.only) ? params.context.only : undefined
      const diagnostics = Array.isArray(params.context?.diagnostics) ? params.context.diagnostics : []
      const actions: CodeAction[] = []
      if (isKindRequested(only, CodeActionKind.QuickFix)) {
        actions.push(...quickFixes(snapshot, diagnostics, target.format === 'markdown', this.#editStyle))
      }
      if (isKindRequested(only, fixAllKind)) {
        const fixed = await this.#linter.fixAll(snapshot)
        if (fixed !== null) actions.push(fixAllAction(snapshot, fixed, this.#editStyle))
      }
      return actions
    } catch (error) {
      this.#logError('computing code actions', error)
      return []
    }
  }

  /** Logs an error to the client's output. */
  #logError(doing: string, error: unknown): void {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error)
    this.connection.console.error(`bilint: error while ${doing}: ${detail}`)
  }
}
