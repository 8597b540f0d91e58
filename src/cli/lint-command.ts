/**
 * The lint command: lints files and stdin, applies fixes, writes the report
 * and picks the exit code. Loaded only when there is linting to do.
 */
// `promises` is read where it is used: the bundled command line loads Node's promise-based file code only for a run that needs it.
import {promises as fs} from 'node:fs'
import {createTwoFilesPatch} from 'diff'
import {lineAlignedDiff} from '../fix/unified-diff.js'
import path from 'node:path'
import {presetNames, presetSettings} from '../config/presets.js'
import {parseCliRule, resolveRuleSettings, type CliRuleOverride} from '../config/resolve.js'
import {ConfigSource} from '../engine/config-source.js'
import {lintFiles, lintText} from '../engine/lint-files.js'
import {loadPiecewiseFormatter} from '../formatters/index.js'
import {isStoredResult} from '../formatters/json-result.js'
import {ruleMetas} from '../rule-metas.js'
import {decodeText, DecodeError} from '../text/decode.js'
import type {LintResult} from '../types.js'
import {bilintVersion} from '../version.js'
import {UsageError, type CliOptions} from './options.js'
import type {CliIo} from './run.js'

/**
 * Runs everything but `--help` and `--version`: lint, fix, report, list rules, print config.
 * @param options Parsed options.
 * @param io Streams and working directory.
 * @returns The exit code.
 */
export async function runLintCommand(options: CliOptions, io: CliIo): Promise<number> {
  if (options.listRules) {
    io.stdout.write(listRules())
    return 0
  }
  const cliRules: CliRuleOverride[] = options.rules.map((text) => parseCliRule(text, ruleMetas))
  if (options.printConfig) return printConfig(options, cliRules, io)
  if (options.patterns.length === 0) throw new UsageError('no files given (pass files, directories or globs; `-` reads stdin)')

  const lintOptions = {
    preset: options.preset,
    rules: cliRules,
    language: options.language,
    // SARIF turns fix offsets into regions, and the HTML report shows the text: both need it.
    keepSource: options.format === 'sarif' || options.format === 'html',
    fix: options.fix,
  }
  const results: LintResult[] = []
  const filePatterns = options.patterns.filter((pattern) => pattern !== '-')
  if (filePatterns.length < options.patterns.length) results.push(await lintStdin(options, lintOptions, io))
  if (filePatterns.length > 0) {
    results.push(
      ...(await lintFiles(filePatterns, {
        ...lintOptions,
        cwd: io.cwd,
        configFile: options.config,
        useConfigFiles: !options.noConfig,
        fixDryRun: options.fixDryRun,
        maxFileSize: options.maxFileSize,
        cache: options.cache,
        cacheLocation: options.cacheLocation,
        shard: options.shard,
        threads: options.threads,
      })),
    )
  }
  if (options.fixDryRun) io.stdout.write(await fixDiffs(results, io.cwd))
  // `--fix` on stdin prints the fixed text on stdout; the report goes to stderr.
  const stdinFixed = options.fix && !options.fixDryRun && filePatterns.length < options.patterns.length
  const reportStream = stdinFixed ? io.stderr : io.stdout

  let fatal = false
  for (const result of results) {
    // A result from the cache holds neither (the cache keeps no such result): its messages stay unread.
    if (isStoredResult(result)) continue
    for (const message of result.messages) {
      if (message.fatal || message.ruleId === 'internal-error') {
        fatal = true
        if (message.fatal) io.stderr.write(`bilint: ${displayPath(result.filePath, io.cwd)}: ${message.message}\n`)
      }
    }
  }
  const reported = options.quiet ? results.map(errorsOnly) : results
  const formatter = await loadPiecewiseFormatter(options.format)
  const pieces = formatter(reported, {
    cwd: io.cwd,
    color: options.color ?? (io.stdout.isTTY === true && !process.env.NO_COLOR),
    rulesMeta: Object.fromEntries(ruleMetas.map((meta) => [meta.id, meta])),
    version: bilintVersion(),
  })
  if (options.outputFile) {
    try {
      await fs.writeFile(path.resolve(io.cwd, options.outputFile), [...pieces].join(''))
    } catch (error) {
      io.stderr.write(`bilint: ${options.outputFile}: cannot write the report (${(error as NodeJS.ErrnoException).code ?? 'error'})\n`)
      return 2
    }
  } else {
    // Piece by piece, waiting while a pipe's reader catches up: a large report is never held whole.
    for (const piece of pieces) if (!reportStream.write(piece)) await new Promise<void>((resolve) => reportStream.once('drain', () => resolve()))
  }
  if (fatal) return 2
  const errors = results.reduce((sum, result) => sum + result.errorCount, 0)
  const warnings = results.reduce((sum, result) => sum + result.warningCount, 0)
  if (errors > 0) return 1
  if (!options.quiet && options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr.write(`bilint: too many warnings (${warnings}; at most ${options.maxWarnings} allowed)\n`)
    return 1
  }
  return 0
}

/** Lints standard input under `--stdin-filename`. */
async function lintStdin(
  options: CliOptions,
  lintOptions: {preset: CliOptions['preset']; rules: CliRuleOverride[]; language: CliOptions['language']; keepSource: boolean; fix: CliOptions['fix']},
  io: CliIo,
): Promise<LintResult> {
  const name = options.stdinFilename ?? '<stdin>'
  const chunks: Buffer[] = []
  for await (const chunk of io.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)))
  let text: string
  try {
    text = decodeText(Buffer.concat(chunks)).text
  } catch (error) {
    if (error instanceof DecodeError) {
      return {filePath: name, messages: [{ruleId: null, severity: 2, fatal: true, message: `Cannot lint: ${error.message}`, line: 1, column: 1, endLine: 1, endColumn: 1}], errorCount: 1, warningCount: 0, fatalErrorCount: 1, fixableErrorCount: 0, fixableWarningCount: 0}
    }
    throw error
  }
  const configs = new ConfigSource(io.cwd, {configFile: options.config, useConfigFiles: !options.noConfig})
  const {config, words} = await configs.forFile(path.resolve(io.cwd, name))
  const result = await lintText(text, {...lintOptions, filePath: name, config, projectWords: words})
  if (options.fix && !options.fixDryRun) io.stdout.write(result.output ?? text)
  if (options.fixDryRun && result.output !== undefined) io.stdout.write(unifiedDiff(name, text, result.output))
  return result
}

/** Unified diffs of the fixes `--fix-dry-run` found in files on disk. */
async function fixDiffs(results: readonly LintResult[], cwd: string): Promise<string> {
  let diffs = ''
  for (const result of results) {
    if (result.output === undefined || !path.isAbsolute(result.filePath)) continue
    const original = decodeText(await fs.readFile(result.filePath)).text
    diffs += unifiedDiff(displayPath(result.filePath, cwd), original, result.output)
  }
  return diffs
}

/** A unified diff between a file's text and its fixed text (linear when the line count is kept, as fixes do). */
function unifiedDiff(name: string, before: string, after: string): string {
  const [oldName, newName] = path.isAbsolute(name) ? [name, name] : [`a/${name}`, `b/${name}`]
  return (
    lineAlignedDiff(oldName, newName, before, after) ??
    createTwoFilesPatch(oldName, newName, before, after, undefined, undefined, {context: 3}).replace(/^(?:Index: [^\n]*\n)?=+\n/, '')
  )
}

/** A result with its warnings removed (`--quiet`). */
function errorsOnly(result: LintResult): LintResult {
  const messages = result.messages.filter((message) => message.severity === 2)
  return {...result, messages, warningCount: 0, fixableWarningCount: 0}
}

/** Prints the configuration that applies to one file (`--print-config`). */
async function printConfig(options: CliOptions, cliRules: CliRuleOverride[], io: CliIo): Promise<number> {
  const filePath = path.resolve(io.cwd, options.printConfig!)
  const configs = new ConfigSource(io.cwd, {configFile: options.config, useConfigFiles: !options.noConfig})
  const {config, configPath} = await configs.forFile(filePath)
  const settings = resolveRuleSettings(options.preset, config, cliRules, ruleMetas)
  const rules = Object.fromEntries(
    [...settings].map(([id, setting]) => [id, [setting.severity === 2 ? 'error' : 'warn', setting.options]]),
  )
  const printed = {
    configFile: configPath,
    preset: options.preset,
    language: options.language ?? config?.language ?? 'auto',
    rules,
    ignorePatterns: config?.ignorePatterns ?? [],
    words: config?.words ?? [],
  }
  io.stdout.write(`${JSON.stringify(printed, null, 2)}\n`)
  return 0
}

/** The `--list-rules` table. */
function listRules(): string {
  const rows = [['rule', 'severity', 'presets', 'fix', 'description']]
  for (const meta of ruleMetas) {
    const presets = presetNames.filter((preset) => presetSettings(preset, ruleMetas).has(meta.id))
    rows.push([meta.id, meta.defaultSeverity, presets.join(', '), meta.fixable, meta.description])
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ')).join('\n') + '\n'
}

/** A path as printed in one-line errors: relative to the working directory when inside it. */
function displayPath(filePath: string, cwd: string): string {
  if (!path.isAbsolute(filePath)) return filePath
  const relative = path.relative(cwd, filePath)
  return relative.startsWith('..') ? filePath : relative
}
