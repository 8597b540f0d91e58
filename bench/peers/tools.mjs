/**
 * The tools compared: bilint and the peers people would use instead, each
 * run through its own CLI as a user runs it, with the configuration in
 * `bench/peers/config/` (see README.md for the rules each one enables).
 *
 * Every tool gets the input as a path relative to the corpus directory (its
 * working directory): one file, or the folder of small files as that tool
 * accepts a folder (the folder itself, or a quoted glob it expands itself).
 */
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const peersDir = path.dirname(fileURLToPath(import.meta.url))
const configDir = path.join(peersDir, 'config')
const binDir = path.join(peersDir, 'node_modules', '.bin')

/**
 * What one run is given: a single file, or a folder of Markdown files.
 * @typedef {{kind: 'file', path: string} | {kind: 'folder', path: string}} Input
 */

/**
 * What a tool's report says, when it can be read.
 * @typedef {object} Summary
 * @property {number} problems Problems reported.
 * @property {number | null} files Files the tool says it linted (null when its report does not say).
 */

/**
 * @typedef {object} Tool
 * @property {string} id
 * @property {string} name Display name.
 * @property {string} packageName npm package whose version is reported.
 * @property {string} packageDir Where that package is installed.
 * @property {(input: Input) => {command: string, args: string[]}} invocation
 * @property {(stdout: string, stderr: string, code: number | null) => Summary | null} summarize
 *   Reads the report; null when the output holds none.
 * @property {string} threads How many threads it uses by default.
 */

/**
 * A peer's executable in `node_modules/.bin`, as `npx` or a package script runs it.
 * @param {string} name
 */
const bin = (name) => path.join(binDir, name)

/**
 * A folder as a glob for tools that do not walk directories themselves.
 * @param {Input} input
 */
const markdownGlob = (input) => (input.kind === 'folder' ? `${input.path}/**/*.md` : input.path)

/**
 * Reads a JSON report of the shape `[{filePath, messages: []}]` (bilint, textlint).
 * @param {string} stdout
 * @returns {Summary | null}
 */
function fileArrayReport(stdout) {
  try {
    const files = JSON.parse(stdout)
    if (!Array.isArray(files)) return null
    return {problems: files.reduce((sum, file) => sum + (file.messages?.length ?? 0), 0), files: files.length}
  } catch {
    return null
  }
}

/**
 * The first integer captured by a pattern, or null.
 * @param {string} text
 * @param {RegExp} pattern
 */
function capture(text, pattern) {
  const match = pattern.exec(text)
  return match ? Number(match[1]) : null
}

/**
 * @param {string} root Repository root.
 * @returns {Tool[]}
 */
export function tools(root) {
  return [
    {
      id: 'bilint',
      name: 'bilint',
      packageName: 'bilint',
      packageDir: root,
      invocation: (input) => ({command: process.execPath, args: [path.join(root, 'dist', 'src', 'cli.cjs'), input.path, '--format', 'json']}),
      summarize: (stdout) => fileArrayReport(stdout),
      threads: '1',
    },
    {
      id: 'zhlint',
      name: 'zhlint',
      packageName: 'zhlint',
      packageDir: path.join(peersDir, 'node_modules', 'zhlint'),
      // zhlint reads one pattern (its first argument) and globs it itself.
      invocation: (input) => ({command: bin('zhlint'), args: [markdownGlob(input), '--dir', configDir, '--config', '.zhlintrc']}),
      summarize: (stdout, stderr) => {
        const files = stdout.match(/^\[start\] /gm)?.length ?? 0
        const problems = capture(stderr, /^Found (\d+) errors?\.$/m) ?? (/^No error found\.$/m.test(stdout) ? 0 : null)
        return problems === null ? null : {problems, files}
      },
      threads: '1',
    },
    {
      id: 'textlint',
      name: 'textlint',
      packageName: 'textlint',
      packageDir: path.join(peersDir, 'node_modules', 'textlint'),
      invocation: (input) => ({
        command: bin('textlint'),
        args: ['--config', path.join(configDir, '.textlintrc.json'), '--format', 'json', input.path],
      }),
      summarize: (stdout) => fileArrayReport(stdout),
      threads: '1',
    },
    {
      id: 'markdownlint',
      name: 'markdownlint-cli2',
      packageName: 'markdownlint-cli2',
      packageDir: path.join(peersDir, 'node_modules', 'markdownlint-cli2'),
      invocation: (input) => ({command: bin('markdownlint-cli2'), args: ['--config', path.join(configDir, '.markdownlint-cli2.jsonc'), markdownGlob(input)]}),
      summarize: (stdout) => {
        const problems = capture(stdout, /^Summary: (\d+) error\(s\)$/m)
        return problems === null ? null : {problems, files: capture(stdout, /^Linting: (\d+) file\(s\)$/m)}
      },
      threads: '1',
    },
    {
      id: 'lint-md',
      name: 'lint-md',
      packageName: '@lint-md/cli',
      packageDir: path.join(peersDir, 'node_modules', '@lint-md', 'cli'),
      // lint-md finds nothing in a bare folder name: it wants a glob.
      invocation: (input) => ({command: bin('lint-md'), args: ['--config', path.join(configDir, '.lintmdrc'), markdownGlob(input)]}),
      summarize: (stdout, _stderr, code) => {
        const problems = capture(stdout, /✖ (\d+) problems?/)
        if (problems !== null) return {problems, files: null}
        return code === 0 && stdout.trim() !== '' && !/No markdown files to lint/.test(stdout) ? {problems: 0, files: null} : null
      },
      threads: 'one worker per core',
    },
    {
      id: 'autocorrect',
      name: 'AutoCorrect',
      packageName: 'autocorrect-node',
      packageDir: path.join(peersDir, 'node_modules', 'autocorrect-node'),
      invocation: (input) => ({
        command: bin('autocorrect'),
        args: ['--lint', '--format', 'json', '--config', path.join(configDir, '.autocorrectrc'), input.path],
      }),
      summarize: (stdout) => {
        try {
          const report = JSON.parse(stdout)
          if (!Array.isArray(report.messages)) return null
          /** @type {{lines?: unknown[]}[]} */
          const messages = report.messages
          return {problems: messages.reduce((sum, file) => sum + (file.lines?.length ?? 0), 0), files: null}
        } catch {
          return null
        }
      },
      threads: 'one per core',
    },
  ]
}

/**
 * The installed version of a tool's package, or null when it is missing.
 * @param {Tool} tool
 * @returns {string | null}
 */
export function installedVersion(tool) {
  const manifest = path.join(tool.packageDir, 'package.json')
  if (!existsSync(manifest)) return null
  return JSON.parse(readFileSync(manifest, 'utf8')).version ?? null
}
