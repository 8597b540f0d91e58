/**
 * The language server's pieces, without a client: diagnostics from lint
 * messages, quick fixes from diagnostics, and the comments that disable a
 * rule, checked by linting the edited text again with bilint itself.
 */
import {describe, expect, it} from 'vitest'
import type {Diagnostic, TextEdit} from 'vscode-languageserver/node.js'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {lintText} from '../../src/engine/lint-files.js'
import {fixAllAction, isKindRequested, quickFixes} from '../../src/lsp/code-actions.js'
import {configFileWatchers, isConfigFileUri} from '../../src/lsp/config-watch.js'
import {diagnosticDataOf, toDiagnostic} from '../../src/lsp/diagnostics.js'
import {disableFileEdit, disableLineEdit} from '../../src/lsp/directive-edits.js'
import {documentTarget} from '../../src/lsp/document-target.js'
import type {LintMessage} from '../../src/types.js'

/** A Markdown document at a file path. */
function markdown(text: string, version = 1): TextDocument {
  return TextDocument.create('file:///project/doc.md', 'markdown', version, text)
}

/** The document's text after an edit. */
function applied(document: TextDocument, edit: TextEdit): string {
  return TextDocument.applyEdits(document, [edit])
}

/** The glued-subscript messages of a Markdown text, as `line:column`. */
async function gluedPositions(text: string): Promise<string[]> {
  const result = await lintText(text, {filePath: 'doc.md'})
  return result.messages.filter((message) => message.ruleId === 'glued-subscript').map((message) => `${message.line}:${message.column}`)
}

/** Every message of a Markdown text as `rule line:column`. */
async function allMessages(text: string): Promise<string[]> {
  const result = await lintText(text, {filePath: 'doc.md'})
  return result.messages.map((message) => `${message.ruleId} ${message.line}:${message.column}`)
}

describe('toDiagnostic', () => {
  const message: LintMessage = {
    ruleId: 'glued-subscript',
    severity: 2,
    message: 'Unexpected `PM2.5Caused`',
    line: 1,
    column: 10,
    endLine: 1,
    endColumn: 21,
    actual: 'PM2.5Caused',
    expected: ['PM2.5 caused'],
    fix: {range: [9, 20], text: 'PM2.5 caused'},
    url: 'https://example.test/glued-subscript',
  }

  it('turns 1-based positions into 0-based ranges and keeps what quick fixes need', () => {
    expect(toDiagnostic(message, 0)).toEqual({
      range: {start: {line: 0, character: 9}, end: {line: 0, character: 20}},
      severity: 1,
      source: 'bilint',
      code: 'glued-subscript',
      codeDescription: {href: 'https://example.test/glued-subscript'},
      message: 'Unexpected `PM2.5Caused`',
      data: {expected: ['PM2.5 caused'], actual: 'PM2.5Caused', safeFix: 'PM2.5 caused'},
    })
  })

  it('counts a BOM on the first line, which bilint does not', () => {
    expect(toDiagnostic(message, 1).range).toEqual({start: {line: 0, character: 10}, end: {line: 0, character: 21}})
    expect(toDiagnostic({...message, line: 2, endLine: 2}, 1).range.start).toEqual({line: 1, character: 9})
  })

  it('maps warnings to severity 2 and leaves out what a message lacks', () => {
    const diagnostic = toDiagnostic({ruleId: 'orphaned-heading', severity: 1, message: 'x', line: 3, column: 1, endLine: 3, endColumn: 11}, 0)
    expect(diagnostic).toEqual({range: {start: {line: 2, character: 0}, end: {line: 2, character: 10}}, severity: 2, source: 'bilint', code: 'orphaned-heading', message: 'x'})
  })

  it('reads back only well-formed data of bilint diagnostics', () => {
    const range = {start: {line: 0, character: 0}, end: {line: 0, character: 1}}
    expect(diagnosticDataOf({range, message: '', source: 'bilint', data: {expected: ['a', 'b'], safeFix: 'a'}})).toEqual({expected: ['a', 'b'], safeFix: 'a'})
    expect(diagnosticDataOf({range, message: '', source: 'other', data: {expected: ['a']}})).toBeUndefined()
    expect(diagnosticDataOf({range, message: '', source: 'bilint', data: {expected: [1]}})).toBeUndefined()
    expect(diagnosticDataOf({range, message: '', source: 'bilint', data: 'x'})).toBeUndefined()
  })
})

describe('quickFixes', () => {
  const range = {start: {line: 0, character: 4}, end: {line: 0, character: 10}}
  const spelling: Diagnostic = {range, message: 'Unknown word', source: 'bilint', code: 'spelling', data: {expected: ['enviro', 'environ', 'enviro'], actual: 'envirn'}}
  const gap: Diagnostic = {range, message: 'Unexpected space', source: 'bilint', code: 'cjk-latin-spacing', data: {expected: [''], actual: ' ', safeFix: ''}}

  it('offers every distinct candidate, preferring only the safe fix', () => {
    const document = TextDocument.create('file:///project/notes.txt', 'plaintext', 1, 'The envirn is clean.\n')
    const actions = quickFixes(document, [spelling, gap, {...spelling, source: 'eslint'}], false, {documentChanges: false})
    expect(actions.map((action) => [action.title, action.isPreferred ?? false])).toEqual([
      ['Replace with `enviro`', false],
      ['Replace with `environ`', false],
      ['Delete `␣`', true],
    ])
    expect(actions[0]!.edit).toEqual({changes: {'file:///project/notes.txt': [{range, newText: 'enviro'}]}})
  })

  it('writes versioned document changes when the client supports them', () => {
    const document = markdown('The envirn is clean.\n', 7)
    const [action] = quickFixes(document, [spelling], true, {documentChanges: true})
    expect(action!.edit).toEqual({documentChanges: [{textDocument: {uri: document.uri, version: 7}, edits: [{range, newText: 'enviro'}]}]})
  })

  it('adds the disable actions in Markdown only, once per rule and line', () => {
    const document = markdown('The envirn is clean.\n')
    const titles = quickFixes(document, [spelling, spelling, {...spelling, range: {start: {line: 1, character: 0}, end: {line: 1, character: 0}}}], true, {documentChanges: false})
      .map((action) => action.title)
      .filter((title) => title.startsWith('Disable'))
    expect(titles).toEqual(['Disable spelling for this line', 'Disable spelling for this line', 'Disable spelling for this file'])
    expect(quickFixes(TextDocument.create('file:///p/a.txt', 'plaintext', 1, 'x'), [spelling], false, {documentChanges: false}).some((action) => action.title.startsWith('Disable'))).toBe(false)
  })

  it('builds "fix all" as one edit of the whole text', () => {
    const document = markdown('ab\ncd')
    expect(fixAllAction(document, 'fixed', {documentChanges: false})).toEqual({
      title: 'Fix all safe bilint problems',
      kind: 'source.fixAll.bilint',
      edit: {changes: {[document.uri]: [{range: {start: {line: 0, character: 0}, end: {line: 1, character: 2}}, newText: 'fixed'}]}},
    })
  })

  it('lists source actions only when asked for', () => {
    expect(isKindRequested(undefined, 'quickfix')).toBe(true)
    expect(isKindRequested(undefined, 'source.fixAll.bilint')).toBe(false)
    expect(isKindRequested(['source.fixAll'], 'source.fixAll.bilint')).toBe(true)
    expect(isKindRequested(['source'], 'source.fixAll.bilint')).toBe(true)
    expect(isKindRequested(['source.fixAll'], 'quickfix')).toBe(false)
    expect(isKindRequested(['source.fix'], 'source.fixAll.bilint')).toBe(false)
  })
})

describe('disableLineEdit', () => {
  /** Disables glued-subscript on a line and checks, with bilint, that exactly that finding went. */
  async function disableAndRelint(text: string, line: number): Promise<{edited: string; before: string[]; after: string[]}> {
    const document = markdown(text)
    const edited = applied(document, disableLineEdit(document, line, 'glued-subscript'))
    return {edited, before: await allMessages(text), after: await allMessages(edited)}
  }

  it('puts the comment on its own line above a paragraph line', async () => {
    const {edited, after} = await disableAndRelint('# Air\n\nHaze was PM2.5Caused by coal.\n', 2)
    expect(edited).toBe('# Air\n\n<!-- bilint-disable-next-line glued-subscript -->\nHaze was PM2.5Caused by coal.\n')
    expect(after).toEqual([])
  })

  it('keeps the list together: the comment is indented into the previous item', async () => {
    const text = '# Air\n\n- Coal heating.\n- Haze was PM2.5Caused by coal.\n- Traffic.\n'
    const {edited, after} = await disableAndRelint(text, 3)
    expect(edited).toBe('# Air\n\n- Coal heating.\n  <!-- bilint-disable-next-line glued-subscript -->\n- Haze was PM2.5Caused by coal.\n- Traffic.\n')
    expect(after).toEqual([])
  })

  it('keeps blockquote markers', async () => {
    const {edited, after} = await disableAndRelint('# Air\n\n> Haze was PM2.5Caused by coal.\n', 2)
    expect(edited).toBe('# Air\n\n> <!-- bilint-disable-next-line glued-subscript -->\n> Haze was PM2.5Caused by coal.\n')
    expect(after).toEqual([])
  })

  it('puts a disable-line comment inside the last cell of a table row, which a line above would break', async () => {
    const text = '# Air\n\n| Source | Note |\n| --- | --- |\n| Coal | Haze was PM2.5Caused by coal. |\n| Cars | O3More in summer. |\n'
    const {edited, before, after} = await disableAndRelint(text, 4)
    expect(edited).toContain('| Coal | Haze was PM2.5Caused by coal. <!-- bilint-disable-line glued-subscript --> |\n')
    expect(before).toEqual(['glued-subscript 5:19', 'glued-subscript 6:10'])
    expect(after).toEqual(['glued-subscript 6:10'])
  })

  it('adds the rule to a disable-next-line comment already above the line', async () => {
    const text = '# Air\n\n<!-- bilint-disable-next-line spelling -->\nHaze was PM2.5Caused by coal.\n'
    const {edited, after} = await disableAndRelint(text, 3)
    expect(edited).toBe('# Air\n\n<!-- bilint-disable-next-line spelling glued-subscript -->\nHaze was PM2.5Caused by coal.\n')
    expect(after).toEqual([])
  })

  it('keeps CRLF line breaks', async () => {
    const {edited, after} = await disableAndRelint('# Air\r\n\r\nHaze was PM2.5Caused by coal.\r\n', 2)
    expect(edited).toBe('# Air\r\n\r\n<!-- bilint-disable-next-line glued-subscript -->\r\nHaze was PM2.5Caused by coal.\r\n')
    expect(after).toEqual([])
  })
})

describe('disableFileEdit', () => {
  it('puts the comment on the first line', async () => {
    const document = markdown('Haze was PM2.5Caused by coal.\n\nO3More in summer.\n')
    const edited = applied(document, disableFileEdit(document, 'glued-subscript'))
    expect(edited).toBe('<!-- bilint-disable glued-subscript -->\nHaze was PM2.5Caused by coal.\n\nO3More in summer.\n')
    expect(await gluedPositions(edited)).toEqual([])
  })

  it('goes after YAML front matter, which must stay first', async () => {
    const document = markdown('---\ntitle: Air\n---\nHaze was PM2.5Caused by coal.\n')
    const edited = applied(document, disableFileEdit(document, 'glued-subscript'))
    expect(edited).toBe('---\ntitle: Air\n---\n<!-- bilint-disable glued-subscript -->\nHaze was PM2.5Caused by coal.\n')
    expect(await gluedPositions(edited)).toEqual([])
  })

  it('adds the rule to a disable comment already on the first line', () => {
    const document = markdown('<!-- bilint-disable spelling -->\nHaze was PM2.5Caused by coal.\n')
    expect(applied(document, disableFileEdit(document, 'glued-subscript'))).toBe('<!-- bilint-disable spelling glued-subscript -->\nHaze was PM2.5Caused by coal.\n')
  })

  it('stays after a BOM', () => {
    const document = markdown('\uFEFFHaze was PM2.5Caused by coal.\n')
    expect(applied(document, disableFileEdit(document, 'glued-subscript'))).toBe('\uFEFF<!-- bilint-disable glued-subscript -->\nHaze was PM2.5Caused by coal.\n')
  })
})

describe('documentTarget', () => {
  it('reads Markdown and plain text files, and untitled documents by language', () => {
    expect(documentTarget({uri: 'file:///p/a.md', languageId: 'markdown'})).toEqual({filePath: '/p/a.md', format: 'markdown', lintPath: '/p/a.md'})
    expect(documentTarget({uri: 'file:///p/a.txt', languageId: 'plaintext'})).toEqual({filePath: '/p/a.txt', format: 'text', lintPath: '/p/a.txt'})
    expect(documentTarget({uri: 'file:///p/README', languageId: 'markdown'})).toEqual({filePath: '/p/README', format: 'markdown', lintPath: '/p/README.md'})
    expect(documentTarget({uri: 'untitled:Untitled-1', languageId: 'plaintext'})).toEqual({filePath: null, format: 'text', lintPath: 'untitled.txt'})
  })

  it('leaves other documents alone', () => {
    expect(documentTarget({uri: 'file:///p/a.ts', languageId: 'typescript'})).toBeNull()
    expect(documentTarget({uri: 'file:///p/.bilintrc.json', languageId: 'json'})).toBeNull()
  })
})

describe('configuration watching', () => {
  it('watches every configuration, word list and ignore file name, in any folder', () => {
    const patterns = configFileWatchers().map((watcher) => watcher.globPattern)
    for (const name of ['.bilintrc.json', '.bilintrc.yaml', '.bilintrc.yml', 'package.json', '.bilint-words.txt', '.bilintignore', '.bilintrc.js']) {
      expect(patterns).toContain(`**/${name}`)
      expect(isConfigFileUri(`file:///p/docs/${name}`), name).toBe(true)
    }
    expect(isConfigFileUri('file:///p/docs/report.md')).toBe(false)
    expect(isConfigFileUri('untitled:.bilintrc.json')).toBe(false)
  })
})
