/**
 * Runs one of the command line's CommonJS bundles (`dist/src/bundle/cli.cjs`,
 * `dist/src/bundle/worker.cjs`) with a V8 code cache.
 *
 * Compiling bilint's code is most of what a short run costs on top of
 * Node's own start: the functions a run calls are parsed and compiled to
 * bytecode on first call, in every process and every worker thread. After a
 * run that lints a file, the bytecode compiled so far is written to a code
 * cache; the next run reads it instead of compiling (`node:vm`'s
 * `cachedData`, the mechanism of Node's own compile cache, which Node 20
 * does not offer for modules).
 *
 * The cache lives where the spelling dictionary's cache does, in the
 * `.cache/bilint` folder of the `node_modules` folder bilint is installed
 * in (`node_modules/.cache/bilint` of a checkout). Its file name holds a
 * hash of the bundle, Node's version and the architecture; V8 rejects a
 * cache made with other flags, and a rejected or missing cache is written
 * anew. A folder that cannot be written only means no cache.
 * `BILINT_NO_CODE_CACHE=1` turns it off.
 */
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {Script} from 'node:vm'
import {saveCodeCacheKey} from './code-cache-key.js'

/** Name of the file, beside the bundles, that maps each bundle's file name to a hash of its content. */
const bundleManifestName = 'manifest.json'

/**
 * The code cache folder for bundles in `bundleFolder`: `.cache/bilint` in the
 * outermost `node_modules` folder of its path (as for the spelling
 * dictionary's cache), or else in the `node_modules` folder of the nearest
 * folder above it that has one; null when there is none.
 * @param bundleFolder Absolute path of the folder holding the bundles.
 */
export function codeCacheFolder(bundleFolder: string): string | null {
  const marker = `${path.sep}node_modules${path.sep}`
  const at = bundleFolder.indexOf(marker)
  if (at !== -1) return path.join(bundleFolder.slice(0, at + marker.length - 1), '.cache', 'bilint')
  for (let folder = bundleFolder; ; ) {
    if (existsSync(path.join(folder, 'node_modules'))) return path.join(folder, 'node_modules', '.cache', 'bilint')
    const parent = path.dirname(folder)
    if (parent === folder) return null
    folder = parent
  }
}

/** The hash the build recorded for a bundle, or null without a manifest entry. */
function bundleHash(bundleFile: string): string | null {
  try {
    const manifest = JSON.parse(readFileSync(path.join(path.dirname(bundleFile), bundleManifestName), 'utf8')) as Record<string, unknown>
    const hash = manifest[path.basename(bundleFile)]
    return typeof hash === 'string' && /^[0-9a-f]+$/.test(hash) ? hash : null
  } catch {
    return null
  }
}

/**
 * The code cache file for a bundle, or null when there is no place for one
 * or caching is off.
 * @param bundleFile Absolute path of the bundle.
 */
export function codeCacheFile(bundleFile: string): string | null {
  if (process.env.BILINT_NO_CODE_CACHE === '1') return null
  const hash = bundleHash(bundleFile)
  const folder = hash === null ? null : codeCacheFolder(path.dirname(bundleFile))
  if (folder === null) return null
  const name = path.basename(bundleFile, '.cjs')
  return path.join(folder, `code-${name}-${hash}-${process.version}-${process.arch}.bin`)
}

/** Reads a cache file; undefined when it is missing or unreadable. */
function readCache(file: string | null): Buffer | undefined {
  if (file === null) return undefined
  try {
    return readFileSync(file)
  } catch {
    return undefined
  }
}

/**
 * The other code cache files of the same bundle name, Node version and
 * architecture in a cache file's folder: caches of earlier builds.
 * @param file A cache file named by {@link codeCacheFile}.
 */
export function staleCodeCaches(file: string): string[] {
  const name = path.basename(file)
  const parts = /^(code-\w+-)[0-9a-f]+(-.+)$/.exec(name)
  if (!parts) return []
  const [, prefix, suffix] = parts as unknown as [string, string, string]
  const folder = path.dirname(file)
  return readdirSync(folder)
    .filter((other) => other !== name && other.startsWith(prefix) && other.endsWith(suffix) && /^[0-9a-f]+$/.test(other.slice(prefix.length, -suffix.length)))
    .map((other) => path.join(folder, other))
}

/**
 * Writes `data` to `file` through a temporary file renamed into place, so
 * that a concurrent run reads either no cache or a whole one, then removes
 * the caches of earlier builds. Failing is silent: the cache is an
 * optimisation.
 */
function writeCache(file: string, data: Buffer): void {
  // A random part, not the thread id: loading node:worker_threads costs more than this.
  const temporary = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`
  try {
    mkdirSync(path.dirname(file), {recursive: true})
    writeFileSync(temporary, data)
    renameSync(temporary, file)
    for (const stale of staleCodeCaches(file)) rmSync(stale, {force: true})
  } catch {
    try {
      rmSync(temporary, {force: true})
    } catch {
      // Nothing was written there.
    }
  }
}

/**
 * Compiles and runs a CommonJS bundle, from its code cache when one fits,
 * and leaves a function under {@link saveCodeCacheKey} that writes the cache
 * once when there was none or V8 rejected it.
 * @param bundleUrl URL of the bundle (a `.cjs` file).
 * @returns False, having run nothing, when the bundle cannot be read (a build without bundles).
 */
export function runBundle(bundleUrl: URL): boolean {
  const bundleFile = fileURLToPath(bundleUrl)
  let source: string
  try {
    source = readFileSync(bundleFile, 'utf8')
  } catch {
    return false
  }
  // A hashbang is only valid at the very start of a script: keep the line, as a comment.
  if (source.startsWith('#!')) source = `//${source.slice(2)}`
  const cacheFile = codeCacheFile(bundleFile)
  const cachedData = readCache(cacheFile)
  // The wrapper opens on the bundle's first line, so line numbers in stack traces stay the bundle's.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {filename: bundleFile, cachedData})
  if (cacheFile !== null && (cachedData === undefined || script.cachedDataRejected)) {
    const hooks = globalThis as Record<symbol, unknown>
    hooks[saveCodeCacheKey] = () => {
      delete hooks[saveCodeCacheKey]
      writeCache(cacheFile, script.createCachedData())
    }
  }
  const module = {exports: {}}
  const run = script.runInThisContext() as (...parameters: unknown[]) => void
  run.call(module.exports, module.exports, createRequire(bundleFile), module, bundleFile, path.dirname(bundleFile))
  return true
}
