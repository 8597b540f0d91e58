/**
 * The bin's code cache, end to end: bilint installed in a project's
 * `node_modules` writes `node_modules/.cache/bilint/code-*.bin` after a run
 * that lints a file, on the main thread and on a worker, and later runs read
 * it and give the same report.
 */
import {spawnSync} from 'node:child_process'
import {copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {assertBinBuilt, repoRoot} from './helpers.js'

let project = ''
let bin = ''
let cacheFolder = ''

/** Runs the installed bin in the project. */
function run(...args: string[]): {code: number | null; stdout: string; stderr: string} {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd: project, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}, timeout: 60_000})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** The code cache files, by bundle name (`cli`, `worker`), with their modification times. */
function codeCaches(): Map<string, number> {
  const caches = new Map<string, number>()
  if (!existsSync(cacheFolder)) return caches
  for (const name of readdirSync(cacheFolder)) {
    const bundle = /^code-(\w+)-/.exec(name)?.[1]
    if (bundle) caches.set(bundle, statSync(path.join(cacheFolder, name)).mtimeMs)
  }
  return caches
}

beforeAll(() => {
  assertBinBuilt()
  project = mkdtempSync(path.join(os.tmpdir(), 'bilint-code-cache-'))
  const installed = path.join(project, 'node_modules', 'bilint')
  // A copy, not a link: Node runs a linked bin from its real path, in this checkout.
  mkdirSync(path.join(installed, 'dist', 'src'), {recursive: true})
  cpSync(path.join(repoRoot, 'dist', 'src', 'bundle'), path.join(installed, 'dist', 'src', 'bundle'), {recursive: true})
  copyFileSync(path.join(repoRoot, 'dist', 'src', 'cli.cjs'), path.join(installed, 'dist', 'src', 'cli.cjs'))
  copyFileSync(path.join(repoRoot, 'package.json'), path.join(installed, 'package.json'))
  for (const folder of ['dictionaries', 'schema']) symlinkSync(path.join(repoRoot, folder), path.join(installed, folder))
  // Its dependencies, as npm installs them beside it (the dictionaries and nspell's manifest are read at run time).
  for (const name of readdirSync(path.join(repoRoot, 'node_modules'))) {
    if (!name.startsWith('.')) symlinkSync(path.join(repoRoot, 'node_modules', name), path.join(project, 'node_modules', name))
  }
  bin = path.join(installed, 'dist', 'src', 'cli.cjs')
  cacheFolder = path.join(project, 'node_modules', '.cache', 'bilint')
  mkdirSync(path.join(project, 'docs'))
  for (let index = 0; index < 40; index++) {
    writeFileSync(path.join(project, 'docs', `page-${index}.md`), `# Page ${index}\n\nThe PM2.5Caused haze is recieved here.\n`)
  }
})

afterAll(() => rmSync(project, {recursive: true, force: true}))

describe('the code cache', () => {
  it('is not written by a run that lints nothing', () => {
    const version = run('--version')
    expect(version.code).toBe(0)
    expect(codeCaches().size).toBe(0)
  })

  it('is written once by the first run that lints, then read with the same report', () => {
    const first = run('--format', 'json', 'docs/page-0.md')
    expect(first.code).toBe(1)
    const written = codeCaches()
    expect([...written.keys()]).toEqual(['cli'])
    const second = run('--format', 'json', 'docs/page-0.md')
    expect(second.stdout).toBe(first.stdout)
    expect(codeCaches().get('cli')).toBe(written.get('cli'))
    const off = spawnSync(process.execPath, [bin, '--format', 'json', 'docs/page-0.md'], {
      cwd: project,
      encoding: 'utf8',
      env: {...process.env, BILINT_NO_CODE_CACHE: '1'},
    })
    expect(off.stdout).toBe(first.stdout)
  })

  it('is written for the worker bundle by a worker thread', () => {
    const threaded = run('--threads', '2', '--format', 'json', 'docs')
    const single = run('--threads', '1', '--format', 'json', 'docs')
    expect(threaded.stderr).toBe('')
    expect(threaded.stdout).toBe(single.stdout)
    expect(JSON.parse(threaded.stdout)).toHaveLength(40)
    expect([...codeCaches().keys()].sort()).toEqual(['cli', 'worker'])
  })
})
