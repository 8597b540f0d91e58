/**
 * spelling: English words that neither the dictionary (nspell with
 * dictionary-en), bilint's term list, the pinyin syllable table nor the
 * project's words know, with nspell's suggestions for the first ones of
 * each file.
 */
import type {DocumentIndex} from '../../src/document/types.js'
import {defineRule} from '../../src/engine/rule.js'
import {type BlockTokens, TokenType} from '../../src/parser/block-tokens.js'
import {isSinglePieceWord, wordPieces} from '../../src/parser/tokenizer.js'
import {spellChecker, type SpellChecker} from './checker.js'
import type {Locale} from './dictionary-store.js'
import {normalizeApostrophes, shippedWordList, WordList} from './word-list.js'
import {
  checkedWord,
  hasInnerCapital,
  hasPossessiveEnding,
  isAcronym,
  isFollowedByHyphen,
  isLetters,
  isSuggestable,
  possessiveStem,
  type WordPart,
} from './words.js'
import {meta} from './meta.js'

/** Options of spelling. */
export interface SpellingOptions {
  /**
   * Unknown words per file that get suggestions (default `30`). Later unknown
   * words are still reported, without suggestions. The count is per file, so
   * the order in which files are linted never changes the output.
   */
  maxSuggestions: number
  /**
   * Dictionary locale (default `'en-US'`, from `dictionary-en`). `'en-GB'`
   * needs the `dictionary-en-gb` package installed beside bilint.
   */
  locale: Locale
  /** Words never reported, matched exactly and case-sensitively (default `[]`). */
  ignore: string[]
}

/** Document languages whose English blocks are checked; others (French, …) are skipped whole. */
const checkedDocumentLanguages = new Set(['en', 'zh', 'und'])

/** Project words and `ignore`, combined for one configuration. */
interface AcceptedWords {
  /** Project words with nspell's case rules. */
  project: WordList
  /** `ignore` entries, exact. */
  ignored: ReadonlySet<string>
  /** Verdicts on words under this configuration, one table per checker. */
  verdicts: Map<SpellChecker, WordVerdicts>
}

let lastAccepted: {projectWords: readonly string[]; ignore: readonly string[]; accepted: AcceptedWords} | undefined

/** Whether two word lists hold the same words in the same order. */
function sameWords(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false
  return true
}

/**
 * The accepted words of a configuration, rebuilt only when it changes: a
 * caller that passes equal lists anew for each text (`lintText`, the language
 * server) keeps its verdicts.
 */
function acceptedWords(projectWords: readonly string[], ignore: readonly string[]): AcceptedWords {
  if (lastAccepted && sameWords(lastAccepted.projectWords, projectWords) && sameWords(lastAccepted.ignore, ignore)) return lastAccepted.accepted
  const accepted = {project: new WordList(projectWords), ignored: new Set(ignore.map(normalizeApostrophes)), verdicts: new Map()}
  lastAccepted = {projectWords, ignore, accepted}
  return accepted
}

/** Whether the configuration accepts `word` (apostrophes normalised). */
function isAccepted(word: string, accepted: AcceptedWords): boolean {
  return accepted.ignored.has(word) || accepted.project.has(word)
}

/** Whether the rule leaves a word alone without asking the dictionary. */
function isExempt(word: string, beforeHyphen: boolean, accepted: AcceptedWords): boolean {
  if (isAcronym(word) || hasInnerCapital(word) || isAccepted(word, accepted)) return true
  return beforeHyphen && shippedWordList('en-prefixes.txt').has(word)
}

/**
 * How a word part fares. A possessive whose whole form is unknown is judged
 * by its stem (`EU's` by `EU`).
 * @param word The part's text, apostrophes normalised.
 * @param beforeHyphen Whether a hyphen follows the part.
 * @param accepted The configuration's accepted words.
 * @param checker The spell checker.
 */
function judgePart(word: string, beforeHyphen: boolean, accepted: AcceptedWords, checker: SpellChecker): PartVerdict {
  if (isExempt(word, beforeHyphen, accepted) || checker.isKnown(word)) return 'fine'
  if (!hasPossessiveEnding(word)) return 'unknown'
  const stemWord = word.slice(0, -2)
  return isExempt(stemWord, beforeHyphen, accepted) || checker.isKnown(stemWord) ? 'fine' : 'stem-unknown'
}

/** Entries a verdict table holds before it is emptied, so a long-running editor session stays bounded. */
const maxVerdicts = 100_000

/** How a word part fares: known or left alone, unknown as written, or unknown in its possessive stem (`Goverment's`). */
type PartVerdict = 'fine' | 'unknown' | 'stem-unknown'

/** A string-keyed cache that empties itself when full. */
class BoundedCache<Value> {
  private readonly entries = new Map<string, Value>()

  /**
   * The value kept for `key`, if any.
   * @param key The key.
   */
  get(key: string): Value | undefined {
    return this.entries.get(key)
  }

  /**
   * Keeps a value for `key`; returns it.
   * @param key The key.
   * @param value The value.
   */
  set(key: string, value: Value): Value {
    if (this.entries.size >= maxVerdicts) this.entries.clear()
    this.entries.set(key, value)
    return value
  }
}

/**
 * The rule's verdicts under one configuration and checker, cached per
 * distinct text: the same words recur throughout a document and across files.
 */
class WordVerdicts {
  /** Plain words (one text node) → whether they are unknown; apart for words before a hyphen. */
  private readonly plainWords = new BoundedCache<boolean>()
  private readonly plainWordsBeforeHyphen = new BoundedCache<boolean>()
  /** Word parts, apostrophes normalised → their verdict; apart for parts before a hyphen. */
  private readonly parts = new BoundedCache<PartVerdict>()
  private readonly partsBeforeHyphen = new BoundedCache<PartVerdict>()

  /**
   * @param accepted The configuration's accepted words.
   * @param checker The spell checker.
   */
  constructor(
    private readonly accepted: AcceptedWords,
    private readonly checker: SpellChecker,
  ) {}

  /**
   * Whether a word written as one text node is unknown: it is checked (ASCII
   * letters only), and neither accepted, exempt nor known.
   * @param text The word.
   * @param hyphenAfter Whether a hyphen follows it.
   */
  isUnknownPlainWord(text: string, hyphenAfter: boolean): boolean {
    const cache = hyphenAfter ? this.plainWordsBeforeHyphen : this.plainWords
    return cache.get(text) ?? cache.set(text, isLetters(text) && this.partVerdict(text, hyphenAfter) === 'unknown')
  }

  /**
   * The unknown word in a part, or null when the part is fine. A possessive
   * whose whole form is unknown is judged by its stem (`EU's` by `EU`), and
   * the stem is what gets reported.
   * @param part The part.
   */
  unknownWord(part: WordPart): WordPart | null {
    const verdict = this.partVerdict(normalizeApostrophes(part.text), part.beforeHyphen)
    if (verdict === 'fine') return null
    return verdict === 'unknown' ? part : possessiveStem(part)
  }

  private partVerdict(word: string, beforeHyphen: boolean): PartVerdict {
    const cache = beforeHyphen ? this.partsBeforeHyphen : this.parts
    return cache.get(word) ?? cache.set(word, judgePart(word, beforeHyphen, this.accepted, this.checker))
  }
}

/** The verdicts for a configuration and checker. */
function wordVerdicts(accepted: AcceptedWords, checker: SpellChecker): WordVerdicts {
  let verdicts = accepted.verdicts.get(checker)
  if (!verdicts) accepted.verdicts.set(checker, (verdicts = new WordVerdicts(accepted, checker)))
  return verdicts
}

/** The first unknown words of one file that get suggestions. */
class SuggestionBudget {
  private readonly granted = new Set<string>()

  /**
   * @param limit How many distinct words may get suggestions.
   * @param checker Where suggestions come from.
   */
  constructor(
    private readonly limit: number,
    private readonly checker: SpellChecker,
  ) {}

  /**
   * Suggestions for an unknown word, or undefined when there are none, the
   * word is one nspell is slow on, or the file's budget is spent. A word
   * seen before in the file gets its suggestions again at no cost.
   * @param word The unknown word.
   */
  suggestionsFor(word: string): string[] | undefined {
    if (!isSuggestable(word)) return undefined
    if (!this.granted.has(word)) {
      if (this.granted.size >= this.limit) return undefined
      this.granted.add(word)
    }
    const suggestions = this.checker.suggest(word)
    return suggestions.length > 0 ? [...suggestions] : undefined
  }
}

/** `a`, `a` or `b`, `a`, `b` or `c`: the first three suggestions for the message. */
function suggestionList(suggestions: readonly string[]): string {
  const quoted = suggestions.slice(0, 3).map((suggestion) => `\`${suggestion}\``)
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}` : (quoted[0] ?? '')
}

/** The message for an unknown word. */
function messageFor(word: string, suggestions: readonly string[] | undefined): string {
  const base = `Unexpected unknown word \`${word}\``
  return suggestions ? `${base}, expected ${suggestionList(suggestions)}` : base
}

/** Whether a document's language lets the rule run. */
function isCheckedDocument(index: DocumentIndex): boolean {
  return checkedDocumentLanguages.has(index.language)
}

export default defineRule<SpellingOptions>(
  meta,
  {maxSuggestions: 30, locale: 'en-US', ignore: []},
  ({index, options, projectWords, report}) => {
    if (!isCheckedDocument(index)) return
    const accepted = acceptedWords(projectWords, options.ignore)
    const checker = spellChecker(options.locale)
    const budget = new SuggestionBudget(options.maxSuggestions, checker)
    const verdicts = wordVerdicts(accepted, checker)
    const reportUnknown = (unknown: WordPart): void => {
      const expected = budget.suggestionsFor(normalizeApostrophes(unknown.text))
      report({message: messageFor(unknown.text, expected), start: unknown.start, end: unknown.end, actual: unknown.text, expected})
    }
    /** Reports the unknown parts of word token `index`. */
    const checkWord = (tokens: BlockTokens, index: number, hyphenAfter: boolean): void => {
      const text = tokens.texts[index]!
      // Most words hold no punctuation, and are judged by their text alone.
      if (isSinglePieceWord(text)) {
        if (!verdicts.isUnknownPlainWord(text, hyphenAfter)) return
        reportUnknown({text, start: tokens.starts[index]!, end: tokens.ends[index]!, beforeHyphen: hyphenAfter})
        return
      }
      const word = checkedWord(wordPieces(tokens, index), hyphenAfter)
      if (!word || isAccepted(normalizeApostrophes(word.text), accepted)) return
      for (const part of word.parts) {
        const unknown = verdicts.unknownWord(part)
        if (unknown) reportUnknown(unknown)
      }
    }
    return {
      block(block) {
        // Latin words inside Chinese blocks are mostly names, brands and code: only English blocks are checked.
        const tokens = block.tokens
        if (!tokens || block.language !== 'en') return
        const types = tokens.types
        for (let index = 0; index < tokens.length; index++) {
          if (types[index] === TokenType.Word) checkWord(tokens, index, isFollowedByHyphen(tokens, index))
        }
      },
      paragraphs: false,
    }
  },
)
