/**
 * Runs the command line: parses options, answers `--help` and `--version`
 * without loading the engine, and hands everything else to the lint command.
 * Every failure becomes one line on stderr and exit code 2, never a stack trace.
 */
import type {Readable, Writable} from 'node:stream'
import {ConfigError} from '../config/errors.js'
import {bilintVersion} from '../version.js'
import type {CliOutput} from './output.js'
import {helpText, parseCliOptions, UsageError} from './options.js'

/** Where the CLI reads and writes. */
export interface CliIo {
  /** Working directory. */
  cwd: string
  /** Standard output: reports, help, fixed text. */
  stdout: CliOutput
  /** Standard error: one-line errors. */
  stderr: CliOutput
  /** Standard input, read for `-` and by the language server. */
  readonly stdin: Readable
  /** Standard output as a stream, for the language server's protocol. */
  readonly stdoutStream: Writable
}

/**
 * Runs bilint with command-line arguments.
 * @param args Arguments without the node and script paths.
 * @param io Streams and working directory.
 * @returns The exit code: 0 clean, 1 lint errors, 2 usage/config/IO errors.
 */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  try {
    const options = parseCliOptions(args)
    if (options.help) {
      io.stdout.write(`${helpText}\n`)
      return 0
    }
    if (options.version) {
      io.stdout.write(`${bilintVersion()}\n`)
      return 0
    }
    if (options.lsp) {
      const {startLanguageServer} = await import('../lsp/server.js')
      return await startLanguageServer(io)
    }
    if (options.init) {
      const {runInit} = await import('./init.js')
      return await runInit(io)
    }
    const {runLintCommand} = await import('./lint-command.js')
    return await runLintCommand(options, io)
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr.write(`bilint: ${error.message}${error instanceof UsageError ? ' (see bilint --help)' : ''}\n`)
      return 2
    }
    io.stderr.write(`bilint: internal error: ${error instanceof Error ? error.message : String(error)}\n`)
    return 2
  }
}
