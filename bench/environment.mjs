/**
 * What a benchmark ran on: bilint's version and revision, the machine, and
 * the load around the run. Shared by `npm run bench` and `npm run bench:peers`.
 */
import {execFileSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {MB} from './corpus.mjs'

/**
 * The git revision of a checkout, `+dirty` when tracked files changed.
 * @param root The checkout.
 * @returns {string}
 */
export function gitRevision(root) {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {cwd: root, encoding: 'utf8'}).trim()
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {cwd: root, encoding: 'utf8'}).trim()
    return dirty ? `${head}+dirty` : head
  } catch {
    return 'unknown'
  }
}

/**
 * The header fields of a results file.
 * @param {string} root The checkout.
 * @param {number} loadAtStart One-minute load average when the run started.
 * @param {Record<string, unknown>} [extra] More environment fields.
 */
export function runHeader(root, loadAtStart, extra = {}) {
  return {
    date: new Date().toISOString(),
    bilintVersion: JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version,
    revision: gitRevision(root),
    environment: {
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      cpu: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
      cores: os.availableParallelism(),
      memoryMB: Math.round(os.totalmem() / MB),
      ...extra,
      /** One-minute load average at the start and end: other work on the machine skews the figures. */
      loadAverage: {start: loadAtStart, end: os.loadavg()[0]},
    },
  }
}
