import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {spawnSync} from 'node:child_process'
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest'
import {assertBinBuilt, repoRoot} from '../cli/helpers.js'
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

/** What one process that ran a bundle through the built launcher saw. */
interface Launch {
  /** What runBundle returned. */
  ran: boolean
  /** Whether it left a save function: no cache was there, or V8 rejected it. */
  needsSave: boolean
  /** What the bundle computed (`globalThis.bundleSquare`). */
  square: unknown
}

/**
 * Runs a bundle in a fresh process through the built launcher, calling the
 * save function when one is left (with `save`): a code cache is only read
 * by a new isolate, since V8 compiles a source it has seen from memory.
 */
function launch(bundle: string, options: {save?: boolean} = {}): Launch {
  const launcher = pathToFileURL(path.join(repoRoot, 'dist', 'src', 'launch', 'run-bundle.js')).href
  const script = `
    import {runBundle} from ${JSON.stringify(launcher)}
    const ran = runBundle(new URL(${JSON.stringify(pathToFileURL(bundle).href)}))
    const save = globalThis[Symbol.for('bilint.saveCodeCache')]
    if (save && ${options.save === true}) save()
    console.log(JSON.stringify({ran, needsSave: typeof save === 'function', square: globalThis.bundleSquare ?? null}))`
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8', env: {...process.env, BILINT_NO_CODE_CACHE: ''}})
  expect(child.stderr).toBe('')
  return JSON.parse(child.stdout) as Launch
}

describe('runBundle', () => {
  beforeAll(() => assertBinBuilt())

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

  it('writes the code cache only when asked, then reads it in later processes', () => {
    const {bundle, cacheFolder} = installedBundle('cached')
    expect(launch(bundle)).toEqual({ran: true, needsSave: true, square: 49})
    expect(existsSync(cacheFolder)).toBe(false)
    expect(launch(bundle, {save: true})).toEqual({ran: true, needsSave: true, square: 49})
    const cacheFile = codeCacheFile(bundle)!
    expect(readdirSync(cacheFolder)).toEqual([path.basename(cacheFile)])
    expect(launch(bundle)).toEqual({ran: true, needsSave: false, square: 49})
    expect(launch(bundle)).toEqual({ran: true, needsSave: false, square: 49})
  })

  it('saves once: the save function removes itself', () => {
    const {bundle} = installedBundle('saves-once')
    runBundle(pathToFileURL(bundle))
    const save = hooks[saveCodeCacheKey] as () => void
    save()
    expect(hooks[saveCodeCacheKey]).toBeUndefined()
    expect(readFileSync(codeCacheFile(bundle)!).length).toBeGreaterThan(0)
  })

  it('removes the caches of earlier builds of the same bundle when it writes one', () => {
    const {bundle, cacheFolder} = installedBundle('stale', 'beef')
    const tail = `${process.version}-${process.arch}.bin`
    mkdirSync(cacheFolder, {recursive: true})
    const kept = [`code-worker-dead-${tail}`, `code-cli-dead-v0.0.0-${process.arch}.bin`, 'spelling-dictionary-en@4.0.0.txt', `code-cli-notahash!-${tail}`]
    for (const name of [`code-cli-dead-${tail}`, `code-cli-0123-${tail}`, ...kept]) writeFileSync(path.join(cacheFolder, name), 'old')
    expect(staleCodeCaches(codeCacheFile(bundle)!).map((file) => path.basename(file)).sort()).toEqual([`code-cli-0123-${tail}`, `code-cli-dead-${tail}`])
    launch(bundle, {save: true})
    expect(readdirSync(cacheFolder).sort()).toEqual([`code-cli-beef-${tail}`, ...kept].sort())
  })

  it('writes a cache that V8 rejects anew: not a cache, or a truncated one', () => {
    const {bundle} = installedBundle('rejected')
    const cacheFile = codeCacheFile(bundle)!
    mkdirSync(path.dirname(cacheFile), {recursive: true})
    writeFileSync(cacheFile, 'not a code cache')
    expect(launch(bundle, {save: true}).needsSave).toBe(true)
    const whole = readFileSync(cacheFile)
    expect(whole.toString('latin1')).not.toBe('not a code cache')
    expect(launch(bundle).needsSave).toBe(false)
    writeFileSync(cacheFile, whole.subarray(0, whole.length >> 1))
    expect(launch(bundle, {save: true})).toEqual({ran: true, needsSave: true, square: 49})
    expect(readFileSync(cacheFile).length).toBeGreaterThan(whole.length >> 1)
    expect(launch(bundle).needsSave).toBe(false)
  })

  it('runs without a cache when its folder cannot be written', () => {
    const {bundle, cacheFolder} = installedBundle('unwritable')
    mkdirSync(path.dirname(cacheFolder), {recursive: true})
    writeFileSync(cacheFolder, 'a file where the folder would go')
    expect(launch(bundle, {save: true})).toEqual({ran: true, needsSave: true, square: 49})
    expect(readdirSync(path.dirname(cacheFolder))).toEqual(['bilint'])
  })

  it('neither reads nor writes a cache with BILINT_NO_CODE_CACHE=1', () => {
    const {bundle, cacheFolder} = installedBundle('off')
    process.env.BILINT_NO_CODE_CACHE = '1'
    runBundle(pathToFileURL(bundle))
    expect(hooks[saveCodeCacheKey]).toBeUndefined()
    expect(existsSync(cacheFolder)).toBe(false)
  })
})
