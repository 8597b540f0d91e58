import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {isPinyinName, syllableCount} from './pinyin.js'
import {isOneLetterLonger, isTransposition, rankSuggestions} from './ranking.js'
import {WordList} from './word-list.js'
import {hasInnerCapital, isAcronym, isSuggestable} from './words.js'

describe('pinyin names', () => {
  it.each(['Jinping', 'Yingmin', 'Xiyuan', 'Fenwei', "Xi'an", 'Haidian', 'Wanliu', 'Zhongguancun', 'Wulumuqi', 'Lv'])(
    'accepts %s',
    (name) => expect(isPinyinName(name)).toBe(true),
  )

  it.each([
    ['Enviroment', 'has a v after e'],
    ['Goverment', 'starts with go'],
    ['Polution', 'has no syllable tion'],
    ['jinping', 'is not capitalised'],
    ['JINPING', 'is all capitals'],
    ['XiAn', 'has an inner capital'],
    ["Xi''an", 'has a doubled apostrophe'],
    ["Xian'", 'ends with an apostrophe'],
    ['Lilalilali', 'has five syllables'],
    ['X', 'is one letter'],
  ])('rejects %s: it %s', (word) => expect(isPinyinName(word)).toBe(false))

  it('splits with the fewest syllables and backtracks over greedy dead ends', () => {
    expect(syllableCount('xiyuan')).toBe(2)
    // Greedy `chang` leaves `an`, barred without an apostrophe; `chan` + `gan` is the reading.
    expect(syllableCount('changan')).toBe(2)
    expect(syllableCount('xian')).toBe(1)
  })

  it('does not read a vowel-initial syllable inside a segment (pinyin writes Xi’an)', () => {
    // Every split of `tiananmen` puts `an…` after a syllable: pinyin writes `Tian'anmen`.
    expect(syllableCount('tiananmen')).toBe(Infinity)
    expect(isPinyinName("Tian'anmen")).toBe(true)
  })
})

describe('suggestion ranking', () => {
  it('detects a swap of neighbours and a dropped letter', () => {
    expect(isTransposition('teh', 'the')).toBe(true)
    expect(isTransposition('teh', 'ten')).toBe(false)
    expect(isTransposition('abc', 'abc')).toBe(false)
    expect(isOneLetterLonger('wich', 'which')).toBe(true)
    expect(isOneLetterLonger('wich', 'rich')).toBe(false)
  })

  it('puts swaps first, then dropped and stray letters, keeping nspell order inside each group', () => {
    expect(rankSuggestions('teh', ['ten', 'eh', 'tech', 'the'])).toEqual(['the', 'eh', 'tech', 'ten'])
    expect(rankSuggestions('Ministery', ['Ministers', 'Ministry'])).toEqual(['Ministry', 'Ministers'])
  })

  it('keeps capitalised suggestions behind lower-case ones for a lower-case word', () => {
    expect(rankSuggestions('teh', ['ten', 'Th', 'the', 'Te'])).toEqual(['the', 'ten', 'Th', 'Te'])
    expect(rankSuggestions('Teh', ['Ten', 'The'])).toEqual(['The', 'Ten'])
    expect(rankSuggestions('Thier', ['Thief', 'Their'])).toEqual(['Their', 'Thief'])
  })
})

describe('word lists with nspell case rules', () => {
  const list = new WordList(['informatization', 'Qwzx', 'NOx', 'it’s'])

  it('accepts a lower-case entry in any case', () => {
    expect(['informatization', 'Informatization', 'INFORMATIZATION'].map((word) => list.has(word))).toEqual([true, true, true])
  })

  it('accepts a Capitalised entry and its capitals, not its lower case', () => {
    expect(['Qwzx', 'QWZX', 'qwzx'].map((word) => list.has(word))).toEqual([true, true, false])
  })

  it('accepts other entries only as written', () => {
    expect(['NOx', 'NOX', 'nox', 'Nox'].map((word) => list.has(word))).toEqual([true, false, false, false])
  })

  it('normalises curly apostrophes in entries', () => {
    expect(list.has("it's")).toBe(true)
  })
})

describe('word shapes', () => {
  it('finds acronyms, with or without a plural s', () => {
    expect(['GDP', 'NIMBY', 'VOCs', 'PDFs'].every(isAcronym)).toBe(true)
    expect(['I', 'As', 'Goverment', 'NOx', 'Is'].some(isAcronym)).toBe(false)
  })

  it('finds inner capitals after a lower-case letter', () => {
    expect(['iPhone', 'macOS', 'TypeScript', 'McDonald'].every(hasInnerCapital)).toBe(true)
    expect(['NIMBY', 'Beijing', 'well'].some(hasInnerCapital)).toBe(false)
  })

  it('keeps slow tokens away from suggest()', () => {
    expect(isSuggestable('enviroment')).toBe(true)
    expect(['ENVIROMENT', "Xi'an", 'a'.repeat(21)].some(isSuggestable)).toBe(false)
    expect(isSuggestable('a'.repeat(20))).toBe(true)
  })
})

describe('dictionaries/pinyin-syllables.txt', () => {
  // tests/dictionaries.test.ts keeps every list sorted, unique and sourced; this checks the table is complete.
  it('has the ~400 syllables of the table', () => {
    const entries = readFileSync(new URL('../../dictionaries/pinyin-syllables.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'))
    expect(entries.length).toBeGreaterThan(400)
    expect(entries).toEqual(expect.arrayContaining(['a', 'zhuang', 'xiong', 'er', 'lve', 'nv', 'yo', 'o']))
  })
})
