/**
 * End-to-end test of `bilint --lsp`: the built bin runs as a child process
 * and a real LSP client (vscode-languageserver-protocol) talks to it over
 * stdio, as an editor would: initialize, open a Markdown document, receive
 * diagnostics, apply the preferred quick fix, see the diagnostic go, change
 * the configuration on disk and see the rule's diagnostics go, then shut
 * down and exit.
 */
import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process'
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {
  CodeActionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Registration,
  type ShowMessageParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {assertBinBuilt, cliPath} from '../cli/helpers.js'

/** How long to wait for the server to publish, before failing (generous: CI machines are slow). */
const waitTimeoutMs = 15_000

/** A document with a glued formula (line 6) and an orphaned heading (line 2). */
const documentText = `# Report

## Summary

## Details

Haze was PM2.5Caused by coal.
`

/** What a diagnostic is, without the fields that do not matter here. */
function summary(diagnostic: Diagnostic): {code: unknown; range: Diagnostic['range']; severity: unknown} {
  return {code: diagnostic.code, range: diagnostic.range, severity: diagnostic.severity}
}

/** The client side: the child process, the connection, and everything the server sent. */
interface Client {
  child: ChildProcessWithoutNullStreams
  connection: ProtocolConnection
  published: PublishDiagnosticsParams[]
  shown: ShowMessageParams[]
  logs: string[]
  registrations: Registration[]
  stderr: string[]
  exit: Promise<number | null>
}

/** Starts `node dist/src/cli.cjs --lsp` (and any extra arguments) and connects a client to it. */
function startServer(cwd: string, extraArgs: readonly string[] = []): Client {
  const child = spawn(process.execPath, [cliPath, '--lsp', ...extraArgs], {cwd, stdio: ['pipe', 'pipe', 'pipe']})
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
  const client: Client = {
    child,
    connection,
    published: [],
    shown: [],
    logs: [],
    registrations: [],
    stderr: [],
    exit: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
  }
  child.stderr.on('data', (chunk: Buffer) => client.stderr.push(chunk.toString('utf8')))
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    client.published.push(params)
  })
  connection.onNotification(ShowMessageNotification.type, (params) => {
    client.shown.push(params)
  })
  connection.onNotification(LogMessageNotification.type, (params) => {
    client.logs.push(params.message)
  })
  connection.onRequest(RegistrationRequest.type, (params) => {
    client.registrations.push(...params.registrations)
  })
  connection.listen()
  return client
}

/** Resolves when `check` returns a value other than undefined, polling; rejects after the timeout. */
async function waitFor<T>(what: string, check: () => T | undefined, client: Client): Promise<T> {
  const deadline = Date.now() + waitTimeoutMs
  for (;;) {
    const value = check()
    if (value !== undefined) return value
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}; published: ${JSON.stringify(client.published)}; logs: ${client.logs.join('\n')}; stderr: ${client.stderr.join('')}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** The latest diagnostics published for a document once they satisfy `accept`. */
function diagnosticsWhen(client: Client, uri: string, what: string, accept: (params: PublishDiagnosticsParams) => boolean): Promise<Diagnostic[]> {
  return waitFor(
    what,
    () => {
      const latest = client.published.filter((params) => params.uri === uri).at(-1)
      return latest && accept(latest) ? latest.diagnostics : undefined
    },
    client,
  )
}

/** The edits of one document in a workspace edit, in either of its two forms. */
function editsOf(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (edit?.documentChanges) {
    return edit.documentChanges.flatMap((change) => ('textDocument' in change && change.textDocument.uri === uri ? change.edits : [])) as TextEdit[]
  }
  return edit?.changes?.[uri] ?? []
}

/** The round trip for the notes: each step's diagnostics as JSON, one diagnostic a line. */
function formatRoundTrip(steps: Record<string, Diagnostic[]>): string {
  return Object.entries(steps)
    .map(([step, diagnostics]) => {
      const items = diagnostics.map((diagnostic) => `  ${JSON.stringify(diagnostic)}`)
      return `${step}:\n${items.length === 0 ? '  (none)' : items.join('\n')}`
    })
    .join('\n')
}

describe('bilint --lsp', () => {
  let root: string
  let docsFolder: string
  let uri: string
  let client: Client
  let initializeResult: InitializeResult
  /** The client's copy of the document. */
  let document: TextDocument
  /** The diagnostics JSON at each step of the round trip, printed once at the end. */
  const roundTrip: Record<string, Diagnostic[]> = {}

  beforeAll(async () => {
    assertBinBuilt()
    root = await mkdtemp(path.join(os.tmpdir(), 'bilint-lsp-'))
    docsFolder = path.join(root, 'docs')
    await mkdir(docsFolder)
    // An empty configuration at the root, so that nothing above the temporary directory applies.
    await writeFile(path.join(root, '.bilintrc.json'), '{}\n')
    const filePath = path.join(docsFolder, 'report.md')
    await writeFile(filePath, documentText)
    uri = pathToFileURL(filePath).href
    document = TextDocument.create(uri, 'markdown', 1, documentText)
    client = startServer(root)
    initializeResult = await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{uri: pathToFileURL(root).href, name: 'project'}],
      capabilities: {
        workspace: {didChangeWatchedFiles: {dynamicRegistration: true}, workspaceEdit: {documentChanges: true}},
        textDocument: {
          publishDiagnostics: {versionSupport: true, codeDescriptionSupport: true, dataSupport: true},
          codeAction: {
            codeActionLiteralSupport: {codeActionKind: {valueSet: ['quickfix', 'source.fixAll']}},
            isPreferredSupport: true,
            dataSupport: true,
          },
        },
      },
    })
    await client.connection.sendNotification(InitializedNotification.type, {})
  })

  afterAll(async () => {
    if (client && client.child.exitCode === null) client.child.kill()
    client?.connection.dispose()
    if (root) await rm(root, {recursive: true, force: true})
  })

  it('initializes with incremental sync and code actions, and registers watchers for configuration files', async () => {
    expect(initializeResult.capabilities.textDocumentSync).toMatchObject({openClose: true, change: 2})
    expect(initializeResult.capabilities.codeActionProvider).toMatchObject({codeActionKinds: ['quickfix', 'source.fixAll.bilint']})
    expect(initializeResult.serverInfo?.name).toBe('bilint')
    const registration = await waitFor('the watcher registration', () => client.registrations[0], client)
    expect(registration.method).toBe('workspace/didChangeWatchedFiles')
    const patterns = (registration.registerOptions as {watchers: Array<{globPattern: string}>}).watchers.map((watcher) => watcher.globPattern)
    expect(patterns).toEqual(expect.arrayContaining(['**/.bilintrc.json', '**/.bilintrc.yaml', '**/package.json', '**/.bilint-words.txt']))
  })

  it('publishes diagnostics on open, at the right ranges', async () => {
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {uri, languageId: 'markdown', version: 1, text: documentText},
    })
    const diagnostics = await diagnosticsWhen(client, uri, 'diagnostics of version 1', (params) => params.version === 1)
    roundTrip['opened'] = diagnostics
    expect(diagnostics.map(summary)).toEqual([
      {code: 'orphaned-heading', severity: 2, range: {start: {line: 2, character: 0}, end: {line: 2, character: 10}}},
      {code: 'glued-subscript', severity: 1, range: {start: {line: 6, character: 9}, end: {line: 6, character: 20}}},
    ])
    const glued = diagnostics[1]!
    expect(glued).toMatchObject({
      source: 'bilint',
      codeDescription: {href: 'https://github.com/bilint/bilint/blob/main/rules/glued-subscript/README.md'},
    })
    expect(glued.message).toContain('PM2.5Caused')
  })

  it('offers the quick fixes of a diagnostic, and applying the preferred one makes it go away', async () => {
    const glued = client.published.filter((params) => params.uri === uri).at(-1)!.diagnostics.find((item) => item.code === 'glued-subscript')!
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: {uri},
      range: glued.range,
      context: {diagnostics: [glued]},
    })) as CodeAction[]
    expect(actions.map((action) => [action.title, action.kind, action.isPreferred ?? false])).toEqual([
      ['Replace with `PM2.5 caused`', 'quickfix', true],
      ['Disable glued-subscript for this line', 'quickfix', false],
      ['Disable glued-subscript for this file', 'quickfix', false],
    ])
    const preferred = actions.find((action) => action.isPreferred)!
    const edits = editsOf(preferred.edit, uri)
    expect(edits).toEqual([{range: glued.range, newText: 'PM2.5 caused'}])
    document = TextDocument.update(document, edits.map((edit) => ({range: edit.range, text: edit.newText})), 2)
    expect(document.getText()).toContain('Haze was PM2.5 caused by coal.')
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: {uri, version: 2},
      contentChanges: edits.map((edit) => ({range: edit.range, text: edit.newText})),
    })
    const diagnostics = await diagnosticsWhen(client, uri, 'diagnostics of version 2', (params) => params.version === 2)
    roundTrip['after the quick fix'] = diagnostics
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['orphaned-heading'])
  })

  it('offers "fix all" as a source action only when asked for it', async () => {
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: {uri},
      range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}},
      context: {diagnostics: [], only: ['source.fixAll']},
    })) as CodeAction[]
    // The glued formula is fixed already and an orphaned heading has no fix: nothing to do.
    expect(actions).toEqual([])
  })

  it('reloads the configuration when a watched file changes and lints open documents again', async () => {
    const configPath = path.join(docsFolder, '.bilintrc.json')
    await writeFile(configPath, JSON.stringify({rules: {'orphaned-heading': 'off'}}))
    const published = client.published.length
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{uri: pathToFileURL(configPath).href, type: FileChangeType.Created}],
    })
    const diagnostics = await diagnosticsWhen(client, uri, 'diagnostics after the configuration change', () => client.published.length > published)
    roundTrip['after turning orphaned-heading off in docs/.bilintrc.json'] = diagnostics
    expect(diagnostics).toEqual([])
    console.log(`bilint --lsp round trip (textDocument/publishDiagnostics for docs/report.md):\n${formatRoundTrip(roundTrip)}`)
  })

  it('turns a configuration error into one diagnostic on the first line naming the file, and shows it', async () => {
    const configPath = path.join(docsFolder, '.bilintrc.json')
    await writeFile(configPath, JSON.stringify({rules: {'no-such-rule': 'error'}}))
    const published = client.published.length
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{uri: pathToFileURL(configPath).href, type: FileChangeType.Changed}],
    })
    const diagnostics = await diagnosticsWhen(client, uri, 'the configuration error', () => client.published.length > published)
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0]).toMatchObject({severity: 1, source: 'bilint', range: {start: {line: 0, character: 0}}})
    expect(diagnostics[0]!.message).toContain(configPath)
    expect(diagnostics[0]!.message).toContain('rules.no-such-rule')
    const shown = await waitFor('window/showMessage', () => client.shown.at(-1), client)
    expect(shown).toMatchObject({type: 1})
    expect(shown.message).toContain(configPath)

    await writeFile(configPath, '{}\n')
    const afterRepair = client.published.length
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{uri: pathToFileURL(configPath).href, type: FileChangeType.Changed}],
    })
    const repaired = await diagnosticsWhen(client, uri, 'diagnostics after the repair', () => client.published.length > afterRepair)
    expect(repaired.map((diagnostic) => diagnostic.code)).toEqual(['orphaned-heading'])
  })

  it('lints untitled documents without configuration, and survives malformed requests', async () => {
    const untitled = 'untitled:Untitled-1'
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {uri: untitled, languageId: 'markdown', version: 1, text: 'Winter haze was PM2.5Caused by coal.\n'},
    })
    const diagnostics = await diagnosticsWhen(client, untitled, 'diagnostics of the untitled document', (params) => params.version === 1)
    expect(diagnostics.map(summary)).toEqual([
      {code: 'glued-subscript', severity: 1, range: {start: {line: 0, character: 16}, end: {line: 0, character: 27}}},
    ])
    // Requests about unknown documents, and nonsense, are answered without harm.
    await expect(
      client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: {uri: 'file:///nowhere/missing.md'},
        range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}},
        context: {diagnostics: []},
      }),
    ).resolves.toEqual([])
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {changes: null} as never)
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: {uri: untitled},
      range: diagnostics[0]!.range,
      context: {diagnostics: [{...diagnostics[0]!, data: {expected: 42}} as Diagnostic, {range: null} as never]},
    })) as CodeAction[]
    // Malformed data gives no replacement, but the rule can still be disabled.
    expect(actions.map((action) => action.title)).toEqual(['Disable glued-subscript for this line', 'Disable glued-subscript for this file'])
    expect(client.child.exitCode).toBeNull()
  })

  it('shuts down and exits with status 0', async () => {
    await client.connection.sendRequest(ShutdownRequest.type)
    await client.connection.sendNotification(ExitNotification.type)
    expect(await client.exit).toBe(0)
    expect(client.stderr.join('')).toBe('')
  })

  it('accepts --stdio, which editor clients add, and ends when the client exits without shutdown', async () => {
    const second = startServer(root, ['--stdio'])
    try {
      const result = await second.connection.sendRequest(InitializeRequest.type, {processId: null, rootUri: null, capabilities: {}})
      expect(result.serverInfo?.name).toBe('bilint')
      await second.connection.sendNotification(InitializedNotification.type, {})
      await second.connection.sendNotification(ExitNotification.type)
      // LSP: exit without a shutdown request first ends with status 1.
      expect(await second.exit).toBe(1)
      expect(second.stderr.join('')).toBe('')
    } finally {
      second.connection.dispose()
      if (second.child.exitCode === null) second.child.kill()
    }
  })
})
