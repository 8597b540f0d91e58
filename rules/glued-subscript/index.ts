/**
 * glued-subscript: a formula or unit that lost its subscript formatting and
 * got glued to the next word (`PM2.5Caused`, `O3More`), lost its subscript's
 * case (`NOX`), or left a stray subscript between two words
 * (`senses2.5Heavier`).
 */
import {readWordList} from '../../src/dictionaries.js'
import {defineRule} from '../../src/engine/rule.js'
import {type BlockTokens, TokenType} from '../../src/parser/block-tokens.js'
import {meta} from './meta.js'

/** Options of glued-subscript. */
export interface GluedSubscriptOptions {
  /** Formulas and units to add to `dictionaries/formulas.txt` (default: none). */
  formulas: string[]
}

/** Two-letter English words that can follow a glued formula (`law2.5As`). */
const twoLetterWords = new Set(['An', 'As', 'At', 'Be', 'By', 'Do', 'If', 'In', 'Is', 'It', 'No', 'Of', 'On', 'Or', 'So', 'To', 'Up', 'We'])

/** Lower-case tails that are part of a unit, not a glued word (`CO2eq`). */
const formulaTails = new Set(['eq', 'e'])

/** A formula table: formulas longest first, and the subscripts they carry. */
interface FormulaTable {
  formulas: string[]
  /** First character code → the formulas a word starting with it may start with, longest first. */
  byFirstCode: Map<number, string[]>
  /** The formulas any word may start with (only an empty one). */
  anyStart: string[]
  /** Subscript (`2.5`, `3`) → formulas that carry it. */
  bySubscript: Map<string, string[]>
  /** Upper-cased form whose subscript case was lost (`NOX`) → formula (`NOx`). */
  byLostCase: Map<string, string>
}

const tableCache = new Map<string, FormulaTable>()

/** The formula table for a set of extra formulas, built once per set. */
function formulaTable(extra: readonly string[]): FormulaTable {
  const key = extra.join('\n')
  const cached = tableCache.get(key)
  if (cached) return cached
  const formulas = [...new Set([...readWordList('formulas.txt'), ...extra])].sort((a, b) => b.length - a.length)
  const bySubscript = new Map<string, string[]>()
  const byLostCase = new Map<string, string>()
  for (const formula of formulas) {
    const subscript = trailingNumber(formula)
    if (subscript) bySubscript.set(subscript, [...(bySubscript.get(subscript) ?? []), formula])
    // `NOx`, `SOx`: the lower-case `x` is a subscript whose case gets lost.
    if (/^[A-Z]+x$/.test(formula)) byLostCase.set(formula.toUpperCase(), formula)
  }
  const anyStart = formulas.filter((formula) => formula === '')
  const byFirstCode = new Map<number, string[]>()
  for (const formula of formulas) {
    const code = formula.charCodeAt(0)
    if (formula !== '' && !byFirstCode.has(code)) byFirstCode.set(code, formulas.filter((other) => other === '' || other.charCodeAt(0) === code))
  }
  const table = {formulas, byFirstCode, anyStart, bySubscript, byLostCase}
  tableCache.set(key, table)
  return table
}

/** The number a formula ends with (`2.5` of `PM2.5`, `3` of `O3`), found by scanning back; undefined when none. */
function trailingNumber(formula: string): string | undefined {
  let start = formula.length
  while (start > 0 && /[\d.]/.test(formula[start - 1]!)) start--
  const number = formula.slice(start).replace(/^\.+/, '')
  return number !== '' && /^\d/.test(number) && !number.endsWith('.') ? number : undefined
}

/** Whether `tail` reads as an English word glued after a formula. */
function isGluedWord(tail: string, formula: string): boolean {
  if (tail.length < 2) return false
  const first = tail.charCodeAt(0)
  let restLower = true
  for (let index = 1; index < tail.length; index++) {
    const code = tail.charCodeAt(index)
    if (code < 97 || code > 122) restLower = false
  }
  if (!restLower) return false
  if (first >= 65 && first <= 90) return tail.length > 2 || twoLetterWords.has(tail)
  // A lower-case tail only after a formula with a digit: `CO2emissions`, not `COmpany`.
  return first >= 97 && first <= 122 && /\d$/.test(formula) && !formulaTails.has(tail)
}

/** A lower-case word, a subscript and a capitalised word: `senses2.5Heavier`. */
function splitStraySubscript(word: string): {before: string; subscript: string; after: string} | null {
  let index = 0
  while (index < word.length && word.charCodeAt(index) >= 97 && word.charCodeAt(index) <= 122) index++
  if (index < 2) return null
  const subscriptStart = index
  while (index < word.length && ((word.charCodeAt(index) >= 48 && word.charCodeAt(index) <= 57) || word[index] === '.')) index++
  const subscript = word.slice(subscriptStart, index)
  if (!/^\d+(?:\.\d+)?$/.test(subscript)) return null
  const after = word.slice(index)
  if (!/^[A-Z][a-z]+$/.test(after) || (after.length === 2 && !twoLetterWords.has(after))) return null
  return {before: word.slice(0, subscriptStart), subscript, after}
}

/** Whether a word has a Latin capital and no lower-case Latin letter. */
function isCapitalWord(text: string): boolean {
  return !/[a-z]/.test(text) && /[A-Z]/.test(text)
}

/** Of one sentence: whether any Latin word has a lower-case letter, and how many are written in capitals. */
interface SentenceCaps {
  hasLower: boolean
  capitalWords: number
}

/**
 * Whether a sentence is written in capitals (`NOX EMISSIONS FELL`): it has
 * another Latin word besides `word`, and no Latin word with a lower-case
 * letter. Chinese around the word does not count either way. Counted once
 * per sentence, in `counted` (the block's sentences by index).
 */
function isAllCaps(tokens: BlockTokens, word: number, counted: Map<number, SentenceCaps>): boolean {
  const sentence = tokens.sentences[word]!
  let caps = counted.get(sentence)
  if (!caps) {
    caps = {hasLower: false, capitalWords: 0}
    for (let index = tokens.sentenceStart(word), end = tokens.sentenceEnd(word); index < end; index++) {
      if (tokens.types[index] !== TokenType.Word) continue
      const text = tokens.texts[index]!
      if (/[a-z]/.test(text)) caps.hasLower = true
      else if (/[A-Z]/.test(text)) caps.capitalWords++
    }
    counted.set(sentence, caps)
  }
  if (caps.hasLower) return false
  return caps.capitalWords - (isCapitalWord(tokens.texts[word]!) ? 1 : 0) > 0
}

/**
 * A cheap first look at a word: 2 when it has a digit, 1 when it has a capital
 * after its first letter, 0 otherwise (most words: they cannot hold a formula).
 */
function hasDigitOrInnerCapital(word: string): 0 | 1 | 2 {
  let found: 0 | 1 = 0
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index)
    if (code >= 48 && code <= 57) return 2
    if (index > 0 && code >= 65 && code <= 90) found = 1
  }
  return found
}

/** Whether `word` stands in `text` as a whole word. */
function containsWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    const before = at === 0 ? '' : text[at - 1]!
    const after = text[at + word.length] ?? ''
    if (!/[A-Za-z0-9]/.test(before) && !/[A-Za-z0-9]/.test(after)) return true
  }
  return false
}

/** The formulas of the table that a block's text mentions, for messages about stray subscripts. */
function mentionedFormula(blockText: string, candidates: readonly string[]): string | undefined {
  for (const formula of candidates) {
    if (blockText.includes(formula)) return formula
    // `fine particulate matter (PM)` with the `2.5` moved away.
    const stem = formula.slice(0, formula.length - (trailingNumber(formula)?.length ?? 0))
    if (stem.length >= 2 && containsWord(blockText, stem)) return formula
  }
  return undefined
}

export default defineRule<GluedSubscriptOptions>(
  meta,
  {formulas: []},
  ({options, report}) => {
    const table = formulaTable(options.formulas)
    /** The current block's sentences written in capitals, counted as a lost-case formula needs them. */
    const sentenceCaps = new Map<number, SentenceCaps>()

    /** Checks one word that has a digit or an inner capital (`kind` as {@link hasDigitOrInnerCapital} gives it). */
    const checkWord = (tokens: BlockTokens, word: number, kind: 1 | 2, prose: string): void => {
      const text = tokens.texts[word]!
      const start = tokens.starts[word]!
      const end = tokens.ends[word]!
      // A formula whose subscript lost its case (`NOX`) has no digit.
      const lostCase = kind === 1 ? table.byLostCase.get(text) : undefined
      if (lostCase) {
        if (isAllCaps(tokens, word, sentenceCaps)) return
        report({
          message: `Unexpected \`${text}\`, expected \`${lostCase}\`: the subscript lost its case`,
          start,
          end,
          expected: [lostCase],
          fix: 'safe',
        })
        return
      }
      for (const formula of table.byFirstCode.get(text.charCodeAt(0)) ?? table.anyStart) {
        if (text.length <= formula.length || !text.startsWith(formula)) continue
        const tail = text.slice(formula.length)
        if (!isGluedWord(tail, formula)) continue
        const tailWord = tail.length > 2 || tail === tail.toLowerCase() ? tail[0]!.toLowerCase() + tail.slice(1) : tail
        report({
          message: `Unexpected \`${text}\`, expected \`${formula} ${tailWord}\`: the formula \`${formula}\` is glued to the next word`,
          start,
          end,
          expected: [`${formula} ${tailWord}`],
          fix: 'safe',
        })
        return
      }
      if (kind !== 2) return
      const stray = splitStraySubscript(text)
      if (!stray) return
      const candidates = table.bySubscript.get(stray.subscript)
      if (!candidates) return
      const formula = mentionedFormula(prose, candidates)
      report({
        message:
          `Unexpected subscript \`${stray.subscript}\` between \`${stray.before}\` and \`${stray.after}\`` +
          (formula ? `: it belongs to \`${formula}\`, mentioned in this paragraph` : ': a formula lost it'),
        start,
        end,
      })
    }

    return {
      block(block) {
        // Every finding holds Latin letters (a formula, a glued word, a stray subscript between words).
        const tokens = block.tokens
        if (!tokens || !block.prose || block.scripts.latin === 0) return
        sentenceCaps.clear()
        for (let index = 0; index < tokens.length; index++) {
          if (tokens.types[index] !== TokenType.Word) continue
          // Only words with a digit or an inner capital (`PM2.5Caused`, `NOxEmissions`, `NOX`) can hold a formula.
          const kind = hasDigitOrInnerCapital(tokens.texts[index]!)
          if (kind !== 0) checkWord(tokens, index, kind, block.prose.value)
        }
      },
      paragraphs: false,
    }
  },
)
