/**
 * Installs the peers into `bench/peers/node_modules` when that folder is
 * missing (`npm install --prefix bench/peers`, which follows the committed
 * lockfile), and measures what each peer costs on disk.
 *
 * A peer's size is the sum of the files of its package and of every package
 * it needs (its dependency closure in the lockfile, as installed here: other
 * platforms' optional binaries are not counted), so packages shared by two
 * peers count in both, as they would when a user installs one peer alone.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import {readdir, stat} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {elapsedMs} from '../stats.mjs'

const peersDir = path.dirname(fileURLToPath(import.meta.url))
const modulesDir = path.join(peersDir, 'node_modules')

/**
 * The root packages that make up each peer (textlint is useless without its rules).
 * @type {Record<string, string[]>}
 */
export const peerPackages = {
  zhlint: ['zhlint'],
  textlint: ['textlint', 'textlint-rule-ja-space-between-half-and-full-width', 'textlint-rule-zh-half-and-full-width-bracket'],
  markdownlint: ['markdownlint-cli2'],
  'lint-md': ['@lint-md/cli'],
  autocorrect: ['autocorrect-node'],
}

/**
 * @typedef {object} InstallRecord
 * @property {boolean} installedNow Whether this run installed the peers.
 * @property {number | null} ms How long `npm install` took, when it ran.
 * @property {string | null} error Why the install failed.
 * @property {number} totalMB Size of `bench/peers/node_modules`.
 * @property {number} packages Packages installed.
 * @property {Record<string, {MB: number, packages: number}>} peers Per peer, its dependency closure.
 */

/**
 * Installs the peers if needed and measures them.
 * @param {{log: (line: string) => void}} options
 * @returns {Promise<InstallRecord>}
 */
export async function ensurePeers({log}) {
  let installedNow = false
  /** @type {number | null} */
  let ms = null
  /** @type {string | null} */
  let error = null
  if (!existsSync(modulesDir)) {
    log('installing the peers (npm install --prefix bench/peers)…')
    const start = process.hrtime.bigint()
    try {
      execFileSync('npm', ['install', '--prefix', peersDir, '--no-audit', '--no-fund'], {stdio: ['ignore', 'ignore', 'inherit']})
      installedNow = true
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure)
      log(`npm install failed: ${error}`)
    }
    ms = elapsedMs(start, process.hrtime.bigint())
  }
  return {installedNow, ms, error, ...(await measureSizes())}
}

/**
 * Sizes from the lockfile and the files on disk.
 * @returns {Promise<Pick<InstallRecord, 'totalMB' | 'packages' | 'peers'>>}
 */
async function measureSizes() {
  const lockPath = path.join(peersDir, 'package-lock.json')
  if (!existsSync(modulesDir) || !existsSync(lockPath)) return {totalMB: 0, packages: 0, peers: {}}
  /** @type {Record<string, {dependencies?: Record<string, string>, optionalDependencies?: Record<string, string>, peerDependencies?: Record<string, string>}>} */
  const locked = JSON.parse(readFileSync(lockPath, 'utf8')).packages
  /** @type {Map<string, number>} */
  const sizes = new Map()
  const sizeOf = async (/** @type {string} */ key) => {
    if (!sizes.has(key)) sizes.set(key, await packageBytes(path.join(peersDir, key)))
    return /** @type {number} */ (sizes.get(key))
  }
  /** @type {Record<string, {MB: number, packages: number}>} */
  const peers = {}
  for (const [peer, roots] of Object.entries(peerPackages)) {
    const closure = dependencyClosure(locked, roots.map((name) => `node_modules/${name}`))
    let bytes = 0
    let packages = 0
    for (const key of closure) {
      if (!existsSync(path.join(peersDir, key))) continue
      bytes += await sizeOf(key)
      packages++
    }
    peers[peer] = {MB: bytes / 1e6, packages}
  }
  let total = 0
  let packages = 0
  for (const key of Object.keys(locked)) {
    if (key === '' || !existsSync(path.join(peersDir, key))) continue
    total += await sizeOf(key)
    packages++
  }
  return {totalMB: total / 1e6, packages, peers}
}

/**
 * Every lockfile entry reachable from some root entries, resolving each
 * dependency the way Node does: the nearest `node_modules/NAME` up the tree.
 * @param {Record<string, {dependencies?: Record<string, string>, optionalDependencies?: Record<string, string>, peerDependencies?: Record<string, string>}>} locked
 * @param {string[]} roots Lockfile keys (`node_modules/NAME`).
 * @returns {Set<string>}
 */
export function dependencyClosure(locked, roots) {
  const seen = new Set()
  const queue = [...roots]
  while (queue.length > 0) {
    const key = /** @type {string} */ (queue.pop())
    if (seen.has(key) || !(key in locked)) continue
    seen.add(key)
    const entry = locked[key]
    const names = Object.keys({...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies})
    for (const name of names) {
      const resolved = resolveFrom(locked, key, name)
      if (resolved) queue.push(resolved)
    }
  }
  return seen
}

/**
 * @param {Record<string, unknown>} locked
 * @param {string} from Lockfile key of the dependent package.
 * @param {string} name
 * @returns {string | null}
 */
function resolveFrom(locked, from, name) {
  let base = from
  for (;;) {
    const candidate = `${base}/node_modules/${name}`
    if (candidate in locked) return candidate
    const index = base.lastIndexOf('/node_modules/')
    if (index === -1) break
    base = base.slice(0, index)
  }
  const top = `node_modules/${name}`
  return top in locked ? top : null
}

/**
 * Bytes of a package's files, without the packages nested in its own `node_modules`.
 * @param {string} dir
 * @returns {Promise<number>}
 */
async function packageBytes(dir) {
  let total = 0
  for (const entry of await readdir(dir, {withFileTypes: true})) {
    if (entry.name === 'node_modules') continue
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) total += await packageBytes(full)
    else if (entry.isFile()) total += (await stat(full)).size
  }
  return total
}
