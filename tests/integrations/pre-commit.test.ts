/**
 * The pre-commit hook (`.pre-commit-hooks.yaml`), run for real with Debian's
 * `pre-commit`: `pre-commit try-repo` installs this repository into a node
 * environment of its own (on the machine's Node.js: `language_version:
 * system`) and runs the hook inside a temporary git repository.
 *
 * try-repo clones a git repository, and only sees uncommitted changes to
 * files git already tracks. So the hook repository here is a snapshot: the
 * working tree (tracked and new files alike) committed into a fresh
 * repository. That tests the hook as it is on disk, committed or not.
 *
 * Each try-repo builds its environment from scratch (pre-commit gives it a
 * temporary store, whatever PRE_COMMIT_HOME says): `npm install` with the
 * devDependencies, `tsc` through `prepare`, `npm pack`, a global install of
 * the tarball. That takes a minute or more, hence the long timeouts; the npm
 * registry (or npm's cache) must be reachable, nodejs.org need not be.
 */

import {existsSync, readFileSync} from 'node:fs'
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {repoRoot} from '../cli/helpers.js'
import {cleanEnvironment, git, gitIdentity, runCommand, snapshotRepository, type CommandResult} from './processes.js'

const preCommit = '/usr/bin/pre-commit'

/** How long one try-repo may take: an npm install and two TypeScript builds, on a busy machine. */
const tryRepoTimeoutMs = 240_000

/** A hook of `.pre-commit-hooks.yaml`. */
interface HookDefinition {
  id: string
  name: string
  entry: string
  language: string
  language_version?: string
  files?: string
  types?: string[]
  types_or?: string[]
}

const hooks = parse(readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as HookDefinition[]

describe('.pre-commit-hooks.yaml', () => {
  it('defines the bilint hook on the machine’s Node.js, for documents only', () => {
    expect(hooks.map((hook) => hook.id)).toEqual(['bilint'])
    const hook = hooks[0]!
    expect(hook.entry).toBe('bilint')
    expect(hook.language).toBe('node')
    // `system`: no Node.js download through nodeenv.
    expect(hook.language_version).toBe('system')
    const files = new RegExp(hook.files!)
    for (const name of ['README.md', 'docs/guide.markdown', 'notes/zh.txt']) expect(files.test(name), name).toBe(true)
    for (const name of ['src/cli.ts', 'package.json', 'docs/md.png', 'report.md.bak', 'notes.txt.orig']) expect(files.test(name), name).toBe(false)
  })

  it('ships the npm setting that keeps `npm pack` output to the tarball name', () => {
    // npm 10.5+ runs `prepare` in the foreground during `npm pack` and prints
    // its banner on stdout; pre-commit takes that whole stdout as the
    // tarball's file name and the hook install fails. `.npmrc` turns it off.
    const npmrc = path.join(repoRoot, '.npmrc')
    expect(existsSync(npmrc), '.npmrc with foreground-scripts=false is missing at the repository root').toBe(true)
    expect(readFileSync(npmrc, 'utf8')).toMatch(/^\s*foreground-scripts\s*=\s*false\s*$/m)
  })
})

describe.skipIf(!existsSync(preCommit))('pre-commit try-repo', () => {
  let root: string
  let hookRepo: string
  let project: string
  let env: NodeJS.ProcessEnv

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'bilint-pre-commit-'))
    hookRepo = path.join(root, 'bilint')
    project = path.join(root, 'project')
    await mkdir(hookRepo)
    await mkdir(project)
    snapshotRepository(repoRoot, hookRepo)

    git(['init', '-q'], project)
    git(['config', 'user.name', 'bilint tests'], project)
    git(['config', 'user.email', 'tests@bilint.invalid'], project)
    await writeFile(path.join(project, '.bilintrc.json'), '{}\n')
    await writeFile(path.join(project, 'report.md'), '# Air quality\n\nThe level of PM2.5Caused concern in the city.\n')
    await writeFile(path.join(project, 'clean.md'), '# Air quality\n\nThe level of PM2.5 fell this year.\n')
    // Not a document: the hook must not hand it to bilint, which would lint
    // a file named explicitly whatever its extension.
    await writeFile(path.join(project, 'notes.ts'), '// The level of PM2.5Caused concern.\nexport {}\n')
    git(['add', '-A'], project)
    git([...gitIdentity, 'commit', '-q', '-m', 'Documents'], project)

    env = cleanEnvironment({PRE_COMMIT_HOME: path.join(root, 'cache'), NO_COLOR: '1'})
  })

  afterAll(async () => {
    if (root) await rm(root, {recursive: true, force: true})
  })

  /** Runs `pre-commit try-repo <snapshot> bilint --files …` in the project. */
  function tryRepo(...files: string[]): Promise<CommandResult> {
    return runCommand(preCommit, ['try-repo', hookRepo, 'bilint', '--verbose', '--color', 'never', '--files', ...files], {cwd: project, env, timeoutMs: tryRepoTimeoutMs})
  }

  /** Everything pre-commit printed, and its log when the failure was its own. */
  function report(result: CommandResult): string {
    const log = path.join(root, 'cache', 'pre-commit.log')
    return `exit code ${result.code}\n${result.stdout}\n${result.stderr}${existsSync(log) ? `\n${readFileSync(log, 'utf8')}` : ''}`
  }

  // The two runs install separate environments: running them side by side halves the wait.
  it.concurrent(
    'fails on a Markdown file with a defect and prints bilint’s report',
    async ({expect}) => {
      const result = await tryRepo('report.md')
      // 1 is bilint's exit code passed on; pre-commit's own errors exit 3.
      expect(result.code, report(result)).toBe(1)
      expect(result.stdout).toMatch(/^bilint\.+Failed$/m)
      expect(result.stdout).toContain('- hook id: bilint')
      expect(result.stdout).toMatch(/report\.md\n\s+3:14\s+error\s+Unexpected `PM2\.5Caused`, expected `PM2\.5 caused`.*glued-subscript/)
    },
    tryRepoTimeoutMs + 30_000,
  )

  it.concurrent(
    'passes a clean Markdown file and leaves files that are not documents alone',
    async ({expect}) => {
      const result = await tryRepo('clean.md', 'notes.ts')
      expect(result.code, report(result)).toBe(0)
      expect(result.stdout).toMatch(/^bilint\.+Passed$/m)
      expect(result.stdout).not.toContain('notes.ts')
    },
    tryRepoTimeoutMs + 30_000,
  )
})
