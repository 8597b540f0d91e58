/**
 * Command-line options, parsed with `node:util` `parseArgs`.
 */
import {parseArgs} from 'node:util'
import {isPresetName, type PresetName} from '../config/presets.js'
import {isFormatName, type FormatName} from '../formatters/index.js'
import {parseShard, type Shard} from '../files/shard.js'

/** A usage error: printed as one line, exit code 2. */
export class UsageError extends Error {}

/** Parsed command-line options. */
export interface CliOptions {
  /** Files, directories, globs; `-` for stdin. */
  patterns: string[]
  /** Output format (default `stylish`). */
  format: FormatName
  /** Write the report to this file instead of stdout. */
  outputFile: string | undefined
  /** Report errors only. */
  quiet: boolean
  /** Exit 1 when warnings exceed this number (default: no limit). */
  maxWarnings: number | undefined
  /** `--rule id:severity` arguments, unparsed. */
  rules: string[]
  /** `--config FILE`. */
  config: string | undefined
  /** `--no-config`. */
  noConfig: boolean
  /** `--print-config FILE`. */
  printConfig: string | undefined
  /** `--list-rules`. */
  listRules: boolean
  /** `--version`. */
  version: boolean
  /** `--help`. */
  help: boolean
  /** `--language en|zh`. */
  language: 'en' | 'zh' | undefined
  /** `--preset NAME` (default `recommended`). */
  preset: PresetName
  /** `--stdin-filename NAME`. */
  stdinFilename: string | undefined
  /** Colour: forced on or off, or undefined to follow the terminal. */
  color: boolean | undefined
  /** `--fix` / `--fix-unsafe`: which fixes to apply, or false. */
  fix: 'safe' | 'unsafe' | false
  /** `--fix-dry-run`: print diffs, write nothing. */
  fixDryRun: boolean
  /** `--max-file-size`: largest file linted, in bytes (undefined: the default, 20 MB). */
  maxFileSize: number | undefined
  /** `--lsp`: run the language server on stdin and stdout. */
  lsp: boolean
  /** `--init`: write a starter `.bilintrc.json` in the working directory. */
  init: boolean
  /** `--cache`. */
  cache: boolean
  /** `--cache-location FILE`. */
  cacheLocation: string | undefined
  /** `--shard i/n`. */
  shard: Shard | undefined
  /** `--threads N`, or `'auto'` (the default: one per core, as many as the files are worth). */
  threads: number | 'auto'
}

/**
 * Parses a size such as `20MB`, `512KB`, `1.5 MB` or `1000000` into bytes (1 MB = 1,000,000 bytes).
 * @param text The size as written.
 * @throws {UsageError} When it is not a size.
 */
export function parseSize(text: string): number {
  const match = /^(\d{1,12}(?:\.\d{1,6})?)\s?(b|kb|mb|gb)?$/i.exec(text.trim())
  if (!match) throw new UsageError(`--max-file-size takes a size such as 20MB, 500KB or 1000000, not \`${text}\``)
  const factor = {b: 1, kb: 1e3, mb: 1e6, gb: 1e9}[(match[2] ?? 'b').toLowerCase() as 'b' | 'kb' | 'mb' | 'gb']
  return Math.round(Number(match[1]) * factor)
}

/** Parses `--shard i/n`, or undefined when absent. */
function parseShardOption(text: string | undefined): Shard | undefined {
  if (text === undefined) return undefined
  const shard = parseShard(text)
  if (!shard) throw new UsageError(`--shard takes I/N with 1 ≤ I ≤ N, such as 2/4, not \`${text}\``)
  return shard
}

/** The help text. */
export const helpText = `Usage: bilint [options] [file|dir|glob ...]
       bilint [options] - --stdin-filename NAME

Lints translated Chinese/English documents (.md, .markdown, .txt).

Output:
  -f, --format NAME         stylish (default), json, sarif, github, unix, checkstyle, junit, html
  -o, --output-file FILE    write the report to FILE
      --quiet               report errors only
      --max-warnings N      exit 1 when there are more than N warnings
      --color, --no-color   force colour on or off (default: on a terminal only)

Fixing:
      --fix                 apply safe fixes and write the files (stdin: print the fixed text)
      --fix-unsafe          apply unsafe fixes too
      --fix-dry-run         print the fixes as a unified diff and write nothing

Rules and configuration:
  -c, --config FILE         use this configuration file for every file
      --no-config           ignore configuration files
      --preset NAME         recommended (default), zh-typography, strict
      --rule ID:SEVERITY    set a rule to off, warn or error (repeatable)
      --language en|zh      force the document language
      --print-config FILE   print the configuration that applies to FILE
      --list-rules          list the rules with their presets and severities

Input:
      --stdin-filename NAME name (and format) of the text read from stdin with -
      --max-file-size SIZE  refuse files larger than SIZE (default 20MB)
      --cache               reuse results of unchanged files (.bilintcache)
      --cache-location FILE where the cache lives
      --shard I/N           lint only shard I of N (deterministic split by path)
      --threads N|auto      threads to lint on, this one included (default auto: one per core, as many as the files are worth)

Editors:
      --lsp                 run the language server on stdin/stdout (--stdio is accepted)
      --init                write a starter .bilintrc.json for the documents in this folder

  -v, --version             print the version
  -h, --help                print this help

Exit codes: 0 no errors, 1 lint errors (or too many warnings), 2 usage, configuration or file errors.`

/**
 * Parses command-line arguments.
 * @param args `process.argv.slice(2)`.
 * @throws {UsageError} For unknown options and bad values.
 */
export function parseCliOptions(args: string[]): CliOptions {
  let parsed
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        format: {type: 'string', short: 'f'},
        'output-file': {type: 'string', short: 'o'},
        quiet: {type: 'boolean'},
        'max-warnings': {type: 'string'},
        rule: {type: 'string', multiple: true},
        config: {type: 'string', short: 'c'},
        'no-config': {type: 'boolean'},
        'print-config': {type: 'string'},
        'list-rules': {type: 'boolean'},
        version: {type: 'boolean', short: 'v'},
        help: {type: 'boolean', short: 'h'},
        language: {type: 'string'},
        preset: {type: 'string'},
        'stdin-filename': {type: 'string'},
        color: {type: 'boolean'},
        'no-color': {type: 'boolean'},
        fix: {type: 'boolean'},
        'fix-unsafe': {type: 'boolean'},
        'fix-dry-run': {type: 'boolean'},
        'max-file-size': {type: 'string'},
        lsp: {type: 'boolean'},
        stdio: {type: 'boolean'},
        init: {type: 'boolean'},
        cache: {type: 'boolean'},
        'cache-location': {type: 'string'},
        shard: {type: 'string'},
        threads: {type: 'string'},
      },
    })
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]!)
  }
  const values = parsed.values
  const format = values.format ?? 'stylish'
  if (!isFormatName(format)) throw new UsageError(`unknown format \`${format}\` (expected stylish, json, sarif, github, unix, checkstyle, junit or html)`)
  const preset = values.preset ?? 'recommended'
  if (!isPresetName(preset)) throw new UsageError(`unknown preset \`${preset}\` (expected recommended, zh-typography or strict)`)
  const language = values.language
  if (language !== undefined && language !== 'en' && language !== 'zh') throw new UsageError(`--language must be en or zh, not \`${language}\``)
  let maxWarnings: number | undefined
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings'])
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError('--max-warnings takes a whole number ≥ 0')
  }
  if (values.config && values['no-config']) throw new UsageError('--config and --no-config cannot be used together')
  if (values.lsp && values.init) throw new UsageError('--lsp and --init cannot be used together')
  if ((values.lsp || values.init) && parsed.positionals.length > 0) throw new UsageError(`--${values.lsp ? 'lsp' : 'init'} takes no files`)
  if (values.stdio && !values.lsp) throw new UsageError('--stdio is only for --lsp')
  return {
    patterns: parsed.positionals,
    format,
    outputFile: values['output-file'],
    quiet: values.quiet ?? false,
    maxWarnings,
    rules: values.rule ?? [],
    config: values.config,
    noConfig: values['no-config'] ?? false,
    printConfig: values['print-config'],
    listRules: values['list-rules'] ?? false,
    version: values.version ?? false,
    help: values.help ?? false,
    language,
    preset,
    stdinFilename: values['stdin-filename'],
    color: values['no-color'] ? false : values.color,
    fix: values['fix-unsafe'] ? 'unsafe' : values.fix || values['fix-dry-run'] ? 'safe' : false,
    fixDryRun: values['fix-dry-run'] ?? false,
    maxFileSize: values['max-file-size'] === undefined ? undefined : parseSize(values['max-file-size']),
    lsp: values.lsp ?? false,
    init: values.init ?? false,
    cache: values.cache ?? false,
    cacheLocation: values['cache-location'],
    shard: parseShardOption(values.shard),
    threads: parseThreads(values.threads),
  }
}

/** Parses `--threads N` or `--threads auto`; `'auto'` when absent. */
function parseThreads(text: string | undefined): number | 'auto' {
  if (text === undefined || text === 'auto') return 'auto'
  const threads = Number(text)
  if (!Number.isInteger(threads) || threads < 1 || threads > 256) throw new UsageError(`--threads takes a whole number from 1 to 256 or \`auto\`, not \`${text}\``)
  return threads
}
