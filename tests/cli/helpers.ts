/**
 * Helpers for the end-to-end tests of the `bilint` command: they run the
 * built bin (`dist/src/cli.cjs`) in a child process, lay out temporary
 * projects, isolate the rules a test is about, and check that the XML
 * formats are well-formed.
 */

import {spawn} from 'node:child_process'
import {existsSync, readdirSync, statSync} from 'node:fs'
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url))

/** The built bin, as `npm run build` writes it. */
export const cliPath = path.join(repoRoot, 'dist', 'src', 'cli.cjs')

/** How long one run may take before it is killed (generous: CI machines are slow, and runs share two cores). */
const defaultTimeoutMs = 20_000

/** What one run of the bin produced. */
export interface RunResult {
  /** Exit code, or null when the process was killed by a signal. */
  code: number | null
  /** The signal that ended the process, if any. */
  signal: NodeJS.Signals | null
  /** Everything written to stdout. */
  stdout: string
  /** Everything written to stderr. */
  stderr: string
}

/** Options of {@link runBilint}. */
export interface RunOptions {
  /** Working directory of the child. */
  cwd: string
  /** Bytes or text written to stdin (stdin is closed right away when absent). */
  stdin?: string | Uint8Array
  /** Extra environment variables (added over the parent's, after `NO_COLOR=1`). */
  env?: Record<string, string>
  /** Kill the child after this many milliseconds (default 20 s). */
  timeoutMs?: number
  /** Close the read end of stdout before the child writes anything (to test a closed pipe). */
  closeStdout?: boolean
}

let builtChecked = false

/**
 * Throws with instructions unless the bin has been built. `npm test` builds
 * it before running vitest; a bare `npx vitest` needs `npm run build` first.
 * A bin older than the sources is only warned about: others may be editing
 * `src/` while the suite runs, and the run that matters rebuilds first.
 */
export function assertBinBuilt(): void {
  if (builtChecked) return
  if (!existsSync(cliPath)) {
    throw new Error(`${path.relative(repoRoot, cliPath)} does not exist: run \`npm run build\` (or \`npm test\`, which builds first) before these tests`)
  }
  const builtAt = statSync(cliPath).mtimeMs
  const newer = newestSource(['src', 'rules'].map((folder) => path.join(repoRoot, folder)))
  if (newer && newer.mtimeMs > builtAt) {
    console.warn(`tests/cli: ${path.relative(repoRoot, newer.path)} is newer than the built bin; run \`npm run build\` if results look stale`)
  }
  builtChecked = true
}

/** The most recently modified TypeScript source (not a test) under the folders. */
function newestSource(folders: string[]): {path: string; mtimeMs: number} | undefined {
  let newest: {path: string; mtimeMs: number} | undefined
  const visit = (folder: string): void => {
    for (const entry of readdirSync(folder, {withFileTypes: true})) {
      const entryPath = path.join(folder, entry.name)
      if (entry.isDirectory()) {
        if (entry.name !== 'fixtures' && entry.name !== 'node_modules') visit(entryPath)
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        const mtimeMs = statSync(entryPath).mtimeMs
        if (!newest || mtimeMs > newest.mtimeMs) newest = {path: entryPath, mtimeMs}
      }
    }
  }
  for (const folder of folders) if (existsSync(folder)) visit(folder)
  return newest
}

/**
 * Runs `node dist/src/cli.cjs ...args` without a shell, colours off.
 * @param args Command-line arguments.
 * @param options Working directory, stdin, environment, timeout.
 * @returns The exit code and the complete stdout and stderr.
 */
export function runBilint(args: readonly string[], options: RunOptions): Promise<RunResult> {
  assertBinBuilt()
  const env: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1', ...options.env}
  // A colour switch inherited from the test runner would override NO_COLOR in some libraries.
  delete env['FORCE_COLOR']
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {cwd: options.cwd, env, stdio: ['pipe', 'pipe', 'pipe'], shell: false})
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, timeoutMs)
    if (options.closeStdout) child.stdout.destroy()
    else child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    // The child may exit before reading stdin (e.g. on a usage error): that is not a test failure.
    child.stdin.on('error', () => {})
    child.stdin.end(options.stdin ?? '')
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      const result = {
        code,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }
      if (timedOut) reject(new Error(`bilint ${args.join(' ')} did not finish within ${timeoutMs} ms; stderr: ${result.stderr}`))
      else resolve(result)
    })
  })
}

/** Lines of a text, without the empty string after a final newline. */
export function linesOf(text: string): string[] {
  if (text === '') return []
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  return lines
}

/** Lines that look like a JavaScript stack frame (`    at fn (file:1:2)`), which the CLI must never print. */
export function stackTraceLines(text: string): string[] {
  return linesOf(text).filter((line) => /^\s+at\s/.test(line) || /^node:internal|^\s*throw\s/.test(line))
}

/** A temporary directory tree, removed by {@link TempTree.remove}. */
export interface TempTree {
  /** Absolute path of the root. */
  root: string
  /** Absolute path of a file or folder in the tree. */
  path(...segments: string[]): string
  /** Writes files (text or bytes), creating folders as needed. */
  write(files: Record<string, string | Uint8Array>): Promise<void>
  /** Removes the whole tree. */
  remove(): Promise<void>
}

/**
 * Creates a temporary directory with the given files. Its root holds an empty
 * `.bilintrc.json` unless `files` provides one, so that no configuration
 * lying above the system's temporary directory can change the results.
 * @param files Paths relative to the root, with their contents.
 */
export async function makeTempTree(files: Record<string, string | Uint8Array> = {}): Promise<TempTree> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'bilint-cli-'))
  const tree: TempTree = {
    root,
    path: (...segments) => path.join(root, ...segments),
    async write(entries) {
      for (const [relativePath, content] of Object.entries(entries)) {
        const filePath = path.join(root, relativePath)
        await mkdir(path.dirname(filePath), {recursive: true})
        await writeFile(filePath, content)
      }
    },
    remove: () => rm(root, {recursive: true, force: true}),
  }
  await tree.write({'.bilintrc.json': '{}\n', ...files})
  return tree
}

/** The rule ids `bilint --list-rules` prints, fetched once per test file. */
let ruleIdsPromise: Promise<string[]> | undefined

/**
 * Every registered rule id, read from `bilint --list-rules` (first column,
 * after the header row).
 */
export function registeredRuleIds(): Promise<string[]> {
  ruleIdsPromise ??= runBilint(['--list-rules'], {cwd: repoRoot}).then((result) => {
    if (result.code !== 0) throw new Error(`bilint --list-rules failed (${result.code}): ${result.stderr}`)
    const ids = linesOf(result.stdout)
      .slice(1)
      .map((line) => line.split(/\s+/)[0] ?? '')
      .filter((id) => id !== '')
    if (ids.length === 0) throw new Error(`bilint --list-rules listed no rule:\n${result.stdout}`)
    return ids
  })
  return ruleIdsPromise
}

/**
 * `--rule id:off` arguments for every registered rule except `keep`, so a
 * test sees exactly the messages of the rules it is about, however many rules
 * get registered later.
 * @param keep The rules to leave as configured.
 */
export async function onlyRules(...keep: string[]): Promise<string[]> {
  const ids = await registeredRuleIds()
  for (const id of keep) if (!ids.includes(id)) throw new Error(`rule ${id} is not registered (known: ${ids.join(', ')})`)
  return ids.filter((id) => !keep.includes(id)).flatMap((id) => ['--rule', `${id}:off`])
}

/** An element of a parsed XML document. */
export interface XmlElement {
  /** Tag name. */
  name: string
  /** Attributes, entities decoded. */
  attributes: Record<string, string>
  /** Child elements. */
  children: XmlElement[]
  /** Text and CDATA content directly inside, decoded and concatenated. */
  text: string
}

const xmlEntities: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'"}

/** Decodes the predefined and numeric character references; throws on a bare `&`. */
function decodeXmlText(text: string): string {
  return text.replace(/&([^;&\s]*);?/g, (match: string, name: string) => {
    if (!match.endsWith(';')) throw new SyntaxError(`bare "&" in ${JSON.stringify(text.slice(0, 60))}`)
    if (name in xmlEntities) return xmlEntities[name]!
    const numeric = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(name)
    if (!numeric) throw new SyntaxError(`unknown entity &${name};`)
    return String.fromCodePoint(numeric[1] !== undefined ? parseInt(numeric[1], 16) : Number(numeric[2]))
  })
}

/**
 * Parses an XML document strictly enough to prove it is well-formed:
 * declaration, one root element, matched tags, quoted unique attributes,
 * valid references, CDATA and comments. Throws a SyntaxError otherwise.
 * @param xml The document.
 * @returns The root element.
 */
export function parseXml(xml: string): XmlElement {
  let position = 0
  const fail = (problem: string): never => {
    throw new SyntaxError(`${problem} at offset ${position}: ${JSON.stringify(xml.slice(position, position + 40))}`)
  }
  const declaration = /^<\?xml\s+version="1\.[0-9]"(?:\s+encoding="[A-Za-z][\w.-]*")?(?:\s+standalone="(?:yes|no)")?\s*\?>/.exec(xml)
  if (declaration) position = declaration[0].length
  const stack: XmlElement[] = []
  let root: XmlElement | undefined
  while (position < xml.length) {
    const next = xml.indexOf('<', position)
    const text = xml.slice(position, next === -1 ? xml.length : next)
    if (text !== '') {
      if (stack.length === 0) {
        if (text.trim() !== '') fail('text outside the root element')
      } else {
        stack.at(-1)!.text += decodeXmlText(text)
      }
    }
    if (next === -1) break
    position = next
    if (xml.startsWith('<!--', position)) {
      const end = xml.indexOf('-->', position + 4)
      if (end === -1) fail('unterminated comment')
      position = end + 3
    } else if (xml.startsWith('<![CDATA[', position)) {
      const end = xml.indexOf(']]>', position + 9)
      if (end === -1 || stack.length === 0) fail('misplaced or unterminated CDATA')
      stack.at(-1)!.text += xml.slice(position + 9, end)
      position = end + 3
    } else if (xml.startsWith('</', position)) {
      const match = /^<\/([A-Za-z_:][\w.:-]*)\s*>/.exec(xml.slice(position))
      if (!match) fail('malformed end tag')
      const open = stack.pop()
      if (!open || open.name !== match![1]) fail(`end tag </${match![1]}> does not close <${open?.name ?? '(nothing)'}>`)
      position += match![0].length
    } else {
      const match = /^<([A-Za-z_:][\w.:-]*)((?:\s+[A-Za-z_:][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(xml.slice(position))
      if (!match) fail('malformed start tag')
      const element: XmlElement = {name: match![1]!, attributes: {}, children: [], text: ''}
      for (const attribute of match![2]!.matchAll(/([A-Za-z_:][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        const name = attribute[1]!
        if (Object.hasOwn(element.attributes, name)) fail(`duplicate attribute ${name}`)
        element.attributes[name] = decodeXmlText(attribute[2] ?? attribute[3] ?? '')
      }
      if (stack.length > 0) stack.at(-1)!.children.push(element)
      else if (root) fail('second root element')
      else root = element
      if (match![3] !== '/') stack.push(element)
      position += match![0].length
    }
  }
  if (stack.length > 0) fail(`unclosed <${stack.at(-1)!.name}>`)
  if (!root) fail('no root element')
  return root!
}

/** Every element of a tree with the given name, depth first. */
export function xmlElements(root: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = []
  const visit = (element: XmlElement): void => {
    if (element.name === name) found.push(element)
    element.children.forEach(visit)
  }
  visit(root)
  return found
}

/** A message as the JSON format writes it. */
export interface JsonMessage {
  ruleId: string | null
  severity: 1 | 2
  message: string
  line: number
  column: number
  endLine: number
  endColumn: number
  fatal?: boolean
  fix?: {range: [number, number]; text: string}
  suggestions?: Array<{desc: string; fix: {range: [number, number]; text: string}}>
  actual?: string
  expected?: string[]
  url?: string
}

/** A result as the JSON format writes it. */
export interface JsonResult {
  filePath: string
  messages: JsonMessage[]
  errorCount: number
  warningCount: number
  fatalErrorCount: number
  fixableErrorCount: number
  fixableWarningCount: number
}

/** Parses the JSON format's output, with a readable error when it is not JSON. */
export function parseJsonReport(stdout: string): JsonResult[] {
  try {
    return JSON.parse(stdout) as JsonResult[]
  } catch (error) {
    throw new Error(`the json format printed something that is not JSON (${(error as Error).message}):\n${stdout.slice(0, 500)}`)
  }
}
