/**
 * Configuration and inputs are data (issue 6, README "Security"):
 * - a `.bilintrc.yaml` with `!!js/function` or any other custom tag is
 *   refused with exit code 2, and nothing in it runs;
 * - JavaScript configuration files are refused, never run;
 * - `--fix` writes only the files it was given, and follows a symbolic link
 *   to its target while the link stays a link.
 *
 * Runs the built CLI (`npm run build`).
 */
import {existsSync} from 'node:fs'
import {chmod, lstat, readdir, readFile, readlink, stat, symlink, utimes} from 'node:fs/promises'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {linesOf, makeTempTree, runBilint, type TempTree} from '../cli/helpers.js'
import {checkCliRun, neighbourText} from './helpers.js'

/** What a configuration or module writes if it ever runs. */
const marker = 'CODE-RAN'

/** JavaScript that leaves the marker in the working directory when executed. */
const markerScript = `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x')`

/** YAML configurations with tags the core schema does not know, by folder. */
const taggedConfigs: Record<string, string> = {
  'js-function': `rules: !!js/function "function () { ${markerScript} }"\n`,
  'js-regexp': 'words: [!!js/regexp /PM2/]\n',
  'js-undefined': "language: !!js/undefined ''\n",
  'python-object': `language: !!python/object/apply:os.system ["touch ${marker}"]\n`,
  'local-tag': 'language: !lang en\n',
  'binary-tag': 'words: !!binary aGVsbG8=\n',
  'set-tag': 'words: !!set {PM: null}\n',
  'timestamp-tag': 'language: !!timestamp 2001-12-14\n',
  'alias-bomb': [
    'a: &a [x, x, x, x, x, x, x, x, x, x]',
    'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
    'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
    'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
    'words: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]',
    '',
  ].join('\n'),
}

/** JavaScript configuration files, by folder. */
const javascriptConfigs: Record<string, [string, string]> = {
  'js-config': ['.bilintrc.js', `${markerScript}\nmodule.exports = {rules: {}}\n`],
  'cjs-config': ['.bilintrc.cjs', `${markerScript}\nmodule.exports = {rules: {}}\n`],
  'mjs-config': ['bilint.config.mjs', `import {writeFileSync} from 'node:fs'\nwriteFileSync(${JSON.stringify(marker)}, 'x')\nexport default {rules: {}}\n`],
}

let tree: TempTree

beforeAll(async () => {
  const files: Record<string, string> = {'ok/.bilintrc.yaml': 'rules:\n  spelling: "off"\n', 'ok/doc.md': neighbourText}
  for (const [folder, yaml] of Object.entries(taggedConfigs)) {
    files[`${folder}/.bilintrc.yaml`] = yaml
    files[`${folder}/doc.md`] = neighbourText
  }
  for (const [folder, [name, script]] of Object.entries(javascriptConfigs)) {
    files[`${folder}/${name}`] = script
    files[`${folder}/doc.md`] = neighbourText
  }
  files['evil.js'] = markerScript
  tree = await makeTempTree(files)
})

afterAll(async () => {
  await tree?.remove()
})

/** Every path under a folder where the marker would be written, or was. */
function markerFiles(): string[] {
  return ['', ...Object.keys(taggedConfigs), ...Object.keys(javascriptConfigs)].map((folder) => tree.path(folder, marker)).filter((file) => existsSync(file))
}

/**
 * Lints `ok/doc.md` and each folder's `doc.md` in one run that must exit 2
 * with a well-formed report; `stderrFor` gives a folder's one stderr line.
 */
async function lintFolders(folders: readonly string[]) {
  const run = await runBilint(['--format', 'json', 'ok/doc.md', ...folders.map((folder) => `${folder}/doc.md`)], {cwd: tree.root, timeoutMs: 20_000})
  const {problems, report} = checkCliRun(run)
  expect(problems).toEqual([])
  expect(run.code).toBe(2)
  const stderrLines = linesOf(run.stderr)
  const stderrFor = (folder: string): string[] => {
    const lines = stderrLines.filter((line) => line.startsWith(`bilint: ${folder}/doc.md:`))
    expect(lines, `stderr lines for ${folder}: ${run.stderr}`).toHaveLength(1)
    return lines
  }
  return {report, stderrFor}
}

describe('configuration is data', () => {
  it('a .bilintrc.yaml with !!js/function or another custom tag (or an alias bomb) is refused: one line per file, exit 2, other folders still linted, nothing runs', async () => {
    const folders = Object.keys(taggedConfigs)
    const {report, stderrFor} = await lintFolders(folders)
    for (const folder of folders) {
      const lines = stderrFor(folder)
      expect(lines[0]).toMatch(/configuration/i)
      expect(lines[0]).toContain('.bilintrc.yaml')
      const result = report.find((entry) => entry.filePath.endsWith(path.join(folder, 'doc.md')))
      expect(result?.messages.map((message) => message.fatal)).toEqual([true])
    }
    const ok = report.find((entry) => entry.filePath.endsWith(path.join('ok', 'doc.md')))
    expect(ok?.messages.map((message) => message.ruleId)).toEqual(['glued-subscript'])
    expect(markerFiles()).toEqual([])
  }, 30_000)

  it('a JavaScript configuration file (.bilintrc.js, .bilintrc.cjs, bilint.config.mjs) is refused and never run', async () => {
    const folders = Object.keys(javascriptConfigs)
    const {report, stderrFor} = await lintFolders(folders)
    for (const folder of folders) {
      const lines = stderrFor(folder)
      expect(lines[0]).toMatch(/JavaScript configuration is not supported/)
    }
    expect(report.find((entry) => entry.filePath.endsWith(path.join('ok', 'doc.md')))?.messages.map((message) => message.ruleId)).toEqual(['glued-subscript'])
    expect(markerFiles()).toEqual([])
  }, 30_000)

  it('--config evil.js is refused with one line and exit 2, and never run', async () => {
    const run = await runBilint(['--config', 'evil.js', 'ok/doc.md'], {cwd: tree.root, timeoutMs: 20_000})
    expect(run.code).toBe(2)
    expect(linesOf(run.stderr).filter((line) => line.includes('JavaScript configuration is not supported'))).toHaveLength(1)
    expect(markerFiles()).toEqual([])
  }, 30_000)
})

describe('--fix writes only what it was given', () => {
  it('a sibling file is untouched, byte for byte and mtime, and no temporary file is left behind', async () => {
    await tree.write({'fix/given.md': neighbourText, 'fix/sibling.md': neighbourText, 'fix/other.txt': neighbourText})
    const old = new Date('2020-01-02T03:04:05Z')
    for (const name of ['sibling.md', 'other.txt']) await utimes(tree.path('fix', name), old, old)
    const before = {entries: (await readdir(tree.path('fix'))).sort(), sibling: await readFile(tree.path('fix', 'sibling.md')), siblingTime: (await stat(tree.path('fix', 'sibling.md'))).mtimeMs, otherTime: (await stat(tree.path('fix', 'other.txt'))).mtimeMs}
    const run = await runBilint(['--fix', 'fix/given.md'], {cwd: tree.root, timeoutMs: 20_000})
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(await readFile(tree.path('fix', 'given.md'), 'utf8')).toBe('Haze was PM2.5 caused by coal.\n')
    expect(await readFile(tree.path('fix', 'sibling.md'))).toEqual(before.sibling)
    expect((await stat(tree.path('fix', 'sibling.md'))).mtimeMs).toBe(before.siblingTime)
    expect((await stat(tree.path('fix', 'other.txt'))).mtimeMs).toBe(before.otherTime)
    expect((await readdir(tree.path('fix'))).sort()).toEqual(before.entries)
  }, 30_000)

  it.skipIf(process.platform === 'win32')('a symbolic link is followed: its target is fixed (mode kept), the link stays the same link', async () => {
    await tree.write({'links/target.md': neighbourText, 'links/untouched.md': neighbourText})
    await chmod(tree.path('links', 'target.md'), 0o640)
    await symlink('target.md', tree.path('links', 'link.md'))
    const entries = (await readdir(tree.path('links'))).sort()
    const run = await runBilint(['--fix', 'links/link.md'], {cwd: tree.root, timeoutMs: 20_000})
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const link = await lstat(tree.path('links', 'link.md'))
    expect(link.isSymbolicLink()).toBe(true)
    expect(await readlink(tree.path('links', 'link.md'))).toBe('target.md')
    expect(await readFile(tree.path('links', 'target.md'), 'utf8')).toBe('Haze was PM2.5 caused by coal.\n')
    expect((await stat(tree.path('links', 'target.md'))).mode & 0o777).toBe(0o640)
    expect(await readFile(tree.path('links', 'untouched.md'), 'utf8')).toBe(neighbourText)
    expect((await readdir(tree.path('links'))).sort()).toEqual(entries)
  }, 30_000)
})
