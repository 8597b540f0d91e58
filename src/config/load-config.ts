/**
 * Reading configuration files and finding the one that applies to a file.
 *
 * Configuration is data: JSON, YAML (core schema, no custom tags) or the
 * `bilint` key of a package.json. Nothing is ever evaluated, so JavaScript
 * configuration files are refused rather than run.
 */

import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import type {BilintConfig, RuleMeta} from '../types.js'
import {ConfigError} from './errors.js'
import {isPlainObject, validateConfig} from './validate.js'

/** Data configuration file names, in the order they are looked for in each directory. */
export const CONFIG_FILE_NAMES = ['.bilintrc.json', '.bilintrc.yaml', '.bilintrc.yml', 'package.json'] as const

/** JavaScript configuration file names that are recognised only to be refused. */
export const JAVASCRIPT_CONFIG_FILE_NAMES = [
  '.bilintrc.js',
  '.bilintrc.cjs',
  '.bilintrc.mjs',
  '.bilintrc.ts',
  '.bilintrc.cts',
  '.bilintrc.mts',
  'bilint.config.js',
  'bilint.config.cjs',
  'bilint.config.mjs',
  'bilint.config.ts',
  'bilint.config.cts',
  'bilint.config.mts',
] as const

/** Extensions of files that would have to be executed to be read. */
const JAVASCRIPT_EXTENSIONS = new Set(['.js', '.cjs', '.mjs', '.jsx', '.ts', '.cts', '.mts', '.tsx'])

/** The refusal given for any JavaScript configuration file. */
const JAVASCRIPT_REFUSAL =
  'JavaScript configuration is not supported: config is data; use .bilintrc.json or .bilintrc.yaml'

/** The key of package.json that holds bilint's configuration. */
const PACKAGE_JSON_KEY = 'bilint'

/** How a configuration file is read, decided from its name. */
type ConfigFormat = 'json' | 'yaml' | 'package-json' | 'javascript' | 'unsupported'

/**
 * Reads and parses one configuration file.
 *
 * The format follows the file name: `package.json` (its `bilint` key), `*.json`
 * (JSON, a UTF-8 BOM allowed), `*.yaml`/`*.yml` or no extension at all, as in
 * `.bilintrc` (YAML 1.2 core schema, which also reads JSON). JavaScript files
 * (`.js`, `.cjs`, `.mjs`, `.ts`, ...) are refused, never run.
 *
 * The result is known to be an object of plain data (strings, numbers,
 * booleans, null, arrays, objects) but is not checked against the rules:
 * pass it to {@link validateConfig} for that.
 *
 * @param filePath Path of the configuration file.
 * @returns The configuration object.
 * @throws {ConfigError} When the file is JavaScript, cannot be read, does not
 *   parse, has a root that is not an object, or is a package.json without a
 *   `bilint` key.
 */
export async function loadConfigFile(filePath: string): Promise<BilintConfig> {
  const format = configFormatOf(filePath)
  if (format === 'javascript') throw new ConfigError(filePath, undefined, JAVASCRIPT_REFUSAL)
  if (format === 'unsupported') {
    throw new ConfigError(
      filePath,
      undefined,
      `unsupported configuration file type "${path.extname(filePath)}": use .bilintrc.json or .bilintrc.yaml`,
    )
  }
  const text = readConfigText(filePath)
  if (format === 'package-json') {
    const config = parsePackageJsonConfig(text, filePath)
    if (config === null) throw new ConfigError(filePath, PACKAGE_JSON_KEY, 'no "bilint" key in this package.json')
    return config
  }
  const data = format === 'json' ? parseJsonText(text, filePath) : await parseYamlText(text, filePath)
  return requireObjectRoot(data, filePath)
}

/** Options of {@link ConfigFinder}. */
export interface ConfigFinderOptions {
  /** Directory that relative file paths given to `find` are resolved against. */
  cwd: string
  /**
   * Known rules. When given, each configuration found is validated with
   * {@link validateConfig} once, when first loaded, and `find` returns the
   * validated (normalised) configuration. Default: no validation.
   */
  rules?: readonly RuleMeta[]
}

/** A configuration and the file it was read from. */
export interface FoundConfig {
  /** The configuration. */
  config: BilintConfig
  /** Absolute path of the file it came from (for a package.json, the package.json). */
  configPath: string
}

/**
 * Finds the configuration that applies to a file.
 *
 * Starting in the file's directory and walking up to the filesystem root, each
 * directory is searched for, in order, `.bilintrc.json`, `.bilintrc.yaml`,
 * `.bilintrc.yml` and a `package.json` with a `bilint` key. The first one
 * found wins: configurations in parent directories are not merged in, as with
 * ESLint's flat config, so a nested config must repeat whatever it wants from
 * a parent one. A directory holding a JavaScript configuration
 * (`.bilintrc.js`, `.cjs`, `.mjs`, `bilint.config.js`, ...) and no data
 * configuration stops the search with a {@link ConfigError}.
 *
 * Lookups are cached per directory for the life of the finder, so a run over
 * many files lists each directory and reads each configuration file once, and
 * files sharing a configuration get the same object.
 */
export class ConfigFinder {
  /** Directory relative paths are resolved against. */
  readonly #cwd: string
  /** Rules to validate against, if any. */
  readonly #rules: readonly RuleMeta[] | undefined
  /** The pending or settled lookup for each directory already asked about. */
  readonly #lookupsByDirectory = new Map<string, Promise<FoundConfig | null>>()

  /** @param options See {@link ConfigFinderOptions}. */
  constructor(options: ConfigFinderOptions) {
    this.#cwd = path.resolve(options.cwd)
    this.#rules = options.rules
  }

  /**
   * Finds the configuration for a file.
   *
   * @param filePath The file to be linted, absolute or relative to `cwd`; it need not exist.
   * @returns The nearest configuration and its path, or `null` when no directory up to the root has one.
   * @throws {ConfigError} When the nearest configuration is JavaScript or is not valid.
   */
  async find(filePath: string): Promise<FoundConfig | null> {
    const directory = path.dirname(path.resolve(this.#cwd, filePath))
    return this.#lookUpFrom(directory)
  }

  /** Returns the cached lookup for a directory, starting it if needed. */
  #lookUpFrom(directory: string): Promise<FoundConfig | null> {
    const cached = this.#lookupsByDirectory.get(directory)
    if (cached !== undefined) return cached
    const lookup = this.#lookUpUncached(directory)
    this.#lookupsByDirectory.set(directory, lookup)
    return lookup
  }

  /** The directory's own configuration, else its parent's lookup. */
  async #lookUpUncached(directory: string): Promise<FoundConfig | null> {
    const ownConfig = await this.#loadDirectoryConfig(directory)
    if (ownConfig !== null) return ownConfig
    const parentDirectory = path.dirname(directory)
    if (parentDirectory === directory) return null
    return this.#lookUpFrom(parentDirectory)
  }

  /** Loads the configuration stored in the directory itself, if any. */
  async #loadDirectoryConfig(directory: string): Promise<FoundConfig | null> {
    const entryNames = listEntryNames(directory)
    for (const fileName of CONFIG_FILE_NAMES) {
      if (!entryNames.has(fileName)) continue
      const configPath = path.join(directory, fileName)
      const config =
        fileName === 'package.json'
          ? parsePackageJsonConfig(readConfigText(configPath), configPath)
          : await loadConfigFile(configPath)
      if (config === null) continue
      const checkedConfig = this.#rules === undefined ? config : await validateConfig(config, configPath, this.#rules)
      return {config: checkedConfig, configPath}
    }
    const javascriptFileName = JAVASCRIPT_CONFIG_FILE_NAMES.find((fileName) => entryNames.has(fileName))
    if (javascriptFileName !== undefined) {
      throw new ConfigError(path.join(directory, javascriptFileName), undefined, JAVASCRIPT_REFUSAL)
    }
    return null
  }
}

/** Decides how a configuration file is read from its name. */
function configFormatOf(filePath: string): ConfigFormat {
  const fileName = path.basename(filePath)
  if (fileName === 'package.json') return 'package-json'
  const extension = path.extname(fileName).toLowerCase()
  if (extension === '.json') return 'json'
  if (extension === '.yaml' || extension === '.yml' || extension === '') return 'yaml'
  if (JAVASCRIPT_EXTENSIONS.has(extension)) return 'javascript'
  return 'unsupported'
}

/**
 * Names in a directory; an unreadable or missing directory has none. Read
 * synchronously, as configuration files are: a few small reads cost less
 * than the thread pool's round trips and Node's promise-based file code.
 */
function listEntryNames(directory: string): Set<string> {
  try {
    return new Set(readdirSync(directory))
  } catch {
    return new Set()
  }
}

/** Reads a configuration file as UTF-8 without its BOM. */
function readConfigText(filePath: string): string {
  let text: string
  try {
    text = readFileSync(filePath, 'utf8')
  } catch (error) {
    throw new ConfigError(filePath, undefined, `cannot read file: ${describeReadError(error)}`, {cause: error})
  }
  return text.startsWith('\uFEFF') ? text.slice(1) : text
}

/** A short reason for a failed read. */
function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EISDIR') return 'is a directory'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  return error instanceof Error ? error.message : String(error)
}

/** Parses a package.json and returns its `bilint` object, or `null` when it has none. */
function parsePackageJsonConfig(text: string, filePath: string): BilintConfig | null {
  const packageJson = requireObjectRoot(parseJsonText(text, filePath), filePath)
  if (!Object.hasOwn(packageJson, PACKAGE_JSON_KEY)) return null
  const config: unknown = (packageJson as Record<string, unknown>)[PACKAGE_JSON_KEY]
  if (!isPlainObject(config)) throw new ConfigError(filePath, PACKAGE_JSON_KEY, 'must be an object')
  return config as BilintConfig
}

/** Parses JSON, turning a syntax error into a one-line ConfigError with a line and column when known. */
function parseJsonText(text: string, filePath: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new ConfigError(filePath, undefined, `invalid JSON: ${describeJsonSyntaxError(message, text)}`, {
      cause: error,
    })
  }
}

/**
 * Rewrites V8's JSON error message for people: `at position N` becomes
 * `at line L, column C`, and the quoted source excerpt some messages carry is
 * folded onto one line.
 */
function describeJsonSyntaxError(message: string, text: string): string {
  const oneLine = message.replace(/\s+/g, ' ').trim()
  const positionMatch = /\bat position (\d+)(?: \(line \d+ column \d+\))?/.exec(oneLine)
  if (positionMatch === null || positionMatch[1] === undefined) return oneLine
  const {line, column} = lineAndColumnAt(text, Number(positionMatch[1]))
  return oneLine.replace(positionMatch[0], `at line ${line}, column ${column}`)
}

/** 1-based line and column (UTF-16 code units) of an offset in a text. */
function lineAndColumnAt(text: string, offset: number): {line: number; column: number} {
  const before = text.slice(0, offset)
  const lines = before.split(/\r\n|\r|\n/)
  return {line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1}
}

/**
 * Parses YAML with the core schema and no custom tags. Errors and warnings
 * (unresolved tags such as `!!js/function`, duplicate keys, several documents)
 * are all refused, and the result must be plain JSON-like data.
 */
async function parseYamlText(text: string, filePath: string): Promise<unknown> {
  // yaml is CommonJS under Node: its exports are the default export wherever it is imported from (Node or a bundle).
  const {default: yaml} = await import('yaml')
  const document = yaml.parseDocument(text, {
    version: '1.2',
    schema: 'core',
    customTags: [],
    merge: false,
    uniqueKeys: true,
    prettyErrors: true,
  })
  const problem = document.errors[0] ?? document.warnings[0]
  if (problem !== undefined) {
    throw new ConfigError(filePath, undefined, `invalid YAML: ${firstLine(problem.message)}`, {cause: problem})
  }
  let data: unknown
  try {
    data = document.toJS({maxAliasCount: 100})
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new ConfigError(filePath, undefined, `invalid YAML: ${firstLine(message)}`, {cause: error})
  }
  requirePlainData(data, filePath, '')
  return data
}

/** The first line of a parser message (yaml's pretty errors append a source excerpt). */
function firstLine(message: string): string {
  const [line = ''] = message.split(/\r?\n/, 1)
  return line.replace(/:$/, '').trim()
}

/**
 * Throws unless a value is JSON-like data: yaml can still produce binary
 * buffers, sets or maps for explicitly tagged nodes, which config has no use for.
 */
function requirePlainData(value: unknown, filePath: string, keyPath: string): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return
    throw new ConfigError(filePath, keyPath || undefined, 'must be a finite number')
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => requirePlainData(item, filePath, `${keyPath}[${index}]`))
    return
  }
  if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      requirePlainData(item, filePath, keyPath === '' ? key : `${keyPath}.${key}`)
    }
    return
  }
  throw new ConfigError(filePath, keyPath || undefined, 'must be plain data (string, number, boolean, null, list or mapping)')
}

/** Throws unless the parsed root is an object. */
function requireObjectRoot(data: unknown, filePath: string): BilintConfig {
  if (!isPlainObject(data)) {
    const found = data === null ? 'null' : Array.isArray(data) ? 'an array' : `a ${typeof data}`
    throw new ConfigError(filePath, undefined, `the configuration must be an object, found ${found}`)
  }
  return data as BilintConfig
}
