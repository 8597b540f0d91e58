/**
 * Which files the language server leaves alone, as the command line would:
 * files the configuration's `ignorePatterns` match, files the
 * `.bilintignore` of their workspace folder matches, and files inside
 * `node_modules` or a version-control folder of the workspace.
 */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import ignore from 'ignore'
import {ConfigError} from '../config/errors.js'
import type {FileConfig} from '../engine/config-source.js'
import {SKIPPED_DIRECTORY_NAMES} from '../files/discover.js'

/** Parsed gitignore-style rules. */
type Ignore = ReturnType<typeof ignore>

/** The ignore file read at the root of each workspace folder (as the CLI reads it in its working directory). */
export const ignoreFileName = '.bilintignore'

/** Answers whether a file is ignored; the ignore files read are cached until {@link IgnoreRules.reset}. */
export class IgnoreRules {
  /** Parsed `.bilintignore` by workspace folder. */
  readonly #rulesByRoot = new Map<string, Promise<Ignore | null>>()

  /** @param roots The workspace folders, absolute (read on each call: folders may change). */
  constructor(private readonly roots: () => readonly string[]) {}

  /**
   * Whether a file is ignored.
   *
   * @param filePath Absolute path of the file.
   * @param found The configuration that applies to it.
   * @throws {ConfigError} When a `.bilintignore` exists but cannot be read.
   */
  async isIgnored(filePath: string, found: FileConfig): Promise<boolean> {
    if (found.config?.ignorePatterns?.length && found.configPath) {
      const relative = relativeInside(path.dirname(found.configPath), filePath)
      if (relative !== null && ignore().add(found.config.ignorePatterns).ignores(relative)) return true
    }
    const root = this.#rootOf(filePath)
    if (root === null) return false
    const relative = relativeInside(root, filePath)
    if (relative === null) return false
    if (relative.split('/').slice(0, -1).some((segment) => SKIPPED_DIRECTORY_NAMES.includes(segment))) return true
    const rules = await this.#rulesOf(root)
    return rules !== null && rules.ignores(relative)
  }

  /** Forgets the ignore files read, after one of them changed. */
  reset(): void {
    this.#rulesByRoot.clear()
  }

  /** The deepest workspace folder holding a file, or null. */
  #rootOf(filePath: string): string | null {
    let best: string | null = null
    for (const root of this.roots()) {
      if (relativeInside(root, filePath) !== null && (best === null || root.length > best.length)) best = root
    }
    return best
  }

  /** The parsed `.bilintignore` of a workspace folder, null when it has none. */
  #rulesOf(root: string): Promise<Ignore | null> {
    let rules = this.#rulesByRoot.get(root)
    if (rules === undefined) {
      rules = readIgnoreFile(path.join(root, ignoreFileName))
      this.#rulesByRoot.set(root, rules)
    }
    return rules
  }
}

/** Reads and parses an ignore file; null when there is none. */
async function readIgnoreFile(filePath: string): Promise<Ignore | null> {
  let text: string
  try {
    text = await readFile(filePath, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return null
    throw new ConfigError(filePath, undefined, `cannot read ignore file (${code ?? (error as Error).message})`, {cause: error})
  }
  return ignore().add(text.replace(/^\uFEFF/, ''))
}

/** The path of a file relative to a folder, with `/` separators; null when it is not inside. */
function relativeInside(folder: string, filePath: string): string | null {
  const relative = path.relative(folder, filePath)
  if (relative === '' || path.isAbsolute(relative) || relative === '..' || relative.startsWith(`..${path.sep}`)) return null
  return relative.split(path.sep).join('/')
}
