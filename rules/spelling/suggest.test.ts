import {describe, expect, it} from 'vitest'
import {loadDictionary, locateDictionary} from './dictionary-store.js'
import {SortedWords} from './sorted-words.js'
import {compoundTriggers, Suggester, type SpellerRules} from './suggest.js'

/** mulberry32: the same typos on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let mixed = Math.imul(state ^ (state >>> 15), state | 1)
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61)
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296
  }
}

/** Typing errors of every kind nspell's generator covers, in every case, and a few it does not. */
function typoOf(word: string, random: () => number): string {
  const at = Math.floor(random() * (word.length + 1))
  const letter = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'’é7"[Math.floor(random() * 56)]!
  switch (Math.floor(random() * 8)) {
    case 0:
      return word.slice(0, at) + letter + word.slice(at)
    case 1:
      return word.slice(0, at) + word.slice(at + 1)
    case 2:
      return word.slice(0, at) + letter + word.slice(at + 1)
    case 3:
      return word.slice(0, Math.max(2, at))
    case 4:
      return `${word.toUpperCase().slice(0, -1)}X`
    case 5:
      return word.slice(0, at) + word.slice(at + 1, at + 2) + word.slice(at, at + 1) + word.slice(at + 2)
    case 6:
      return word.charAt(0).toUpperCase() + word.slice(1, at) + letter + letter + word.slice(at)
    default:
      return `${word.slice(0, at)}${letter}${word.slice(at + 2)}s`
  }
}

describe('Suggester', () => {
  const dictionary = locateDictionary('en-US')
  // Built from the .aff/.dic files: the reference is nspell with its own word table.
  const loaded = loadDictionary(dictionary, {cacheFolder: null})
  const suggester = new Suggester(loaded.spell as unknown as SpellerRules, new SortedWords(loaded.lexicon))

  it('gives exactly nspell’s suggestions, in its order, for seeded typos of dictionary words', () => {
    const random = seededRandom(7)
    const words = new SortedWords(loaded.lexicon).words
    const typos = [
      // Cut words that need two edits (nspell's slow second round), and cases and marks.
      ...['dashboa', 'configu', 'despi', 'teh', 'recieve', 'Goverment', 'ENVIROMENT', 'enviroment’s', "it'", 'Xian', '21sx', 'nd', 'a'],
      ...Array.from({length: 60}, () => typoOf(words[Math.floor(random() * words.length)]!, random)),
    ]
    for (const typo of typos) expect(suggester.suggest(typo), typo).toEqual(loaded.spell.suggest(typo))
  })

  it('accepts what nspell accepts', () => {
    const probes = ['the', 'The', 'THE', 'environment’s', "it's", '21st', '12th', '1th', 'asshole', 'Beijing', 'beijing', 'GDP', 'teh', '']
    expect(probes.map((word) => suggester.correct(word))).toEqual(probes.map((word) => loaded.spell.correct(word)))
  })

  it('suggests nothing for a known word', () => {
    expect(suggester.suggest('river')).toEqual([])
  })
})

describe('compoundTriggers', () => {
  it('reads the first required part of an ordinal rule', () => {
    const triggers = compoundTriggers('(?:0|1|2)*(?:1)(?:0th|1th|2th)')
    expect([...triggers!]).toEqual(['1'])
  })

  it('lists both cases of letters', () => {
    expect([...compoundTriggers(/(?:ab|cd)?(?:Ef|gh)/i)!].sort()).toEqual(['E', 'G', 'e', 'g'])
  })

  it('gives up where any string could match or the rule is not plain alternatives', () => {
    expect(compoundTriggers('(?:a|b)*(?:c)?')).toBeNull()
    expect(compoundTriggers('(?:a|)(?:b)')).toBeNull()
    expect(compoundTriggers('(?:a.b)')).toBeNull()
  })
})

describe('SortedWords', () => {
  const words = new SortedWords({text: ['ant', 'ante', 'anti', 'bee', 'beef', 'been'].join('\n'), start: 0, flags: new Map([['bee', ['!']]])})

  it('looks words up, with their lookup flags', () => {
    expect([words.has('ante'), words.has('an'), words.has('beeg')]).toEqual([true, false, false])
    expect(words.entry('bee')).toEqual(['!'])
    expect(words.entry('ant')).toEqual([])
    expect(words.entry('antz')).toBeUndefined()
  })

  it('narrows to the words that continue a prefix with a character', () => {
    const range = words.all()
    words.narrow(range, 0, 'a'.charCodeAt(0))
    words.narrow(range, 1, 'n'.charCodeAt(0))
    words.narrow(range, 2, 't'.charCodeAt(0))
    expect(words.words.slice(range.low, range.high)).toEqual(['ant', 'ante', 'anti'])
    words.narrow(range, 3, 'e'.charCodeAt(0))
    expect(words.words.slice(range.low, range.high)).toEqual(['ante'])
    words.narrow(range, 4, 'x'.charCodeAt(0))
    expect(range.low).toBe(range.high)
  })

  it('marks the characters that follow a prefix', () => {
    const range = words.all()
    words.narrow(range, 0, 'b'.charCodeAt(0))
    words.narrow(range, 1, 'e'.charCodeAt(0))
    words.narrow(range, 2, 'e'.charCodeAt(0))
    const marks = new Uint32Array(4)
    words.markNextCharacters(range, 3, marks)
    const marked = [...'abcdefghijklmnopqrstuvwxyz'].filter((letter) => (marks[letter.charCodeAt(0) >>> 5]! & (1 << (letter.charCodeAt(0) & 31))) !== 0)
    expect(marked).toEqual(['f', 'n'])
  })
})
