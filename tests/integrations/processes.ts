/**
 * Helpers for the integration tests that drive other tools (git,
 * pre-commit): run a command without a shell and collect its output, and
 * copy this repository's working tree into a fresh git repository.
 */

import {spawn, spawnSync} from 'node:child_process'
import {copyFileSync, mkdirSync, readdirSync, statSync} from 'node:fs'
import path from 'node:path'

/** What a finished command produced. */
export interface CommandResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Options of {@link runCommand}. */
export interface CommandOptions {
  cwd: string
  /** The complete environment of the child. */
  env?: NodeJS.ProcessEnv
  /** Kill the command after this many milliseconds. */
  timeoutMs: number
}

/**
 * Runs a command without a shell, stdin closed.
 * @returns Its exit code and complete output; rejects when it cannot start or times out.
 */
export function runCommand(command: string, args: readonly string[], options: CommandOptions): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe']})
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, options.timeoutMs)
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      const result = {code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8')}
      if (timedOut) reject(new Error(`${command} ${args.join(' ')} did not finish within ${options.timeoutMs} ms:\n${result.stdout}\n${result.stderr}`))
      else resolve(result)
    })
  })
}

/**
 * The environment of the parent without what would leak into a nested tool:
 * git's repository variables (set when the suite runs inside a git hook) and
 * the variables `npm run`/`npm test` adds for its script, so that a nested
 * `npm` behaves as it would in a user's shell.
 */
export function cleanEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {...process.env}
  for (const key of Object.keys(env)) {
    if (/^GIT_(?:DIR|WORK_TREE|INDEX_FILE|OBJECT_DIRECTORY|ALTERNATE_OBJECT_DIRECTORIES|PREFIX)$/.test(key)) delete env[key]
    if (/^npm_(?:lifecycle_|package_|command$|execpath$|node_execpath$|config_local_prefix$|config_global_prefix$)/i.test(key) || key === 'INIT_CWD') delete env[key]
  }
  delete env['FORCE_COLOR']
  return {...env, ...extra}
}

/** Runs git synchronously and returns its trimmed stdout; throws with stderr on failure. */
export function git(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = cleanEnvironment()): string {
  const run = spawnSync('git', args, {cwd, env, encoding: 'utf8'})
  if (run.error) throw run.error
  if (run.status !== 0) throw new Error(`git ${args.join(' ')} failed (${run.status}) in ${cwd}:\n${run.stderr}`)
  return run.stdout.trim()
}

/** Folders never copied when the working tree cannot be listed through git. */
const skippedFolders = new Set(['.git', 'node_modules', 'dist', 'scratch'])

/**
 * The files of the working tree: with git, the tracked files that still
 * exist plus the untracked ones that are not ignored (so uncommitted work,
 * new files included, is part of it); without git, every file outside
 * `node_modules`, `dist`, `.git` and `scratch`.
 */
export function workingTreeFiles(root: string): string[] {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {cwd: root, env: cleanEnvironment(), encoding: 'utf8'})
  if (listed.status === 0) {
    return listed.stdout
      .split('\0')
      .filter((file) => file !== '')
      .filter((file) => {
        try {
          return statSync(path.join(root, file)).isFile()
        } catch {
          return false // deleted in the working tree
        }
      })
  }
  const files: string[] = []
  const visit = (folder: string): void => {
    for (const entry of readdirSync(path.join(root, folder), {withFileTypes: true})) {
      const relative = path.join(folder, entry.name)
      if (entry.isDirectory()) {
        if (!skippedFolders.has(entry.name)) visit(relative)
      } else if (entry.isFile()) {
        files.push(relative)
      }
    }
  }
  visit('')
  return files
}

/** Copies the files of the working tree of `source` (see {@link workingTreeFiles}) into `target`. */
export function copyWorkingTree(source: string, target: string): void {
  for (const file of workingTreeFiles(source)) {
    mkdirSync(path.dirname(path.join(target, file)), {recursive: true})
    copyFileSync(path.join(source, file), path.join(target, file))
  }
}

/** Identity and settings for commits made by the tests, whatever the user's git configuration. */
export const gitIdentity = ['-c', 'user.name=bilint tests', '-c', 'user.email=tests@bilint.invalid', '-c', 'commit.gpgsign=false']

/**
 * Copies the working tree of `source` into `target` and commits it there as
 * the only commit of a new repository, so that tools which read a git
 * repository (pre-commit clones one) see the working tree as it is, whether
 * or not its latest changes are committed.
 * @returns The commit's hash.
 */
export function snapshotRepository(source: string, target: string): string {
  copyWorkingTree(source, target)
  git(['init', '-q'], target)
  git(['add', '-A'], target)
  git([...gitIdentity, 'commit', '-q', '-m', 'Snapshot of the working tree'], target)
  return git(['rev-parse', 'HEAD'], target)
}
