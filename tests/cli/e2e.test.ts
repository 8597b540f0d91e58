/**
 * End-to-end tests of the `bilint` command: the built bin runs in a child
 * process on small projects laid out in a temporary directory.
 *
 * Tests that need exact output turn every rule but `glued-subscript` and
 * `orphaned-heading` off with `--rule id:off` (see `onlyRules`), so rules
 * registered later do not change what they see.
 */

import {readFileSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {afterAll, beforeAll, describe, it} from 'vitest'
import {
  assertBinBuilt,
  linesOf,
  makeTempTree,
  onlyRules,
  parseJsonReport,
  parseXml,
  registeredRuleIds,
  repoRoot,
  runBilint,
  stackTraceLines,
  xmlElements,
  type JsonMessage,
  type RunOptions,
  type RunResult,
  type TempTree,
} from './helpers.js'

/** One error (line 3) and one warning (line 5). */
const mixedDocument = `# Report

Fine particulate matter PM2.5Caused most of the haze days.

## Empty section

## Details

The details follow here.
`

/** Warnings only: an orphaned heading on line 1. */
const warningDocument = `## Empty section

## Details

The details follow here.
`

/** Neither rule reacts to this. */
const cleanDocument = `# Notes

Fine particulate matter (PM2.5) caused most of the haze days.
`

/** One glued formula on line 1, column 5. */
const gluedLine = 'The PM2.5Caused haze.\n'

/** The message glued-subscript gives for `PM2.5Caused`. */
const gluedMessage = 'Unexpected `PM2.5Caused`, expected `PM2.5 caused`: the formula `PM2.5` is glued to the next word'

/**
 * Every kind of directive; glued formulas on lines 1, 5, 9, 13, 19, 24, 27, 30 and 32.
 * Reported: 1 (before any directive), 9 (after a bare enable), 19 (only
 * orphaned-heading disabled), 30 (next-line directive for another rule), 32.
 */
const directivesDocument = `Line PM2.5Caused one.

<!-- bilint-disable -->

Line PM2.5Caused two.

<!-- bilint-enable -->

Line PM2.5Caused three.

<!-- bilint-disable glued-subscript -->

Line PM2.5Caused four.

<!-- bilint-enable glued-subscript -->

<!-- bilint-disable orphaned-heading -->

Line PM2.5Caused five.

<!-- bilint-enable -->

<!-- bilint-disable-next-line glued-subscript -->
Line PM2.5Caused six.

<!-- bilint-disable-next-line -->
Line PM2.5Caused seven.

<!-- bilint-disable-next-line orphaned-heading -->
Line PM2.5Caused eight.

Line PM2.5Caused nine.
`

/**
 * Every rule disabled, then only glued-subscript enabled again: the
 * orphaned heading on line 11 must stay silent, the glued formula on line 15
 * must be reported (ESLint's semantics for `eslint-disable` / `eslint-enable rule`).
 */
const enableOneAfterDisableAllDocument = `<!-- bilint-disable -->

## Empty

## Next

Line PM2.5Caused x.

<!-- bilint-enable glued-subscript -->

## Empty2

## Next2

Line PM2.5Caused y.
`

/** Text is plain text for `<stdin>` and `.txt`, Markdown for `.md`: a directive and inline code tell them apart. */
const markdownOnlyDocument = '<!-- bilint-disable-next-line -->\nThe PM2.5Caused haze.\n\nUse `NOX` here.\n'

const utf8Bom = Uint8Array.from([0xef, 0xbb, 0xbf])

/** The project every test runs in. */
const projectFiles: Record<string, string | Uint8Array> = {
  'doc.md': mixedDocument,
  'warn.md': warningDocument,
  'clean.md': cleanDocument,
  'directives.md': directivesDocument,
  'enable-one.md': enableOneAfterDisableAllDocument,
  'bom.md': Buffer.concat([utf8Bom, Buffer.from('Fine PM2.5Caused haze.\n')]),
  'crlf.txt': 'Line one.\r\nThe PM2.5Caused haze.\r\n',
  'crlf.md':
    '# Title\r\n\r\nA PM2.5Caused b.\r\n\r\n<!-- bilint-disable-next-line glued-subscript -->\r\nC PM2.5Caused d.\r\n\r\n## Empty\r\n\r\n## Next\r\n\r\nText.\r\n',
  // Undecodable files beside a good one.
  'bad/binary.md': Buffer.concat([Buffer.from('# Title\n\nSome text'), Buffer.from([0, 1, 2, 0]), Buffer.from(' more.\n')]),
  'bad/invalid.md': Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' au lait, and a cut sequence '), Buffer.from([0xe4, 0xb8]), Buffer.from('\n')]),
  'bad/good.md': gluedLine,
  // Configuration found by walking up from the file.
  'proj/.bilintrc.json': JSON.stringify({rules: {'orphaned-heading': 'off'}}),
  'proj/a/b/doc.md': mixedDocument,
  'yaml/.bilintrc.yaml': 'rules:\n  orphaned-heading: off\n  glued-subscript: warn\n',
  'yaml/docs/doc.md': mixedDocument,
  // A nearer configuration wins; the parent's is not merged in.
  'proj/nested/.bilintrc.json': JSON.stringify({rules: {'glued-subscript': 'off'}}),
  'proj/nested/doc.md': mixedDocument,
  'pkg/package.json': JSON.stringify({name: 'docs-package', private: true, bilint: {rules: {'glued-subscript': 'off'}}}),
  'pkg/docs/doc.md': mixedDocument,
  // A package.json without a `bilint` key does not stop the walk.
  'nokey/.bilintrc.json': JSON.stringify({rules: {'orphaned-heading': 'off'}}),
  'nokey/inner/package.json': JSON.stringify({name: 'inner', version: '1.0.0'}),
  'nokey/inner/doc.md': mixedDocument,
  'other-config.json': JSON.stringify({rules: {'glued-subscript': 'off'}}),
  'options/.bilintrc.json': JSON.stringify({rules: {'glued-subscript': ['error', {formulas: ['C2H6']}], 'orphaned-heading': 'off'}}),
  'options/doc.md': 'Ethane C2H6Burns cleanly.\n',
  'js/.bilintrc.js': 'export default {rules: {}}\n',
  'js/doc.md': mixedDocument,
  'unknown-rule/.bilintrc.json': JSON.stringify({rules: {'no-such-rule': 'error'}}),
  'unknown-rule/doc.md': mixedDocument,
  'bad-option/.bilintrc.json': JSON.stringify({rules: {'glued-subscript': ['error', {formulas: 'x'}]}}),
  'bad-option/doc.md': mixedDocument,
  // `ignorePatterns` are relative to the configuration file.
  'ignoring/.bilintrc.json': JSON.stringify({ignorePatterns: ['drafts/**']}),
  'ignoring/drafts/draft.md': gluedLine,
  'ignoring/kept.md': gluedLine,
  'stdin-config/.bilintrc.json': JSON.stringify({rules: {'orphaned-heading': 'off'}}),
  // A tree to walk: `.bilintignore` is read from the working directory, `walk/`.
  'walk/.bilintignore': '# generated\nskipped/\ndocs/sub/ignored.md\n',
  'walk/docs/a.md': gluedLine,
  'walk/docs/c.markdown': gluedLine,
  'walk/docs/page.html': gluedLine,
  'walk/docs/sub/b.txt': gluedLine,
  'walk/docs/sub/ignored.md': gluedLine,
  'walk/node_modules/pkg/readme.md': gluedLine,
  'walk/skipped/f.md': gluedLine,
  'walk/文档 目录/说明.md': gluedLine,
}

let project: TempTree
/** `--rule id:off` for every rule but glued-subscript and orphaned-heading. */
let isolate: string[]

beforeAll(async () => {
  assertBinBuilt()
  ;[project, isolate] = await Promise.all([makeTempTree(projectFiles), onlyRules('glued-subscript', 'orphaned-heading')])
})

afterAll(async () => {
  await project?.remove()
})

/** Runs bilint in the project (or a folder of it) with only the two rules under test. */
function bilint(args: readonly string[], options: Partial<RunOptions> & {in?: string} = {}): Promise<RunResult> {
  const cwd = options.in ? project.path(options.in) : project.root
  return runBilint([...args, ...isolate], {...options, cwd})
}

/** The messages of one rule in a JSON report, with their positions. */
function positionsOf(messages: readonly JsonMessage[], ruleId: string): Array<[number, number]> {
  return messages.filter((message) => message.ruleId === ruleId).map((message) => [message.line, message.column])
}

/** Calls `run` once, on first use, and shares its promise. */
function once<T>(run: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined
  return () => (promise ??= run())
}

// Runs that several tests read, each spawned once.
const stylishOfDocument = once(() => bilint(['doc.md']))
const unixOfDocument = once(() => bilint(['--format', 'unix', 'doc.md']))
const helpText = once(() => runBilint(['--help'], {cwd: project.root}))
/** One JSON run over every file whose configuration is found by walking up. */
const configuredFiles = once(() =>
  bilint(['-f', 'json', 'proj/a/b/doc.md', 'proj/nested/doc.md', 'yaml/docs/doc.md', 'pkg/docs/doc.md', 'nokey/inner/doc.md', 'options/doc.md', 'ignoring']),
)

/** The rule ids reported for one file of {@link configuredFiles}, or undefined when the file is absent. */
async function rulesReportedFor(...segments: string[]): Promise<Array<string | null> | undefined> {
  const result = await configuredFiles()
  if (result.code !== 1) throw new Error(`the run over configured files failed: ${describeRun(result)}`)
  const file = parseJsonReport(result.stdout).find((entry) => entry.filePath === project.path(...segments))
  return file?.messages.map((message) => message.ruleId)
}

/** Describes a run for assertion messages. */
function describeRun(result: RunResult): string {
  return `exit ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`
}

describe.concurrent('output formats on a document with one error and one warning', () => {
  it('stylish lists both messages and the summary, without colours', async ({expect}) => {
    const result = await stylishOfDocument()
    expect(result.code, describeRun(result)).toBe(1)
    expect(result.stderr).toBe('')
    const lines = linesOf(result.stdout)
    expect(lines[0]).toBe('doc.md')
    expect(lines.find((line) => line.includes('glued-subscript'))).toMatch(/^\s+3:25\s+error\s+Unexpected `PM2\.5Caused`.*\s{2}glued-subscript$/)
    expect(lines.find((line) => line.includes('orphaned-heading'))).toMatch(/^\s+5:1\s+warning\s+.*`Empty section`.*\s{2}orphaned-heading$/)
    expect(lines).toContain('✖ 2 problems (1 error, 1 warning)')
    expect(result.stdout).not.toMatch(/\u001b\[/)
  })

  it('--color forces ANSI colours even when stdout is not a terminal', async ({expect}) => {
    const result = await bilint(['--color', 'doc.md'])
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/\u001b\[\d+m/)
  })

  it("json parses and has ESLint's result shape, positions and safe fix", async ({expect}) => {
    const result = await bilint(['--format', 'json', 'doc.md'])
    expect(result.code, describeRun(result)).toBe(1)
    expect(result.stderr).toBe('')
    const report = parseJsonReport(result.stdout)
    expect(report).toHaveLength(1)
    const [file] = report
    expect(file).toMatchObject({
      filePath: project.path('doc.md'),
      errorCount: 1,
      warningCount: 1,
      fatalErrorCount: 0,
      fixableErrorCount: 1,
      fixableWarningCount: 0,
    })
    // The source text is not part of the JSON format.
    expect(file).not.toHaveProperty('source')
    const [error, warning] = file!.messages
    expect(error).toMatchObject({
      ruleId: 'glued-subscript',
      severity: 2,
      message: gluedMessage,
      line: 3,
      column: 25,
      endLine: 3,
      endColumn: 36,
      fix: {text: 'PM2.5 caused'},
    })
    // The fix range indexes the file's text: applying it repairs the document.
    const [start, end] = error!.fix!.range
    expect(mixedDocument.slice(start, end)).toBe('PM2.5Caused')
    expect(mixedDocument.slice(0, start) + error!.fix!.text + mixedDocument.slice(end)).toContain('matter PM2.5 caused most')
    expect(warning).toMatchObject({ruleId: 'orphaned-heading', severity: 1, line: 5, column: 1, endLine: 5})
    expect(warning!.endColumn).toBeGreaterThan(warning!.column)
    expect(warning!.fix).toBeUndefined()
  })

  it('sarif parses, is version 2.1.0 and has a result with a region per message', async ({expect}) => {
    const result = await bilint(['--format', 'sarif', 'doc.md'])
    expect(result.code, describeRun(result)).toBe(1)
    const sarif = JSON.parse(result.stdout) as {
      version: string
      runs: Array<{
        tool: {driver: {name: string; version?: string; rules?: Array<{id: string}>}}
        results: Array<{
          ruleId: string
          level: string
          message: {text: string}
          locations: Array<{physicalLocation: {artifactLocation: {uri: string}; region: Record<string, number>}}>
        }>
      }>
    }
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.runs).toHaveLength(1)
    const run = sarif.runs[0]!
    expect(run.tool.driver.name).toBe('bilint')
    expect(run.tool.driver.rules?.map((rule) => rule.id)).toEqual(expect.arrayContaining(['glued-subscript', 'orphaned-heading']))
    expect(run.results.map((item) => [item.ruleId, item.level])).toEqual([
      ['glued-subscript', 'error'],
      ['orphaned-heading', 'warning'],
    ])
    const glued = run.results[0]!
    expect(glued.message.text).toBe(gluedMessage)
    expect(glued.locations[0]!.physicalLocation.artifactLocation.uri).toBe('doc.md')
    expect(glued.locations[0]!.physicalLocation.region).toMatchObject({startLine: 3, startColumn: 25, endLine: 3, endColumn: 36})
    expect(run.results[1]!.locations[0]!.physicalLocation.region).toMatchObject({startLine: 5, startColumn: 1})
  })

  it('github prints one workflow command per message', async ({expect}) => {
    const result = await bilint(['--format', 'github', 'doc.md'])
    expect(result.code, describeRun(result)).toBe(1)
    const lines = linesOf(result.stdout)
    expect(lines).toHaveLength(2)
    expect(lines[0]).toBe(`::error file=doc.md,line=3,col=25,endLine=3,endColumn=36,title=glued-subscript::${gluedMessage}`)
    expect(lines[1]).toMatch(/^::warning file=doc\.md,line=5,col=1,.*title=orphaned-heading::Unexpected empty section `Empty section`/)
  })

  it('unix prints path:line:col: message [Severity/rule]', async ({expect}) => {
    const result = await unixOfDocument()
    expect(result.code, describeRun(result)).toBe(1)
    const lines = linesOf(result.stdout)
    expect(lines[0]).toBe(`doc.md:3:25: ${gluedMessage} [Error/glued-subscript]`)
    expect(lines[1]).toMatch(/^doc\.md:5:1: .+ \[Warning\/orphaned-heading\]$/)
    expect(lines.slice(2)).toEqual(['', '2 problems'])
  })

  it('checkstyle is well-formed XML with one <error> per message', async ({expect}) => {
    const result = await bilint(['--format', 'checkstyle', 'doc.md'])
    expect(result.code, describeRun(result)).toBe(1)
    expect(result.stdout.startsWith('<?xml')).toBe(true)
    const root = parseXml(result.stdout)
    expect(root.name).toBe('checkstyle')
    const files = xmlElements(root, 'file')
    expect(files.map((file) => file.attributes['name'])).toEqual([project.path('doc.md')])
    const errors = xmlElements(root, 'error').map((error) => error.attributes)
    expect(errors).toEqual([
      expect.objectContaining({line: '3', column: '25', severity: 'error', message: gluedMessage, source: expect.stringContaining('glued-subscript')}),
      expect.objectContaining({line: '5', column: '1', severity: 'warning', source: expect.stringContaining('orphaned-heading')}),
    ])
  })

  it('junit is well-formed XML with a failing test case per message', async ({expect}) => {
    const result = await bilint(['--format', 'junit', 'doc.md'])
    expect(result.code, describeRun(result)).toBe(1)
    expect(result.stdout.startsWith('<?xml')).toBe(true)
    const root = parseXml(result.stdout)
    expect(root.name).toBe('testsuites')
    const cases = xmlElements(root, 'testcase')
    expect(cases).toHaveLength(2)
    expect(cases.map((testCase) => testCase.attributes['name'])).toEqual([
      expect.stringContaining('glued-subscript'),
      expect.stringContaining('orphaned-heading'),
    ])
    const failures = xmlElements(root, 'failure')
    expect(failures).toHaveLength(2)
    expect(failures[0]!.text).toContain('line 3, col 25')
  })

  it('--output-file writes the report, prints nothing and keeps the exit code', async ({expect}) => {
    const [toFile, toStdout] = await Promise.all([bilint(['--format', 'unix', '-o', 'report-unix.txt', 'doc.md']), unixOfDocument()])
    expect(toFile.code, describeRun(toFile)).toBe(1)
    expect(toFile.stdout).toBe('')
    expect(toFile.stderr).toBe('')
    expect(toStdout.stdout).toContain('glued-subscript')
    expect(await readFile(project.path('report-unix.txt'), 'utf8')).toBe(toStdout.stdout)
  })

  it('--output-file into a folder that does not exist is an I/O error: exit 2, one line', async ({expect}) => {
    const result = await bilint(['--output-file', 'no/such/folder/report.txt', 'doc.md'])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(linesOf(result.stderr)).toEqual([expect.stringMatching(/^bilint: .*no\/such\/folder\/report\.txt/)])
  })
})

describe.concurrent('exit codes', () => {
  it('0 for a clean file, with no output', async ({expect}) => {
    const result = await bilint(['clean.md'])
    expect(result, describeRun(result)).toEqual({code: 0, signal: null, stdout: '', stderr: ''})
  })

  it('0 for warnings only, which are still reported', async ({expect}) => {
    const result = await bilint(['-f', 'unix', 'warn.md'])
    expect(result.code, describeRun(result)).toBe(0)
    expect(linesOf(result.stdout)[0]).toMatch(/^warn\.md:1:1: .+ \[Warning\/orphaned-heading\]$/)
  })

  it('--max-warnings: 1 when warnings exceed it, 0 when they do not', async ({expect}) => {
    const [over, within] = await Promise.all([bilint(['--max-warnings', '0', 'warn.md']), bilint(['--max-warnings', '1', 'warn.md'])])
    expect(over.code, describeRun(over)).toBe(1)
    expect(over.stdout).toContain('orphaned-heading')
    expect(linesOf(over.stderr)).toEqual([expect.stringMatching(/^bilint: .*warnings/)])
    expect(within.code, describeRun(within)).toBe(0)
  })

  it('2 for an unknown option, with one `bilint:` line naming it', async ({expect}) => {
    const result = await bilint(['--bogus', 'doc.md'])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    const errorLines = linesOf(result.stderr).filter((line) => line.startsWith('bilint:'))
    expect(errorLines).toHaveLength(1)
    expect(errorLines[0]).toContain('--bogus')
    expect(stackTraceLines(result.stderr)).toEqual([])
  })

  it('2 for an unknown format, naming it', async ({expect}) => {
    const result = await bilint(['--format', 'xml', 'doc.md'])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(linesOf(result.stderr)[0]).toMatch(/^bilint: .*xml/)
  })

  it.for([
    ['no file at all', []],
    ['--max-warnings that is not a number', ['--max-warnings', 'many', 'doc.md']],
    ['--max-warnings below zero', ['--max-warnings=-1', 'doc.md']],
    ['an unknown --language', ['--language', 'fr', 'doc.md']],
    ['an unknown --preset', ['--preset', 'lenient', 'doc.md']],
    ['--config with --no-config', ['--config', 'other-config.json', '--no-config', 'doc.md']],
    ['--format without a value', ['doc.md', '--format']],
  ] as Array<[string, string[]]>)('2 for %s', async ([, args], {expect}) => {
    const result = await bilint(args)
    expect(result.code, describeRun(result)).toBe(2)
    expect(result.stdout).toBe('')
    expect(linesOf(result.stderr)[0]).toMatch(/^bilint: \S/)
    expect(stackTraceLines(result.stderr)).toEqual([])
  })

  it('2 for a missing file, and the other file is still reported', async ({expect}) => {
    const result = await bilint(['-f', 'json', 'missing.md', 'doc.md'])
    expect(result.code, describeRun(result)).toBe(2)
    expect(linesOf(result.stderr)).toEqual([expect.stringMatching(/^bilint: missing\.md: /)])
    const report = parseJsonReport(result.stdout)
    const documentResult = report.find((file) => file.filePath === project.path('doc.md'))
    expect(documentResult?.messages.map((message) => message.ruleId)).toEqual(['glued-subscript', 'orphaned-heading'])
    const missing = report.find((file) => file.filePath.endsWith('missing.md'))
    expect(missing?.messages).toEqual([expect.objectContaining({fatal: true, severity: 2, ruleId: null})])
  })

  it('--quiet drops warnings but keeps errors and the exit code', async ({expect}) => {
    const [mixed, warningsOnly] = await Promise.all([bilint(['--quiet', '-f', 'json', 'doc.md']), bilint(['--quiet', 'warn.md'])])
    expect(mixed.code).toBe(1)
    const [file] = parseJsonReport(mixed.stdout)
    expect(file!.messages.map((message) => message.ruleId)).toEqual(['glued-subscript'])
    expect(file!.warningCount).toBe(0)
    expect(warningsOnly).toMatchObject({code: 0, stdout: '', stderr: ''})
  })

  it('--rule glued-subscript:off silences the rule', async ({expect}) => {
    const result = await bilint(['-f', 'json', '--rule', 'glued-subscript:off', 'doc.md'])
    expect(result.code, describeRun(result)).toBe(0)
    const [file] = parseJsonReport(result.stdout)
    expect(file!.messages.map((message) => message.ruleId)).toEqual(['orphaned-heading'])
  })

  it('--rule raises a warning to an error (here by number), the last one winning', async ({expect}) => {
    const [raised, lastWins] = await Promise.all([
      bilint(['-f', 'json', '--rule', 'orphaned-heading:2', 'warn.md']),
      bilint(['-f', 'json', '--rule', 'orphaned-heading:error', '--rule', 'orphaned-heading:warn', 'warn.md']),
    ])
    expect(raised.code, describeRun(raised)).toBe(1)
    expect(parseJsonReport(raised.stdout)[0]!.messages).toEqual([expect.objectContaining({ruleId: 'orphaned-heading', severity: 2})])
    expect(lastWins.code, describeRun(lastWins)).toBe(0)
    expect(parseJsonReport(lastWins.stdout)[0]!.messages).toEqual([expect.objectContaining({ruleId: 'orphaned-heading', severity: 1})])
  })

  it('--rule with an unknown id, a bad severity or no severity exits 2 naming the argument', async ({expect}) => {
    const [unknownId, badSeverity, noSeverity] = await Promise.all([
      bilint(['--rule', 'nope:error', 'doc.md']),
      bilint(['--rule', 'glued-subscript:loud', 'doc.md']),
      bilint(['--rule', 'glued-subscript', 'doc.md']),
    ])
    for (const [result, named] of [
      [unknownId, 'nope'],
      [badSeverity, 'loud'],
      [noSeverity, 'glued-subscript'],
    ] as const) {
      expect(result.code, describeRun(result)).toBe(2)
      expect(result.stdout).toBe('')
      expect(linesOf(result.stderr)).toEqual([expect.stringMatching(new RegExp(`^bilint: .*--rule.*${named}`))])
    }
  })
})

describe.concurrent('configuration files', () => {
  it('a .bilintrc.json in a parent folder applies', async ({expect}) => {
    expect(await rulesReportedFor('proj', 'a', 'b', 'doc.md')).toEqual(['glued-subscript'])
  })

  it('the nearest configuration wins and is not merged with the parent one', async ({expect}) => {
    expect(await rulesReportedFor('proj', 'nested', 'doc.md')).toEqual(['orphaned-heading'])
  })

  it('a .bilintrc.yaml applies', async ({expect}) => {
    const result = await configuredFiles()
    const file = parseJsonReport(result.stdout).find((entry) => entry.filePath === project.path('yaml', 'docs', 'doc.md'))
    expect(file?.messages).toEqual([expect.objectContaining({ruleId: 'glued-subscript', severity: 1})])
  })

  it('the `bilint` key of a package.json applies', async ({expect}) => {
    expect(await rulesReportedFor('pkg', 'docs', 'doc.md')).toEqual(['orphaned-heading'])
  })

  it('a package.json without a `bilint` key does not stop the walk up', async ({expect}) => {
    expect(await rulesReportedFor('nokey', 'inner', 'doc.md')).toEqual(['glued-subscript'])
  })

  it('ignorePatterns skip files relative to the configuration file', async ({expect}) => {
    expect(await rulesReportedFor('ignoring', 'kept.md')).toEqual(['glued-subscript'])
    expect(await rulesReportedFor('ignoring', 'drafts', 'draft.md')).toBeUndefined()
  })

  it('rule options from the configuration reach the rule', async ({expect}) => {
    const result = await configuredFiles()
    const file = parseJsonReport(result.stdout).find((entry) => entry.filePath === project.path('options', 'doc.md'))
    expect(file?.messages).toEqual([expect.objectContaining({ruleId: 'glued-subscript', fix: expect.objectContaining({text: 'C2H6 burns'})})])
  })

  it('--config FILE replaces the configuration found next to the file', async ({expect}) => {
    const result = await bilint(['-f', 'json', '--config', 'other-config.json', 'proj/a/b/doc.md'])
    expect(result.code, describeRun(result)).toBe(0)
    const [file] = parseJsonReport(result.stdout)
    expect(file!.messages.map((message) => message.ruleId)).toEqual(['orphaned-heading'])
  })

  it('--no-config ignores configuration files', async ({expect}) => {
    const result = await bilint(['-f', 'json', '--no-config', 'proj/a/b/doc.md', 'pkg/docs/doc.md'])
    expect(result.code, describeRun(result)).toBe(1)
    for (const file of parseJsonReport(result.stdout)) {
      expect(file.messages.map((message) => message.ruleId)).toEqual(['glued-subscript', 'orphaned-heading'])
    }
  })

  it('a JavaScript configuration is refused: exit 2, one line naming the file', async ({expect}) => {
    const [found, given] = await Promise.all([
      bilint(['js/doc.md']),
      bilint(['--config', 'js/.bilintrc.js', 'doc.md']),
    ])
    for (const result of [found, given]) {
      expect(result.code, describeRun(result)).toBe(2)
      expect(linesOf(result.stderr)).toEqual([expect.stringMatching(/^bilint: .*js\/\.bilintrc\.js.*JavaScript/)])
      expect(stackTraceLines(result.stderr + result.stdout)).toEqual([])
    }
  })

  it('an unknown rule id exits 2 naming the file and `rules.<id>`', async ({expect}) => {
    const result = await bilint(['unknown-rule/doc.md'])
    expect(result.code, describeRun(result)).toBe(2)
    expect(linesOf(result.stderr)).toEqual([expect.stringMatching(/^bilint: .*unknown-rule\/\.bilintrc\.json: rules\.no-such-rule: /)])
  })

  it("options failing the rule's schema exit 2 naming the file and the key", async ({expect}) => {
    const [lint, print] = await Promise.all([
      bilint(['bad-option/doc.md']),
      bilint(['--print-config', 'bad-option/doc.md']),
    ])
    for (const result of [lint, print]) {
      expect(result.code, describeRun(result)).toBe(2)
      expect(linesOf(result.stderr)).toEqual([
        expect.stringMatching(/^bilint: .*bad-option\/\.bilintrc\.json: rules\.glued-subscript\[1\]\.formulas: /),
      ])
    }
  })

  it('--print-config prints the rules in force for a file as JSON', async ({expect}) => {
    const [found, none] = await Promise.all([
      bilint(['--print-config', 'options/doc.md']),
      bilint(['--print-config', 'doc.md', '--no-config']),
    ])
    expect(found.code, describeRun(found)).toBe(0)
    const printed = JSON.parse(found.stdout) as {configFile: string | null; rules: Record<string, unknown>}
    expect(printed.configFile).toBe(project.path('options', '.bilintrc.json'))
    expect(printed.rules).toEqual({'glued-subscript': ['error', {formulas: ['C2H6']}]})
    expect(none.code, describeRun(none)).toBe(0)
    const defaults = JSON.parse(none.stdout) as {configFile: string | null; rules: Record<string, unknown>}
    expect(defaults.configFile).toBeNull()
    expect(defaults.rules).toEqual({'glued-subscript': ['error', {}], 'orphaned-heading': ['warn', {}]})
  })
})

describe.concurrent('information options', () => {
  it('--list-rules lists every rule with its severity and presets, agreeing with --print-config', async ({expect}) => {
    // The `strict` preset turns every rule on, so --print-config under it names every registered rule.
    const presets = ['recommended', 'zh-typography', 'strict'] as const
    const [list, ...printed] = await Promise.all([
      runBilint(['--list-rules'], {cwd: project.root}),
      ...presets.map((preset) => runBilint(['--print-config', 'doc.md', '--no-config', '--preset', preset], {cwd: project.root})),
    ])
    expect(list.code, describeRun(list)).toBe(0)
    const [header, ...rows] = linesOf(list.stdout)
    expect(header).toMatch(/^rule\s+severity\s+presets\b/)
    const listed = new Map(rows.map((row) => [row.split(/\s+/)[0]!, row]))
    expect([...listed.keys()]).toEqual(expect.arrayContaining(['glued-subscript', 'orphaned-heading']))
    expect(listed.get('glued-subscript')).toMatch(/^glued-subscript\s+error\s+recommended, zh-typography, strict\s/)
    expect(listed.get('orphaned-heading')).toMatch(/^orphaned-heading\s+warn\s+recommended, zh-typography, strict\s/)
    presets.forEach((preset, index) => {
      const result = printed[index]!
      expect(result.code, describeRun(result)).toBe(0)
      const inForce = Object.keys((JSON.parse(result.stdout) as {rules: Record<string, unknown>}).rules).sort()
      const listedInPreset = [...listed].filter(([, row]) => row.split(/\s{2,}/)[2]!.split(', ').includes(preset)).map(([id]) => id)
      expect(listedInPreset.sort(), `rules listed under preset ${preset}`).toEqual(inForce)
    })
    expect([...listed.keys()].sort()).toEqual((await registeredRuleIds()).sort())
  })

  it("--version and -v print package.json's version", async ({expect}) => {
    const {version} = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {version: string}
    const [long, short] = await Promise.all([runBilint(['--version'], {cwd: project.root}), runBilint(['-v'], {cwd: project.root})])
    for (const result of [long, short]) expect(result).toMatchObject({code: 0, stdout: `${version}\n`, stderr: ''})
  })

  it('--help and -h mention every option', async ({expect}) => {
    const [long, short] = await Promise.all([helpText(), runBilint(['-h'], {cwd: project.root})])
    expect(long.code).toBe(0)
    expect(short.stdout).toBe(long.stdout)
    const options = [
      '--format', '--output-file', '--quiet', '--max-warnings', '--rule', '--config', '--no-config', '--print-config',
      '--list-rules', '--version', '--help', '--language', '--preset', '--stdin-filename',
    ]
    for (const option of options) expect(long.stdout, option).toMatch(new RegExp(`(^|[\\s,])${option}\\b`, 'm'))
    for (const format of ['stylish', 'json', 'sarif', 'github', 'unix', 'checkstyle', 'junit']) expect(long.stdout).toContain(format)
  })

  it('every option that stylish output advertises exists', async ({expect}) => {
    // stylish ends with "… potentially fixable with the `--fix` option." when a message has a safe fix.
    const [report, help] = await Promise.all([stylishOfDocument(), helpText()])
    const advertised = [...report.stdout.matchAll(/`(--[a-z-]+)`/g)].map((match) => match[1]!)
    expect(advertised.length, 'the stylish report names an option').toBeGreaterThan(0)
    for (const option of advertised) expect(help.stdout, `--help should document ${option}`).toContain(option)
  })
})

describe.concurrent('standard input', () => {
  it('`-` with --stdin-filename notes.md is read as Markdown and reported under that name', async ({expect}) => {
    const [markdown, withHeadings] = await Promise.all([
      bilint(['-f', 'json', '-', '--stdin-filename', 'notes.md'], {stdin: markdownOnlyDocument}),
      bilint(['-f', 'json', '-', '--stdin-filename', 'notes.md'], {stdin: mixedDocument}),
    ])
    expect(markdown.code, describeRun(markdown)).toBe(0)
    expect(parseJsonReport(markdown.stdout)).toEqual([expect.objectContaining({filePath: 'notes.md', messages: []})])
    expect(withHeadings.code, describeRun(withHeadings)).toBe(1)
    const [file] = parseJsonReport(withHeadings.stdout)
    expect(positionsOf(file!.messages, 'glued-subscript')).toEqual([[3, 25]])
    expect(positionsOf(file!.messages, 'orphaned-heading')).toEqual([[5, 1]])
  })

  it('`-` without a name is plain text reported as <stdin>', async ({expect}) => {
    const result = await bilint(['-f', 'json', '-'], {stdin: markdownOnlyDocument})
    expect(result.code, describeRun(result)).toBe(1)
    const [file] = parseJsonReport(result.stdout)
    expect(file!.filePath).toBe('<stdin>')
    // No directive and no inline code in plain text: both words are reported.
    expect(positionsOf(file!.messages, 'glued-subscript')).toEqual([
      [2, 5],
      [4, 6],
    ])
  })

  it('--stdin-filename picks the configuration of its folder', async ({expect}) => {
    const result = await bilint(['-f', 'json', '-', '--stdin-filename', 'stdin-config/notes.md'], {stdin: mixedDocument})
    expect(result.code, describeRun(result)).toBe(1)
    expect(parseJsonReport(result.stdout)[0]!.messages.map((message) => message.ruleId)).toEqual(['glued-subscript'])
  })

  it('binary stdin is one error line and exit 2', async ({expect}) => {
    const result = await bilint(['-', '--stdin-filename', 'notes.md'], {stdin: Uint8Array.from([0x41, 0, 0x42])})
    expect(result.code, describeRun(result)).toBe(2)
    expect(linesOf(result.stderr)).toEqual([expect.stringMatching(/^bilint: notes\.md: .*binary/)])
  })
})

describe.concurrent('text decoding', () => {
  it('binary and invalid UTF-8 files: one stderr line each, the good file still linted, exit 2', async ({expect}) => {
    const result = await bilint(['-f', 'json', 'binary.md', 'good.md', 'invalid.md'], {in: 'bad'})
    expect(result.code, describeRun(result)).toBe(2)
    const errorLines = linesOf(result.stderr)
    expect(errorLines).toHaveLength(2)
    expect(errorLines.filter((line) => /^bilint: binary\.md: /.test(line))).toHaveLength(1)
    expect(errorLines.filter((line) => /^bilint: invalid\.md: .*UTF-8/.test(line))).toHaveLength(1)
    expect(stackTraceLines(result.stderr)).toEqual([])
    expect(stackTraceLines(result.stdout)).toEqual([])
    const report = parseJsonReport(result.stdout)
    const good = report.find((file) => file.filePath.endsWith('good.md'))
    expect(positionsOf(good!.messages, 'glued-subscript')).toEqual([[1, 5]])
    for (const name of ['binary.md', 'invalid.md']) {
      const bad = report.find((file) => file.filePath.endsWith(name))
      expect(bad?.messages, name).toEqual([expect.objectContaining({fatal: true, severity: 2})])
    }
  })

  it('a UTF-8 BOM is not counted in columns or fix ranges', async ({expect}) => {
    const result = await bilint(['-f', 'json', 'bom.md'])
    expect(result.code, describeRun(result)).toBe(1)
    const [message] = parseJsonReport(result.stdout)[0]!.messages
    expect(message).toMatchObject({ruleId: 'glued-subscript', line: 1, column: 6, endLine: 1, endColumn: 17})
    expect('Fine PM2.5Caused haze.\n'.slice(...message!.fix!.range)).toBe('PM2.5Caused')
  })

  it('CRLF line ends give the right lines, columns and fix ranges', async ({expect}) => {
    const result = await bilint(['-f', 'json', 'crlf.txt', 'crlf.md'])
    expect(result.code, describeRun(result)).toBe(1)
    const report = parseJsonReport(result.stdout)
    const text = report.find((file) => file.filePath.endsWith('crlf.txt'))!
    expect(text.messages).toEqual([expect.objectContaining({ruleId: 'glued-subscript', line: 2, column: 5, endLine: 2, endColumn: 16})])
    expect((projectFiles['crlf.txt'] as string).slice(...text.messages[0]!.fix!.range)).toBe('PM2.5Caused')
    const markdown = report.find((file) => file.filePath.endsWith('crlf.md'))!
    expect(positionsOf(markdown.messages, 'glued-subscript')).toEqual([[3, 3]])
    expect(positionsOf(markdown.messages, 'orphaned-heading')).toEqual([[8, 1]])
    expect((projectFiles['crlf.md'] as string).slice(...markdown.messages[0]!.fix!.range)).toBe('PM2.5Caused')
  })
})

describe.concurrent('finding files', () => {
  it('a folder is walked for .md, .markdown and .txt, skipping node_modules and .bilintignore matches', async ({expect}) => {
    const result = await bilint(['-f', 'unix', '.'], {in: 'walk'})
    expect(result.code, describeRun(result)).toBe(1)
    const reported = linesOf(result.stdout)
      .filter((line) => line.includes(':1:5: '))
      .map((line) => line.slice(0, line.indexOf(':')))
    expect(reported).toEqual(['docs/a.md', 'docs/c.markdown', 'docs/sub/b.txt', '文档 目录/说明.md'])
  })

  it('a glob is expanded relative to the working folder and filtered by .bilintignore', async ({expect}) => {
    const [glob, nothing] = await Promise.all([
      bilint(['-f', 'json', 'docs/**/*.md'], {in: 'walk'}),
      bilint(['-f', 'json', 'docs/**/*.rst'], {in: 'walk'}),
    ])
    expect(glob.code, describeRun(glob)).toBe(1)
    expect(parseJsonReport(glob.stdout).map((file) => file.filePath)).toEqual([project.path('walk', 'docs', 'a.md')])
    expect(nothing.code, describeRun(nothing)).toBe(2)
    expect(linesOf(nothing.stderr)).toEqual([expect.stringMatching(/^bilint: docs\/\*\*\/\*\.rst: /)])
  })

  it('an explicitly named file is linted whatever its extension, unless ignored', async ({expect}) => {
    const [html, ignored] = await Promise.all([
      bilint(['-f', 'unix', 'docs/page.html'], {in: 'walk'}),
      bilint(['-f', 'unix', 'skipped/f.md', 'node_modules/pkg/readme.md'], {in: 'walk'}),
    ])
    expect(html.code, describeRun(html)).toBe(1)
    expect(html.stdout).toContain('docs/page.html:1:5:')
    expect(ignored, describeRun(ignored)).toMatchObject({code: 0, stdout: ''})
  })

  it('a path with spaces and Chinese characters', async ({expect}) => {
    const unix = await bilint(['-f', 'unix', '文档 目录/说明.md'], {in: 'walk'})
    expect(unix.code, describeRun(unix)).toBe(1)
    expect(linesOf(unix.stdout)[0]).toBe(`文档 目录/说明.md:1:5: ${gluedMessage} [Error/glued-subscript]`)
  })
})

describe.concurrent('directives in Markdown', () => {
  it('bilint-disable / bilint-enable / bilint-disable-next-line, with and without rule ids', async ({expect}) => {
    const result = await bilint(['-f', 'json', 'directives.md'])
    expect(result.code, describeRun(result)).toBe(1)
    const [file] = parseJsonReport(result.stdout)
    expect(positionsOf(file!.messages, 'glued-subscript').map(([line]) => line)).toEqual([1, 9, 19, 30, 32])
  })

  it('bilint-enable for one rule after a bare bilint-disable re-enables only that rule', async ({expect}) => {
    const result = await bilint(['-f', 'json', 'enable-one.md'])
    const [file] = parseJsonReport(result.stdout)
    expect(positionsOf(file!.messages, 'glued-subscript')).toEqual([[15, 6]])
    expect(positionsOf(file!.messages, 'orphaned-heading'), 'orphaned-heading is still disabled').toEqual([])
  })
})

describe.concurrent('robustness', () => {
  it('a closed stdout (`bilint … | head`) does not print a stack trace', async ({expect}) => {
    const result = await bilint(['-f', 'unix', 'doc.md'], {closeStdout: true})
    expect(result.signal).toBeNull()
    expect(stackTraceLines(result.stderr), result.stderr).toEqual([])
  })
})

describe.concurrent('glued-subscript seen through the CLI', () => {
  it('NOX inside a Chinese sentence is reported like in an English one', async ({expect}) => {
    const result = await bilint(['-f', 'json', '-', '--stdin-filename', 'notes.md'], {stdin: '氮氧化物（NOX）主要来自交通。\n'})
    const [file] = parseJsonReport(result.stdout)
    expect(file!.messages).toEqual([expect.objectContaining({ruleId: 'glued-subscript', line: 1, column: 6, fix: {range: [5, 8], text: 'NOx'}})])
  })
})
