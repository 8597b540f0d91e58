import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, afterEach, describe, expect, it} from 'vitest'
import {saveCodeCacheKey} from '../../src/launch/code-cache-key.js'
import {codeCacheFile, codeCacheFolder, runBundle, staleCodeCaches} from '../../src/launch/run-bundle.js'

const scratch = mkdtempSync(path.join(os.tmpdir(), 'bilint-run-bundle-'))
afterAll(() => rmSync(scratch, {recursive: true, force: true}))

const hooks = globalThis as Record<symbol, unknown>
afterEach(() => {
  delete hooks[saveCodeCacheKey]
  delete process.env.BILINT_NO_CODE_CACHE
})

/** Lays out an installed package with one bundle that records its runs in `globalThis.bundleRuns`. */
function installedBundle(name: string, hash = 'abc123'): {bundle: string; cacheFolder: string} {
  const folder = path.join(scratch, name, 'node_modules', 'bilint', 'dist', 'src', 'bundle')
  mkdirSync(folder, {recursive: true})
  const bundle = path.join(folder, 'cli.cjs')
  writeFileSync(
    bundle,
    '#!/usr/bin/env node\nconst path = require("node:path")\nglobalThis.bundleRuns = [...(globalThis.bundleRuns ?? []), [path.basename(__filename), typeof module.exports]]\nfunction square(x) { return x * x }\nglobalThis.bundleSquare = square(7)\n',
  )
  writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify({'cli.cjs': hash}))
  return {bundle, cacheFolder: path.join(scratch, name, 'node_modules', '.cache', 'bilint')}
}

describe('codeCacheFolder', () => {
  it('is .cache/bilint of the node_modules folder the bundle is installed in', () => {
    const folder = path.join(scratch, 'app', 'node_modules', 'bilint', 'dist', 'src', 'bundle')
    expect(codeCacheFolder(folder)).toBe(path.join(scratch, 'app', 'node_modules', '.cache', 'bilint'))
  })

  it('is .cache/bilint of the node_modules folder beside a checkout', () => {
    const checkout = path.join(scratch, 'checkout')
    mkdirSync(path.join(checkout, 'node_modules'), {recursive: true})
    mkdirSync(path.join(checkout, 'dist', 'src', 'bundle'), {recursive: true})
    expect(codeCacheFolder(path.join(checkout, 'dist', 'src', 'bundle'))).toBe(path.join(checkout, 'node_modules', '.cache', 'bilint'))
  })
})

describe('codeCacheFile', () => {
  it('names the bundle, its hash, Node’s version and the architecture', () => {
    const {bundle, cacheFolder} = installedBundle('named', 'f00d')
    expect(codeCacheFile(bundle)).toBe(path.join(cacheFolder, `code-cli-f00d-${process.version}-${process.arch}.bin`))
  })

  it('is null without a manifest entry, or when BILINT_NO_CODE_CACHE=1', () => {
    const {bundle} = installedBundle('no-manifest')
    rmSync(path.join(path.dirname(bundle), 'manifest.json'))
    expect(codeCacheFile(bundle)).toBeNull()
    const other = installedBundle('switched-off').bundle
    process.env.BILINT_NO_CODE_CACHE = '1'
    expect(codeCacheFile(other)).toBeNull()
  })
})

describe('runBundle', () => {
  it('runs a CommonJS bundle, hashbang and all, with require, module and __filename', () => {
    const {bundle} = installedBundle('runs')
    ;(globalThis as {bundleRuns?: unknown}).bundleRuns = []
    expect(runBundle(pathToFileURL(bundle))).toBe(true)
    expect((globalThis as {bundleRuns?: unknown}).bundleRuns).toEqual([['cli.cjs', 'object']])
    expect((globalThis as {bundleSquare?: unknown}).bundleSquare).toBe(49)
  })

  it('returns false, running nothing, when the bundle is missing', () => {
    expect(runBundle(pathToFileURL(path.join(scratch, 'missing', 'cli.cjs')))).toBe(false)
    expect(hooks[saveCodeCacheKey]).toBeUndefined()
  })

  it('writes the code cache once when asked, then reads it without asking again', () => {
    const {bundle, cacheFolder} = installedBundle('cached')
    runBundle(pathToFileURL(bundle))
    expect(existsSync(cacheFolder)).toBe(false)
    const save = hooks[saveCodeCacheKey] as () => void
    expect(typeof save).toBe('function')
    save()
    expect(hooks[saveCodeCacheKey]).toBeUndefined()
    const cacheFile = codeCacheFile(bundle)!
    expect(readFileSync(cacheFile).length).toBeGreaterThan(0)
    expect(readdirSync(cacheFolder)).toEqual([path.basename(cacheFile)])
    runBundle(pathToFileURL(bundle))
    expect(hooks[saveCodeCacheKey]).toBeUndefined()
  })

  it('removes the caches of earlier builds of the same bundle when it writes one', () => {
    const {bundle, cacheFolder} = installedBundle('stale', 'beef')
    const tail = `${process.version}-${process.arch}.bin`
    mkdirSync(cacheFolder, {recursive: true})
    const kept = [`code-worker-dead-${tail}`, `code-cli-dead-v0.0.0-${process.arch}.bin`, 'spelling-dictionary-en@4.0.0.txt', `code-cli-notahash!-${tail}`]
    for (const name of [`code-cli-dead-${tail}`, `code-cli-0123-${tail}`, ...kept]) writeFileSync(path.join(cacheFolder, name), 'old')
    expect(staleCodeCaches(codeCacheFile(bundle)!).map((file) => path.basename(file)).sort()).toEqual([`code-cli-0123-${tail}`, `code-cli-dead-${tail}`])
    runBundle(pathToFileURL(bundle))
    ;(hooks[saveCodeCacheKey] as () => void)()
    expect(readdirSync(cacheFolder).sort()).toEqual([`code-cli-beef-${tail}`, ...kept].sort())
  })

  it('writes a cache that V8 rejects anew', () => {
    const {bundle} = installedBundle('rejected')
    const cacheFile = codeCacheFile(bundle)!
    mkdirSync(path.dirname(cacheFile), {recursive: true})
    writeFileSync(cacheFile, 'not a code cache')
    runBundle(pathToFileURL(bundle))
    ;(hooks[saveCodeCacheKey] as () => void)()
    expect(readFileSync(cacheFile, 'latin1')).not.toBe('not a code cache')
    runBundle(pathToFileURL(bundle))
    expect(hooks[saveCodeCacheKey]).toBeUndefined()
  })

  it('runs without a cache when its folder cannot be written', () => {
    const {bundle, cacheFolder} = installedBundle('unwritable')
    mkdirSync(path.dirname(cacheFolder), {recursive: true})
    writeFileSync(cacheFolder, 'a file where the folder would go')
    expect(runBundle(pathToFileURL(bundle))).toBe(true)
    expect(() => (hooks[saveCodeCacheKey] as () => void)()).not.toThrow()
    expect(readdirSync(path.dirname(cacheFolder))).toEqual(['bilint'])
  })
})
