/**
 * The `bilint` command's program: runs the command line of this process.
 * `src/cli.ts` starts it from the bundle (`dist/src/bundle/cli.cjs`).
 */
import {standardOutput} from './output.js'
import {runCli} from './run.js'

// A reader that stops early (`bilint … | head`) closes the pipe: stop quietly.
const stopQuietly = (): never => process.exit(process.exitCode ?? 0)

// No top-level await: the bundle is a CommonJS script.
void runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: standardOutput(1, () => process.stdout, stopQuietly),
  stderr: standardOutput(2, () => process.stderr, stopQuietly),
  // Made on first use: creating stdin's stream loads much of Node's stream and file code, which a run over files never needs.
  get stdin() {
    return process.stdin
  },
  get stdoutStream() {
    return process.stdout
  },
}).then((code) => {
  process.exitCode = code
})
