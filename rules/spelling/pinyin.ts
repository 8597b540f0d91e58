/**
 * Romanised Chinese names: a capitalised word that splits completely into
 * toneless pinyin syllables (`Jinping`, `Yingmin`, `Xi'an`, `Haidian`).
 */
import {readWordList} from '../../src/dictionaries.js'

/** Most syllables a name written as one word has (`Wulumuqi`, `Xishuangbanna`). */
export const maxNameSyllables = 4

/** The longest syllable (`zhuang`). */
const maxSyllableLength = 6

let syllables: ReadonlySet<string> | undefined

/** The syllable table from `dictionaries/pinyin-syllables.txt`, read once. */
function syllableSet(): ReadonlySet<string> {
  return (syllables ??= new Set(readWordList('pinyin-syllables.txt')))
}

/** Whether a UTF-16 code is `a`, `e` or `o`, the vowels a pinyin syllable can start with. */
function isSyllableVowel(code: number): boolean {
  return code === 97 || code === 101 || code === 111
}

/**
 * The fewest syllables `segment` splits into, or `Infinity` when it does not
 * split. After the first syllable, one that starts with `a`, `e` or `o` must
 * follow an apostrophe in pinyin (`Xi'an`, not `Xian` read as `xi` + `an`),
 * so such a split is not allowed inside a segment.
 * @param segment Lower-case letters between apostrophes.
 */
export function syllableCount(segment: string): number {
  const table = syllableSet()
  // fewest[i]: fewest syllables that spell segment[0, i).
  const fewest = new Array<number>(segment.length + 1).fill(Infinity)
  fewest[0] = 0
  for (let start = 0; start < segment.length; start++) {
    const before = fewest[start]!
    if (before === Infinity) continue
    if (start > 0 && isSyllableVowel(segment.charCodeAt(start))) continue
    const last = Math.min(segment.length, start + maxSyllableLength)
    for (let end = start + 1; end <= last; end++) {
      if (before + 1 < fewest[end]! && table.has(segment.slice(start, end))) fewest[end] = before + 1
    }
  }
  return fewest[segment.length]!
}

/** Whether `word` is one capital, then lower-case ASCII letters with single inner apostrophes. */
function hasNameShape(word: string): boolean {
  const first = word.charCodeAt(0)
  if (first < 65 || first > 90 || word.length < 2) return false
  for (let index = 1; index < word.length; index++) {
    const code = word.charCodeAt(index)
    if (code >= 97 && code <= 122) continue
    // An apostrophe between two letters: `Xi'an`.
    if (code === 39 && index < word.length - 1 && word.charCodeAt(index - 1) !== 39) continue
    return false
  }
  return true
}

/**
 * Whether `word` reads as a romanised Chinese name: capitalised, the rest
 * lower case, and made of at most {@link maxNameSyllables} pinyin syllables.
 * A misspelled English word rarely passes (`Enviroment` has a `v`,
 * `Goverment` starts with `go`), but some could: the rule only asks about
 * words the dictionary rejected.
 * @param word The word, apostrophes normalised to `'`.
 */
export function isPinyinName(word: string): boolean {
  if (!hasNameShape(word)) return false
  let total = 0
  for (const segment of word.toLowerCase().split("'")) {
    total += syllableCount(segment)
    if (total > maxNameSyllables) return false
  }
  return true
}
