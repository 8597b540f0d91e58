/**
 * Runs one whole process under a time limit and times it from before `spawn`
 * until it has exited. A process still
 * running at the limit is killed with its whole process group (worker
 * processes too) and reported as timed out, not waited for.
 *
 * `bench/spawn.mjs` has no time limit, hence this module; the clock is the
 * same (`process.hrtime` through `elapsedMs`).
 *
 * The process writes its stdout and stderr to files, not pipes, as with
 * `tool > report.txt 2>&1`: a CLI that calls `process.exit()` right after
 * printing loses whatever Node had not yet flushed to a pipe (zhlint 0.8.2
 * does: its report is cut short), and a file also costs every tool the same.
 *
 * Where `/usr/bin/time` (GNU time) exists the command runs under it, which
 * adds the process's CPU time (user + system, all threads) and peak RSS to
 * the wall time: several peers use every core, so their wall time alone
 * hides the work done.
 */
import {spawn} from 'node:child_process'
import {existsSync} from 'node:fs'
import {mkdtemp, open, readFile, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {elapsedMs} from '../stats.mjs'

const gnuTime = '/usr/bin/time'

/** Output read back per stream; beyond it bytes are only counted. */
const keepBytes = 64 * 1024 * 1024

/**
 * @typedef {object} LimitedResult
 * @property {number} ms Wall time of the whole process (up to the kill when it timed out).
 * @property {number | null} code Exit code (null when killed by a signal).
 * @property {string | null} signal
 * @property {boolean} timedOut
 * @property {string} stdout Kept output (see `keepBytes`).
 * @property {string} stderr
 * @property {number} stdoutBytes All bytes written to stdout.
 * @property {number} stderrBytes
 * @property {number | null} cpuS User + system CPU seconds (GNU time only).
 * @property {number | null} rssMB Peak resident set size in MB of 1,000,000 bytes (GNU time only).
 * @property {string | null} spawnError Why the process could not start.
 */

/** Whether CPU time and peak RSS can be read. */
export const hasGnuTime = existsSync(gnuTime)

/**
 * @param {string} command Executable.
 * @param {readonly string[]} args
 * @param {{cwd: string, limitMs: number}} options
 * @returns {Promise<LimitedResult>}
 */
export async function limitedSpawn(command, args, {cwd, limitMs}) {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'bilint-peers-'))
  const timeFile = hasGnuTime ? path.join(tmp, 'time.txt') : null
  const [file, argv] = timeFile ? [gnuTime, ['-f', '%U %S %M', '-o', timeFile, command, ...args]] : [command, args]
  try {
    const out = await open(path.join(tmp, 'stdout'), 'w')
    const err = await open(path.join(tmp, 'stderr'), 'w')
    /** @type {Awaited<ReturnType<typeof run>>} */
    let result
    try {
      result = await run(file, argv, cwd, limitMs, out.fd, err.fd)
    } finally {
      await out.close()
      await err.close()
    }
    const stdout = await readKept(path.join(tmp, 'stdout'))
    const stderr = await readKept(path.join(tmp, 'stderr'))
    const usage = timeFile && !result.timedOut ? await readUsage(timeFile) : null
    return {
      ...result,
      stdout: stdout.text,
      stderr: stderr.text,
      stdoutBytes: stdout.bytes,
      stderrBytes: stderr.bytes,
      cpuS: usage?.cpuS ?? null,
      rssMB: usage?.rssMB ?? null,
    }
  } finally {
    await rm(tmp, {recursive: true, force: true})
  }
}

/**
 * @param {string} file
 * @param {readonly string[]} argv
 * @param {string} cwd
 * @param {number} limitMs
 * @param {number} stdoutFd
 * @param {number} stderrFd
 * @returns {Promise<Pick<LimitedResult, 'ms' | 'code' | 'signal' | 'timedOut' | 'spawnError'>>}
 */
function run(file, argv, cwd, limitMs, stdoutFd, stderrFd) {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint()
    const child = spawn(file, argv, {
      cwd,
      stdio: ['ignore', stdoutFd, stderrFd],
      detached: true,
      env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0'},
    })
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      killGroup(child.pid)
    }, limitMs)
    child.on('error', (error) => {
      // The process never started ('close' may not follow).
      clearTimeout(timer)
      resolve({ms: elapsedMs(start, process.hrtime.bigint()), code: null, signal: null, timedOut: false, spawnError: error.message})
    })
    child.on('close', (code, signal) => {
      const ms = elapsedMs(start, process.hrtime.bigint())
      clearTimeout(timer)
      // A worker left behind by a process that exited on its own.
      if (!timedOut) killGroup(child.pid)
      resolve({ms, code, signal, timedOut, spawnError: null})
    })
  })
}

/**
 * Kills a process group (the child was spawned detached, so it leads one).
 * @param {number | undefined} pid
 */
function killGroup(pid) {
  if (pid === undefined) return
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    // Already gone.
  }
}

/**
 * Reads back up to `keepBytes` of an output file.
 * @param {string} file
 * @returns {Promise<{text: string, bytes: number}>}
 */
async function readKept(file) {
  const handle = await open(file, 'r')
  try {
    const {size} = await handle.stat()
    const buffer = Buffer.alloc(Math.min(size, keepBytes))
    await handle.read(buffer, 0, buffer.length, 0)
    return {text: buffer.toString('utf8'), bytes: size}
  } finally {
    await handle.close()
  }
}

/**
 * Reads GNU time's `%U %S %M` line (the last line: a command killed by a
 * signal gets a "Command terminated" line before it).
 * @param {string} file
 * @returns {Promise<{cpuS: number, rssMB: number} | null>}
 */
async function readUsage(file) {
  try {
    const lines = (await readFile(file, 'utf8')).trim().split('\n')
    const [user, system, rssKB] = lines[lines.length - 1].split(' ').map(Number)
    if (![user, system, rssKB].every(Number.isFinite)) return null
    return {cpuS: user + system, rssMB: (rssKB * 1024) / 1e6}
  } catch {
    return null
  }
}
