import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {
  cacheKeyOf,
  defaultCacheFolder,
  loadDictionary,
  locateDictionary,
  restoreSpeller,
  serializeSpeller,
  type DictionaryPackage,
} from './dictionary-store.js'

const scratch = mkdtempSync(join(tmpdir(), 'bilint-spelling-'))
afterAll(() => rmSync(scratch, {recursive: true, force: true}))

/** A small Hunspell dictionary in a fresh folder: a suffix rule, a compound rule for ordinals and a NOSUGGEST word. */
function tinyDictionary(name: string, version = '1.0.0'): DictionaryPackage {
  const folder = join(scratch, name)
  mkdirSync(folder, {recursive: true})
  const aff = [
    'SET UTF-8',
    'TRY esianrtolcdugmphbyfvkwz',
    'ICONV 1',
    "ICONV ’ '",
    'NOSUGGEST !',
    'COMPOUNDMIN 1',
    'ONLYINCOMPOUND c',
    'COMPOUNDRULE 1',
    'COMPOUNDRULE n*1t',
    'SFX S Y 1',
    'SFX S 0 s .',
    '',
  ].join('\n')
  const dic = ['7', 'river/S', 'lake/S', "basin's", 'darn/!', '1/n1', '1th/tc', 'Beijing', ''].join('\n')
  writeFileSync(join(folder, 'index.aff'), aff)
  writeFileSync(join(folder, 'index.dic'), dic)
  return {name, version, folder}
}

const probes = ['river', 'rivers', 'River', 'RIVERS', 'lakes', "basin's", 'basin’s', 'Beijing', 'beijing', 'darn', '11th', '1th', 'riverz', 'ocean']

describe('the spelling dictionary cache', () => {
  it('writes the cache on the first load and reads it on the next', () => {
    const dictionary = tinyDictionary('first-load')
    const cacheFolder = join(scratch, 'cache-first-load')
    const built = loadDictionary(dictionary, {cacheFolder})
    expect(built.origin).toBe('dictionary')
    expect(built.cacheFile).toBe(join(cacheFolder, 'spelling-first-load@1.0.0.txt'))
    const cached = loadDictionary(dictionary, {cacheFolder})
    expect(cached.origin).toBe('cache')
    const verdicts = probes.map((word) => built.spell.correct(word))
    expect(verdicts).toEqual([true, true, true, true, true, true, true, true, false, true, true, false, false, false])
    expect(probes.map((word) => cached.spell.correct(word))).toEqual(verdicts)
    expect(cached.spell.suggest('rivr')).toEqual(['river'])
    expect(built.spell.suggest('rivr')).toEqual(['river'])
    // NOSUGGEST survives the round trip: `darn` is accepted but never suggested.
    expect(cached.spell.correct('darn')).toBe(true)
    expect(cached.spell.suggest('dar')).not.toContain('darn')
  })

  it('reads a cache with words beyond ASCII (an ASCII cache is read as Latin-1, any other as UTF-8)', () => {
    const dictionary = tinyDictionary('beyond-ascii')
    writeFileSync(join(dictionary.folder, 'index.dic'), '3\ncafé/S\nnaïve\nriver/S\n')
    const cacheFolder = join(scratch, 'cache-beyond-ascii')
    expect(loadDictionary(dictionary, {cacheFolder}).origin).toBe('dictionary')
    const cached = loadDictionary(dictionary, {cacheFolder})
    expect(cached.origin).toBe('cache')
    expect(['café', 'cafés', 'naïve', 'rivers', 'cafe', 'naive'].map((word) => cached.spell.correct(word))).toEqual([true, true, true, true, false, false])
  })

  it('rebuilds when the dictionary version, the dictionary files or the cache format changed', () => {
    const cacheFolder = join(scratch, 'cache-versions')
    expect(loadDictionary(tinyDictionary('versions', '1.0.0'), {cacheFolder}).origin).toBe('dictionary')
    expect(loadDictionary(tinyDictionary('versions', '1.0.0'), {cacheFolder}).origin).toBe('cache')
    // Same name and version, different file contents (a patched install).
    const patched = tinyDictionary('versions', '1.0.0')
    writeFileSync(join(patched.folder, 'index.dic'), '2\nriver/S\nsea/S\n')
    expect(loadDictionary(patched, {cacheFolder}).origin).toBe('dictionary')
    expect(loadDictionary(patched, {cacheFolder}).spell.correct('seas')).toBe(true)
    // A new version writes a new file beside the old one.
    expect(loadDictionary(tinyDictionary('versions', '2.0.0'), {cacheFolder}).origin).toBe('dictionary')
  })

  it('rejects a truncated or damaged cache file and rebuilds it', () => {
    const dictionary = tinyDictionary('damaged')
    const cacheFolder = join(scratch, 'cache-damaged')
    const file = loadDictionary(dictionary, {cacheFolder}).cacheFile!
    const text = readFileSync(file, 'utf8')
    const key = cacheKeyOf(dictionary)
    const aff = readFileSync(join(dictionary.folder, 'index.aff'))
    expect(restoreSpeller(text, key, aff)).not.toBeNull()
    expect(restoreSpeller(text.slice(0, -3), key, aff)).toBeNull()
    expect(restoreSpeller(`{not json\n${text.slice(text.indexOf('\n') + 1)}`, key, aff)).toBeNull()
    expect(restoreSpeller(text, {...key, nspell: '0.0.1'}, aff)).toBeNull()
    // The same length with a word changed: the canaries catch it.
    const swapped = text.replace('\nriver\n', '\nrivex\n')
    expect(swapped).not.toBe(text)
    expect(restoreSpeller(swapped, key, aff)).toBeNull()
    writeFileSync(file, text.slice(0, -3))
    const reloaded = loadDictionary(dictionary, {cacheFolder})
    expect(reloaded.origin).toBe('dictionary')
    expect(readFileSync(file, 'utf8')).toBe(text)
  })

  it('still loads when the cache folder cannot be written', () => {
    const blocker = join(scratch, 'not-a-folder')
    writeFileSync(blocker, '')
    const loaded = loadDictionary(tinyDictionary('read-only'), {cacheFolder: join(blocker, 'cache')})
    expect(loaded.origin).toBe('dictionary')
    expect(loaded.cacheFile).toBeNull()
    expect(loaded.spell.correct('rivers')).toBe(true)
  })

  it('does no caching with `cacheFolder: null`', () => {
    const loaded = loadDictionary(tinyDictionary('no-cache'), {cacheFolder: null})
    expect([loaded.origin, loaded.cacheFile]).toEqual(['dictionary', null])
  })

  it('keeps the cache in the node_modules that holds the dictionary', () => {
    const dictionary = locateDictionary('en-US')
    expect(dictionary.name).toBe('dictionary-en')
    expect(defaultCacheFolder(dictionary)).toMatch(/[\\/]node_modules[\\/]\.cache[\\/]bilint$/)
    expect(defaultCacheFolder({...dictionary, folder: join(scratch, 'dictionary-en')})).toBeNull()
  })
})

describe('dictionary-en through the cache', () => {
  it('gives the same verdicts and suggestions as nspell built from the .aff/.dic files', () => {
    const dictionary = locateDictionary('en-US')
    const built = loadDictionary(dictionary, {cacheFolder: null})
    const restored = restoreSpeller(serializeSpeller(built.spell, cacheKeyOf(dictionary)), cacheKeyOf(dictionary), readFileSync(join(dictionary.folder, 'index.aff')))
    expect(restored).not.toBeNull()
    const words = [
      ...'the environment Environment ENVIRONMENTAL environMental government’s it’s 21st 1th 12th naive colour Beijing Xi PM GDP'.split(' '),
      ...'enviroment Goverment teh recieve NOx VOCs Jinping well-known COVID-19 2023 e.g asshole'.split(' '),
    ]
    expect(words.map((word) => restored!.correct(word))).toEqual(words.map((word) => built.spell.correct(word)))
    for (const typo of ['enviroment', 'Goverment', 'teh', 'recieve', 'asshle']) {
      expect(restored!.suggest(typo), typo).toEqual(built.spell.suggest(typo))
    }
  })
})
