/**
 * The `bilint` command's program: runs the command line of this process.
 * `src/cli.ts` starts it from the bundle (`dist/src/bundle/cli.cjs`).
 */
import {runCli} from './run.js'

// A reader that stops early (`bilint … | head`) closes the pipe: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw error
  })
}

// No top-level await: the bundle is a CommonJS script.
void runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  // Made on first use: creating stdin's stream loads much of Node's stream and file code, which a run over files never needs.
  get stdin() {
    return process.stdin
  },
}).then((code) => {
  process.exitCode = code
})
