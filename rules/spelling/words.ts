/**
 * Which words the spelling rule checks, and which parts of them: Latin
 * letters only, split at hyphens, with possessive `'s` handled. Plain
 * character scanning, no regular expressions.
 */
import {type BlockTokens, TokenType} from '../../src/parser/block-tokens.js'
import type {WordPiece} from '../../src/parser/tokenizer.js'

/** A hyphen-separated part of a word. */
export interface WordPart {
  /** The part as written (apostrophes not normalised). */
  text: string
  /** Start offset in the file. */
  start: number
  /** End offset in the file (exclusive). */
  end: number
  /** Whether a hyphen follows the part: `eco` in `eco-friendly`, `pre` in `pre- and post-war`. */
  beforeHyphen: boolean
}

/** A word the rule checks: its whole text and its parts. */
export interface CheckedWord {
  /** The whole word as written (`well-known`, `EU's`). */
  text: string
  /** Its hyphen-separated parts, in order. */
  parts: WordPart[]
}

/** Whether a UTF-16 code is an ASCII letter. */
function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
}

/** Whether a UTF-16 code is an upper-case ASCII letter. */
function isUpperLetter(code: number): boolean {
  return code >= 65 && code <= 90
}

/** Whether `value` is a hyphen: `-`, U+2010 or U+2011. */
function isHyphen(value: string): boolean {
  return value === '-' || value === '\u2010' || value === '\u2011'
}

/** Whether `value` is an apostrophe: `'` or `’`. */
function isApostrophe(value: string): boolean {
  return value === "'" || value === '\u2019'
}

/**
 * Whether every character of `value` is an ASCII letter.
 * @param value Any text.
 */
export function isLetters(value: string): boolean {
  for (let index = 0; index < value.length; index++) {
    if (!isAsciiLetter(value.charCodeAt(index))) return false
  }
  return true
}

/**
 * Whether the token after a word in its sentence is a hyphen: `pre` in
 * `pre- and post-war`.
 * @param tokens The block's tokens.
 * @param index The word's index among them.
 */
export function isFollowedByHyphen(tokens: BlockTokens, index: number): boolean {
  const next = index + 1
  return (
    next < tokens.length &&
    tokens.types[next] === TokenType.Punctuation &&
    tokens.sentences[next] === tokens.sentences[index] &&
    isHyphen(tokens.texts[next]!)
  )
}

/**
 * The word with its hyphen-separated parts, or null when the rule does not
 * check it: it holds a digit (`PM2.5Caused`, `COVID-19`, `21st`), a dot or an
 * underscore (`e.g`, `snake_case`), or a letter outside ASCII (Han, `naïve`,
 * tone-marked pinyin). URLs, e-mail addresses, file names and inline code are
 * source tokens, not words, so they never get here.
 * @param pieces The word's pieces ({@link wordPieces}).
 * @param hyphenAfter Whether a hyphen follows the word.
 */
export function checkedWord(pieces: readonly WordPiece[], hyphenAfter: boolean): CheckedWord | null {
  const parts: WordPart[] = []
  let text = ''
  let partText = ''
  let partStart = -1
  let partEnd = -1
  for (const piece of pieces) {
    const value = piece.value
    text += value
    if (piece.type === 'PunctuationNode' && isHyphen(value)) {
      if (partStart !== -1) parts.push({text: partText, start: partStart, end: partEnd, beforeHyphen: true})
      partText = ''
      partStart = -1
      continue
    }
    if (piece.type === 'PunctuationNode' ? !isApostrophe(value) : !isLetters(value)) return null
    if (partStart === -1) partStart = piece.start
    partEnd = piece.end
    partText += value
  }
  if (partStart !== -1) parts.push({text: partText, start: partStart, end: partEnd, beforeHyphen: hyphenAfter})
  return parts.length > 0 ? {text, parts} : null
}

/**
 * Whether a word is an upper-case acronym, optionally plural: `GDP`,
 * `NIMBY`, `VOCs`, `PDFs`. Single capitals (`I`, `A`) are words.
 * @param word Letters and apostrophes.
 */
export function isAcronym(word: string): boolean {
  const length = word.length
  const letters = length > 2 && word.charCodeAt(length - 1) === 115 ? length - 1 : length
  if (letters < 2) return false
  for (let index = 0; index < letters; index++) {
    if (!isUpperLetter(word.charCodeAt(index))) return false
  }
  return true
}

/**
 * Whether a capital follows a lower-case letter: brand names and code
 * identifiers (`iPhone`, `macOS`, `TypeScript`, `McDonald`) that a dictionary
 * cannot judge.
 * @param word Letters and apostrophes.
 */
export function hasInnerCapital(word: string): boolean {
  for (let index = 1; index < word.length; index++) {
    const previous = word.charCodeAt(index - 1)
    if (isUpperLetter(word.charCodeAt(index)) && previous >= 97 && previous <= 122) return true
  }
  return false
}

/**
 * The part without a possessive `'s` (`EU's` → `EU`, `Goverment’s` →
 * `Goverment`), or null when it has none.
 * @param part A word part.
 */
export function possessiveStem(part: WordPart): WordPart | null {
  const text = part.text
  if (!hasPossessiveEnding(text)) return null
  return {...part, text: text.slice(0, -2), end: part.end - 2}
}

/**
 * Whether a word ends in a possessive `'s` or `’s` after at least one character.
 * @param text The word.
 */
export function hasPossessiveEnding(text: string): boolean {
  return text.length >= 3 && text.charCodeAt(text.length - 1) === 115 && isApostrophe(text.charAt(text.length - 2))
}

/** Longest word nspell is asked to suggest for: longer ones take it 100 ms and more, and get nothing. */
export const maxSuggestableLength = 20

/**
 * Whether nspell may be asked for suggestions: letters only (no digits,
 * hyphens or apostrophes), at most {@link maxSuggestableLength} letters, and
 * not all capitals. nspell's `suggest()` takes 100–900 ms on the others and
 * mostly returns nothing.
 * @param word The unknown word.
 */
export function isSuggestable(word: string): boolean {
  return word.length <= maxSuggestableLength && isLetters(word) && word !== word.toUpperCase()
}
