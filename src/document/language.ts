/**
 * Language of blocks and documents from Unicode script counts.
 *
 * A Han character carries about as much as three Latin letters, so a block
 * is Chinese when `3 × han ≥ latin`. franc is asked only whether long
 * Latin-script text is English or another Latin-script language.
 */
import type {Paragraph} from 'nlcst'
import {readWordList} from '../dictionaries.js'
import type {ProseText} from '../parser/prose.js'
import type {Tokenizer, TokenSink} from '../parser/tokenizer.js'
import type {TokenRecord} from '../parser/token-record.js'
import {isHan, isLatinLetter} from '../text/scripts.js'
import type {ScriptCounts, ScriptLanguage} from './types.js'

/** Weight of one Han character against one Latin letter. */
export const hanWeight = 3

/** Latin text shorter than this is taken to be English without asking franc. */
export const francMinLength = 200

/**
 * Counts Han characters and Latin letters in a paragraph's words (sources and symbols excluded).
 * @param paragraph The nlcst paragraph.
 */
export function countScripts(paragraph: Paragraph): ScriptCounts {
  const counts: ScriptCounts = {han: 0, latin: 0}
  for (const sentence of paragraph.children) {
    if (sentence.type !== 'SentenceNode') continue
    for (const child of sentence.children) {
      if (child.type !== 'WordNode') continue
      for (const part of child.children) {
        if (part.type === 'TextNode') addCounts(part.value, 0, part.value.length, counts)
      }
    }
  }
  return counts
}

/**
 * Counts Han characters and Latin letters in the words of a block's prose,
 * as {@link countScripts} counts them in its paragraph, without building the
 * paragraph: sources and symbols are not words, and the punctuation inside
 * words (`it's`, `well-known`) holds no letters. With a token record that
 * has room for it, the scan's tokens are kept for the walk that reads the
 * block's tokens later (see `token-record.ts`).
 * @param tokenizer The file's tokenizer.
 * @param prose The block's prose.
 * @param record The document's token record, if any.
 */
export function countProseScripts(tokenizer: Tokenizer, prose: ProseText, record: TokenRecord | null = null): ScriptCounts {
  const counter = new WordLetterCounter(prose.value)
  if (record?.canRecord(prose)) {
    const recorder = record.recorderFor(prose, counter)
    tokenizer.scan(prose, recorder)
    recorder.done()
  } else {
    tokenizer.scan(prose, counter)
  }
  return counter.counts
}

/** A token sink that counts the letters of words and ignores every other token. */
class WordLetterCounter implements TokenSink {
  /** The counts so far. */
  readonly counts: ScriptCounts = {han: 0, latin: 0}

  /**
   * @param text The prose text the scan reads.
   */
  constructor(private readonly text: string) {}

  word(start: number, end: number): void {
    addCounts(this.text, start, end, this.counts)
  }

  space(): void {}
  source(): void {}
  punctuation(): void {}
  symbol(): void {}
  endSentence(): void {}
}

/** Adds the Han characters and Latin letters of `value[start, end)` to `counts`. */
function addCounts(value: string, start: number, end: number, counts: ScriptCounts): void {
  for (let index = start; index < end; index++) {
    const code = value.charCodeAt(index)
    if (code < 0x80) {
      if ((code | 32) >= 97 && (code | 32) <= 122) counts.latin++
    } else if (code >= 0xd800 && code <= 0xdbff) {
      if (isHan(value.codePointAt(index)!)) counts.han++
      index++
    } else if (isHan(code)) {
      counts.han++
    } else if (isLatinLetter(code)) {
      counts.latin++
    }
  }
}

/**
 * The language that script counts point to.
 * @param counts Letter counts.
 */
export function languageOfCounts(counts: ScriptCounts): ScriptLanguage {
  if (counts.han === 0 && counts.latin === 0) return 'und'
  return counts.han * hanWeight >= counts.latin ? 'zh' : 'en'
}

/** Share of English function words above which text is English without asking franc. */
export const englishFunctionWordShare = 0.2

let functionWords: ReadonlySet<string> | undefined

/**
 * Whether text is plainly English: at least {@link englishFunctionWordShare}
 * of its words are English function words (`the`, `of`, `and`, …). French or
 * German prose has almost none, so franc is asked only about the rest.
 * @param sample Latin-script text.
 */
export function looksEnglish(sample: string): boolean {
  const known = (functionWords ??= new Set(readWordList('english-function-words.txt')))
  longestFunctionWord ??= Math.max(0, ...[...known].map((word) => word.length))
  let words = 0
  let hits = 0
  const length = sample.length
  let index = 0
  while (index < length) {
    if (!isAsciiLetter(sample.charCodeAt(index))) {
      index++
      continue
    }
    const start = index
    let capitals = false
    while (index < length) {
      const code = sample.charCodeAt(index)
      if (!isAsciiLetter(code)) break
      if (code < 97) capitals = true
      index++
    }
    words++
    // Only a word as short as the longest function word is looked up, lowered only when it has a capital.
    if (index - start > longestFunctionWord) continue
    const word = sample.slice(start, index)
    if (known.has(capitals ? word.toLowerCase() : word)) hits++
  }
  return words >= 20 && hits / words >= englishFunctionWordShare
}

let longestFunctionWord: number | undefined

/** Whether a code unit is an ASCII letter. */
function isAsciiLetter(code: number): boolean {
  return (code | 32) >= 97 && (code | 32) <= 122
}

/**
 * Whether long Latin-script text is English, per franc (loaded only when asked).
 * Returns the ISO 639-3 code franc finds, `eng` for short text.
 * @param sample Up to a few thousand characters of the document's Latin-script prose.
 */
export async function latinLanguage(sample: string): Promise<string> {
  if (sample.length < francMinLength || looksEnglish(sample)) return 'eng'
  const {franc} = await import('franc')
  const code = franc(sample, {minLength: francMinLength})
  return code === 'und' || code === 'sco' ? 'eng' : code
}
