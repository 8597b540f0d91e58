/**
 * `--fix` on real files: what it writes, what it keeps, and what it refuses.
 */
import {execFile} from 'node:child_process'
import {chmod, copyFile, lstat, mkdtemp, readFile, readlink, rm, stat, symlink, writeFile} from 'node:fs/promises'
import {existsSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {lintFiles} from '../../src/index.js'

const run = promisify(execFile)
const cli = new URL('../../dist/src/cli.cjs', import.meta.url).pathname
const seed = new URL('../../../shared/corpus/seed.txt', import.meta.url)
const fixtures = new URL('../../fixtures/', import.meta.url)

/** Runs the built bin; resolves with the exit code and output whatever the code. */
async function bilint(args: string[], cwd: string): Promise<{code: number; stdout: string; stderr: string}> {
  try {
    const {stdout, stderr} = await run(process.execPath, [cli, ...args], {cwd, env: {...process.env, NO_COLOR: '1'}})
    return {code: 0, stdout, stderr}
  } catch (error) {
    const failure = error as {code: number; stdout: string; stderr: string}
    return {code: failure.code, stdout: failure.stdout, stderr: failure.stderr}
  }
}

let folder = ''
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'bilint-fix-'))
  await writeFile(path.join(folder, '.bilintrc.json'), '{}')
})
afterAll(() => rm(folder, {recursive: true, force: true}))

describe('--fix on files', () => {
  it('keeps a UTF-8 BOM, CRLF, mixed line endings, the final newline and the mode', async () => {
    const file = path.join(folder, 'crlf.txt')
    const original = '\uFEFFHaze was PM2.5Caused by coal.\r\nNitrogen oxides (NOX) fell.\nO3More days\r'
    await writeFile(file, original)
    await chmod(file, 0o640)
    const result = await bilint(['--fix', 'crlf.txt'], folder)
    expect(result.code).toBe(0)
    const bytes = await readFile(file)
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(bytes.toString('utf8')).toBe('\uFEFFHaze was PM2.5 caused by coal.\r\nNitrogen oxides (NOx) fell.\nO3 more days\r')
    expect((await stat(file)).mode & 0o777).toBe(0o640)
  })

  it('does not write a file that has nothing to fix, and leaves the clean fixtures byte-identical', async () => {
    for (const name of ['clean-en-report.md', 'clean-zh-manual.md']) {
      const file = path.join(folder, name)
      await copyFile(new URL(name, fixtures), file)
      const before = await stat(file)
      await new Promise((resolve) => setTimeout(resolve, 20))
      await bilint(['--fix', name], folder)
      expect(await readFile(file)).toEqual(await readFile(new URL(name, fixtures)))
      expect((await stat(file)).mtimeMs).toBe(before.mtimeMs)
    }
  })

  it('never rewrites code, URLs, front matter, HTML or subscript markup', async () => {
    const file = path.join(folder, 'markup.md')
    const text = [
      '---',
      'title: PM2.5Caused',
      '---',
      '',
      'Real PM2.5Caused haze, `PM2.5Caused` code, CO~2~emissions and H<sub>2</sub>O.',
      '',
      'See https://example.com/PM2.5Caused and <span title="O3More">O3More</span>.',
      '',
      '```',
      'NOX',
      '```',
      '',
    ].join('\n')
    await writeFile(file, text)
    await bilint(['--fix', 'markup.md'], folder)
    const fixed = await readFile(file, 'utf8')
    expect(fixed).toBe(text.replace('Real PM2.5Caused', 'Real PM2.5 caused').replace('>O3More<', '>O3 more<'))
  })

  it('reports what remains after fixing, with the exit code of what remains', async () => {
    const file = path.join(folder, 'remains.md')
    await writeFile(file, '# Title\n\nHaze was PM2.5Caused, and senses2.5Heavier ones.\n')
    const result = await bilint(['--fix', '-f', 'json', 'remains.md'], folder)
    const [report] = JSON.parse(result.stdout) as Array<{messages: Array<{ruleId: string}>; output?: string}>
    expect(report!.messages.map((message) => message.ruleId)).toEqual(['glued-subscript'])
    expect(report!.output).toContain('PM2.5 caused')
    expect(result.code).toBe(1)
  })

  it('prints a unified diff and writes nothing with --fix-dry-run', async () => {
    const file = path.join(folder, 'dry.md')
    await writeFile(file, 'Haze was PM2.5Caused.\n')
    const result = await bilint(['--fix-dry-run', '--rule', 'spelling:off', 'dry.md'], folder)
    expect(result.stdout).toContain('--- a/dry.md\n+++ b/dry.md\n@@ -1,1 +1,1 @@\n-Haze was PM2.5Caused.\n+Haze was PM2.5 caused.\n')
    expect(await readFile(file, 'utf8')).toBe('Haze was PM2.5Caused.\n')
  })

  it('writes the fixed text of stdin to stdout and the report to stderr', async () => {
    const child = execFile(process.execPath, [cli, '--fix', '-', '--stdin-filename', 'in.md'], {cwd: folder})
    child.stdin!.end('PM2.5Caused haze and `NOX` code.\n')
    const stdout = await new Promise<string>((resolve) => {
      let output = ''
      child.stdout!.on('data', (chunk) => (output += chunk))
      child.on('close', () => resolve(output))
    })
    expect(stdout).toBe('PM2.5 caused haze and `NOX` code.\n')
  })

  it('refuses a read-only file with one line and exit 2, and still fixes the others', async () => {
    const locked = path.join(folder, 'locked.md')
    const open = path.join(folder, 'open.md')
    await writeFile(locked, 'PM2.5Caused haze.\n')
    await writeFile(open, 'PM2.5Caused haze.\n')
    await chmod(locked, 0o444)
    const result = await bilint(['--fix', 'locked.md', 'open.md'], folder)
    expect(result.code).toBe(2)
    expect(result.stderr.trim().split('\n')).toEqual(['bilint: locked.md: Cannot write fixes: the file is read-only'])
    expect(await readFile(locked, 'utf8')).toBe('PM2.5Caused haze.\n')
    expect(await readFile(open, 'utf8')).toBe('PM2.5 caused haze.\n')
  })

  it('follows a symbolic link and writes its target, keeping the link', async () => {
    const target = path.join(folder, 'target.md')
    const link = path.join(folder, 'link.md')
    await writeFile(target, 'PM2.5Caused haze.\n')
    await symlink(target, link)
    await bilint(['--fix', 'link.md'], folder)
    expect((await lstat(link)).isSymbolicLink()).toBe(true)
    expect(await readlink(link)).toBe(target)
    expect(await readFile(target, 'utf8')).toBe('PM2.5 caused haze.\n')
  })

  it('gives a vanished file one error through the API and goes on', async () => {
    const results = await lintFiles([path.join(folder, 'gone.md')], {cwd: folder, fix: 'safe'})
    expect(results[0]!.messages[0]!.message).toBe('No such file or directory, and no file matches this pattern')
  })
})

describe('--fix on the shared seed translation', () => {
  it.skipIf(!existsSync(seed))('splits the glued formulas and restores NOx, touching nothing else', async () => {
    const file = path.join(folder, 'seed.txt')
    await copyFile(seed, file)
    // The shared corpus is read-only; the copy must not be.
    await chmod(file, 0o644)
    const original = await readFile(file, 'utf8')
    await bilint(['--fix', '--rule', 'punctuation-width:off', 'seed.txt'], folder)
    const fixed = await readFile(file, 'utf8')
    const expected = original
      .replace('O3More', 'O3 more')
      .replace('PM2.5Caused', 'PM2.5 caused')
      .replace('O3Exceeding', 'O3 exceeding')
      .replace('PM2.5Concentration', 'PM2.5 concentration')
      .replace('(NOX)', '(NOx)')
      .replace('PM2.5and', 'PM2.5 and')
      .replace('O3Contaminate', 'O3 contaminate')
    expect(fixed).toBe(expected)
  })
})

// Keep `existsSync` of the built bin explicit: `npm test` builds before running.
it('runs against the built bin', () => expect(existsSync(cli)).toBe(true))

describe('--fix-unsafe', () => {
  it('applies unsafe fixes only when asked', async () => {
    const {lintText} = await import('../../src/index.js')
    const text = '# Report\n\n## 1. Summary\n\nText.\n\n## 二、Details\n\nMore text.\n'
    const safe = await lintText(text, {filePath: 'a.md', fix: 'safe'})
    expect(safe.output).toBeUndefined()
    const unsafe = await lintText(text, {filePath: 'a.md', fix: 'unsafe'})
    expect(unsafe.output).toBe(text.replace('## 二、Details', '## 2. Details'))
  })
})
