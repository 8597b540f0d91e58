/**
 * `bilint --lsp`: the language server, speaking LSP over stdin and stdout.
 * Loaded only when `--lsp` is given.
 */
import {format} from 'node:util'
import {createConnection, ProposedFeatures, type Connection} from 'vscode-languageserver/node.js'
import type {CliIo} from '../cli/run.js'
import {LanguageServerSession} from './session.js'

/**
 * Starts the language server on the CLI's standard streams.
 *
 * stdout carries the protocol, so everything that would print to the
 * console goes to the client's log instead, and uncaught errors are logged
 * rather than ending the server. The server process ends on the client's
 * `exit` notification (status 0 after `shutdown`, else 1) or when stdin closes.
 *
 * @param io The CLI's streams (stdin and stdout carry the protocol).
 * @returns 0, when the client has sent `exit`.
 */
export function startLanguageServer(io: CliIo): Promise<number> {
  const connection = createConnection(ProposedFeatures.all, io.stdin, io.stdoutStream)
  routeConsoleToClient(connection)
  process.on('uncaughtException', (error) => connection.console.error(`bilint: uncaught error: ${error.stack ?? error.message}`))
  process.on('unhandledRejection', (reason) => connection.console.error(`bilint: unhandled rejection: ${format(reason)}`))
  const exited = new Promise<number>((resolve) => connection.onExit(() => resolve(0)))
  new LanguageServerSession(connection).listen()
  return exited
}

/** Sends `console.*` output to the client's log: a stray `console.log` on stdout would corrupt the protocol. */
function routeConsoleToClient(connection: Connection): void {
  const toClient = (log: (message: string) => void) => (...args: unknown[]) => log(format(...args))
  console.log = toClient((message) => connection.console.log(message))
  console.info = toClient((message) => connection.console.info(message))
  console.debug = toClient((message) => connection.console.log(message))
  console.warn = toClient((message) => connection.console.warn(message))
  console.error = toClient((message) => connection.console.error(message))
}
