import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {flushRuleCaches} from '../../src/engine/cache-flush.js'
import {SpellChecker} from './checker.js'
import {loadDictionary, locateDictionary} from './dictionary-store.js'
import {maxStoredWords, parseStore, suggestionFormat, SuggestionStore} from './suggestion-store.js'

const scratch = mkdtempSync(join(tmpdir(), 'bilint-suggestions-'))
afterAll(() => rmSync(scratch, {recursive: true, force: true}))

const key = {dictionary: 'dictionary-en@4.0.0', nspell: '2.1.5'}
let files = 0
const freshFile = (): string => join(scratch, `store-${files++}`, 'suggestions.txt')

describe('SuggestionStore', () => {
  it('writes what it recorded and reads it back', () => {
    const file = freshFile()
    const store = new SuggestionStore(file, key)
    expect(store.read().size).toBe(0)
    store.record('teh', ['the', 'ten'])
    store.record('xqz', [])
    store.flush()
    expect([...new SuggestionStore(file, key).read()]).toEqual([
      ['teh', ['the', 'ten']],
      ['xqz', []],
    ])
  })

  it('merges with what another process wrote in the meantime', () => {
    const file = freshFile()
    const first = new SuggestionStore(file, key)
    const second = new SuggestionStore(file, key)
    first.record('teh', ['the'])
    second.record('recieve', ['receive'])
    first.flush()
    second.flush()
    expect([...new SuggestionStore(file, key).read().keys()].sort()).toEqual(['recieve', 'teh'])
  })

  it('ignores a file made with another dictionary, nspell or format, or cut short', () => {
    const file = freshFile()
    const store = new SuggestionStore(file, key)
    store.record('teh', ['the'])
    store.record('recieve', ['receive'])
    store.flush()
    const text = readFileSync(file, 'utf8')
    expect(parseStore(text, key)?.size).toBe(2)
    expect(parseStore(text, {...key, dictionary: 'dictionary-en@5.0.0'})).toBeNull()
    expect(parseStore(text, {...key, nspell: '3.0.0'})).toBeNull()
    expect(parseStore(text.replace(`"format":${suggestionFormat}`, '"format":0'), key)).toBeNull()
    expect(parseStore(text.slice(0, text.lastIndexOf('\n')), key)).toBeNull()
    expect(parseStore('not json', key)).toBeNull()
    writeFileSync(file, 'garbage')
    expect(new SuggestionStore(file, key).read().size).toBe(0)
  })

  it(`keeps the ${maxStoredWords} most recent words`, () => {
    const file = freshFile()
    const store = new SuggestionStore(file, key)
    for (let index = 0; index < maxStoredWords + 5; index++) store.record(`w${index}`, ['x'])
    store.flush()
    const read = new SuggestionStore(file, key).read()
    expect(read.size).toBe(maxStoredWords)
    expect(read.has('w4')).toBe(false)
    expect(read.has(`w${maxStoredWords + 4}`)).toBe(true)
  })

  it('skips a word it cannot store on one line', () => {
    const file = freshFile()
    const store = new SuggestionStore(file, key)
    store.record('a\tb', ['ab'])
    store.flush()
    expect(new SuggestionStore(file, key).read().size).toBe(0)
  })
})

describe('SpellChecker with a stored suggestion file', () => {
  const dictionary = locateDictionary('en-US')
  const cacheFolder = join(scratch, 'cache')
  const load = (): ReturnType<typeof loadDictionary> => loadDictionary(dictionary, {cacheFolder})

  it('reads stored suggestions instead of computing them, and stores what it computes', () => {
    const first = new SpellChecker('en-US', load)
    const computed = first.suggest('recieve')
    expect(computed[0]).toBe('receive')
    flushRuleCaches()
    const storeFile = join(cacheFolder, `spelling-suggestions-${first.loadInfo!.key.dictionary}.txt`)
    const stored = parseStore(readFileSync(storeFile, 'utf8'), first.loadInfo!.key)!
    expect(stored.get('recieve')).toEqual(computed)
    // A stored answer is used as it is: edit the file, and a new checker gives the edited answer.
    writeFileSync(storeFile, readFileSync(storeFile, 'utf8').replace(/^recieve\t.*$/m, 'recieve\tstored'))
    expect(new SpellChecker('en-US', load).suggest('recieve')).toEqual(['stored'])
  })
})
