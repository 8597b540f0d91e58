/**
 * The language server's linter, in process: documents are linted with the
 * configuration, word list and ignore files found for their path, as the
 * command line would lint the files, and configuration is read again only
 * on reload.
 */
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {DocumentLinter} from '../../src/lsp/document-linter.js'

const glued = 'Haze was PM2.5Caused by coal.\n'
const misspelled = 'The Qwzxv station reported haze.\n'

describe('DocumentLinter', () => {
  let root: string
  let linter: DocumentLinter

  /** A document for a file under the temporary root. */
  function documentAt(relativePath: string, text: string, languageId = 'markdown'): TextDocument {
    return TextDocument.create(pathToFileURL(path.join(root, relativePath)).href, languageId, 1, text)
  }

  /** The rule ids of a document's diagnostics. */
  async function codesOf(document: TextDocument): Promise<unknown[]> {
    const outcome = await linter.lint(document)
    return outcome!.diagnostics.map((diagnostic) => diagnostic.code)
  }

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'bilint-lsp-linter-'))
    await mkdir(path.join(root, 'docs'))
    await writeFile(path.join(root, '.bilintrc.json'), JSON.stringify({ignorePatterns: ['drafts/**']}))
    await writeFile(path.join(root, '.bilintignore'), 'private.md\n')
    linter = new DocumentLinter(() => [root])
  })

  afterAll(async () => {
    await rm(root, {recursive: true, force: true})
  })

  it('lints a document with the configuration of its folder', async () => {
    expect(await codesOf(documentAt('docs/report.md', glued))).toEqual(['glued-subscript'])
    expect(await codesOf(documentAt('docs/notes.txt', glued, 'plaintext'))).toEqual(['glued-subscript'])
  })

  it('publishes nothing for files the configuration, .bilintignore or node_modules exclude', async () => {
    expect(await codesOf(documentAt('drafts/report.md', glued))).toEqual([])
    expect(await codesOf(documentAt('private.md', glued))).toEqual([])
    expect(await codesOf(documentAt('node_modules/pkg/README.md', glued))).toEqual([])
  })

  it('does not lint documents that are neither Markdown nor text', async () => {
    expect(await linter.lint(documentAt('docs/app.ts', glued, 'typescript'))).toBeNull()
  })

  it('reads configuration again only on reload, project words included', async () => {
    const document = documentAt('docs/words.md', misspelled)
    expect(await codesOf(document)).toEqual(['spelling'])
    await writeFile(path.join(root, '.bilint-words.txt'), 'Qwzxv\n')
    expect(await codesOf(document)).toEqual(['spelling'])
    linter.reload()
    expect(await codesOf(document)).toEqual([])
  })

  it('turns a broken configuration into one error naming the file, on the first line', async () => {
    const configPath = path.join(root, 'docs', '.bilintrc.json')
    await writeFile(configPath, '{"rules": {"glued-subscript": "loud"}}')
    linter.reload()
    const outcome = await linter.lint(documentAt('docs/report.md', `# Title\n\n${glued}`))
    expect(outcome!.configError?.filePath).toBe(configPath)
    expect(outcome!.diagnostics).toEqual([
      {
        range: {start: {line: 0, character: 0}, end: {line: 0, character: 7}},
        severity: 1,
        source: 'bilint',
        message: `bilint configuration error in ${configPath}: rules.glued-subscript: invalid setting "loud": expected a severity ("off", "warn", "error", 0, 1 or 2) or [severity, options]`,
      },
    ])
    await rm(configPath)
    linter.reload()
  })

  it('applies every safe fix for "fix all", keeping a BOM', async () => {
    expect(await linter.fixAll(documentAt('docs/report.md', glued))).toBe('Haze was PM2.5 caused by coal.\n')
    expect(await linter.fixAll(documentAt('docs/report.md', `\uFEFF${glued}`))).toBe('\uFEFFHaze was PM2.5 caused by coal.\n')
    expect(await linter.fixAll(documentAt('docs/report.md', 'Nothing to fix here.\n'))).toBeNull()
  })

  it('lints untitled documents without configuration', async () => {
    const document = TextDocument.create('untitled:Untitled-2', 'plaintext', 1, glued)
    expect((await linter.lint(document))!.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['glued-subscript'])
  })
})
