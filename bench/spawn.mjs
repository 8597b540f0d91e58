/**
 * Runs a child process and times it as a whole, from before `spawn` until
 * the process has exited and its output streams have closed.
 */
import {spawn} from 'node:child_process'
import {elapsedMs} from './stats.mjs'

/**
 * @typedef {object} SpawnResult
 * @property {number} ms Wall time of the whole process.
 * @property {number | null} code Exit code.
 * @property {string} stdout
 * @property {string} stderr
 */

/**
 * Spawns a command, collects its output and times it with `process.hrtime`.
 * @param {string} command Executable.
 * @param {readonly string[]} args
 * @param {{cwd: string, env?: Record<string, string>}} options (`env` is added to this process's environment)
 * @returns {Promise<SpawnResult>}
 */
export function timedSpawn(command, args, options) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint()
    const child = spawn(command, args, {cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, NO_COLOR: '1', ...options.env}})
    /** @type {Buffer[]} */
    const out = []
    /** @type {Buffer[]} */
    const err = []
    child.stdout.on('data', (chunk) => out.push(chunk))
    child.stderr.on('data', (chunk) => err.push(chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      const ms = elapsedMs(start, process.hrtime.bigint())
      resolve({ms, code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8')})
    })
  })
}

/**
 * Fails with the child's stderr unless it exited with one of the expected codes.
 * @param {SpawnResult} result
 * @param {string} what Description for the error.
 * @param {readonly number[]} [codes] bilint exits 1 when it found errors, which the corpus has on purpose.
 * @returns {SpawnResult}
 */
export function expectExit(result, what, codes = [0, 1]) {
  if (result.code === null || !codes.includes(result.code)) {
    throw new Error(`${what} exited with ${result.code}:\n${result.stderr.slice(0, 2000)}`)
  }
  return result
}
