#!/usr/bin/env node
/**
 * The `bilint` command.
 */
import {runCli} from './cli/run.js'

process.exitCode = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
})
