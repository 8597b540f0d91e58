/**
 * spelling: English words that neither the dictionary (nspell with
 * dictionary-en), bilint's term list, the pinyin syllable table nor the
 * project's words know, with nspell's suggestions for the first ones of
 * each file.
 */
import {forEachWord} from '../../src/document/walk.js'
import type {DocumentIndex} from '../../src/document/types.js'
import {defineRule, ruleUrl} from '../../src/engine/rule.js'
import {spellChecker, type SpellChecker} from './checker.js'
import type {Locale} from './dictionary-store.js'
import {normalizeApostrophes, shippedWordList, WordList} from './word-list.js'
import {
  checkedWord,
  hasInnerCapital,
  isAcronym,
  isFollowedByHyphen,
  isSuggestable,
  possessiveStem,
  type WordPart,
} from './words.js'

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
}

let lastAccepted: {projectWords: readonly string[]; ignore: readonly string[]; accepted: AcceptedWords} | undefined

/** The accepted words of a configuration, rebuilt only when it changes. */
function acceptedWords(projectWords: readonly string[], ignore: readonly string[]): AcceptedWords {
  if (lastAccepted?.projectWords === projectWords && lastAccepted.ignore === ignore) return lastAccepted.accepted
  const accepted = {project: new WordList(projectWords), ignored: new Set(ignore.map(normalizeApostrophes))}
  lastAccepted = {projectWords, ignore, accepted}
  return accepted
}

/** Whether the configuration accepts `word` (apostrophes normalised). */
function isAccepted(word: string, accepted: AcceptedWords): boolean {
  return accepted.ignored.has(word) || accepted.project.has(word)
}

/** Whether the rule leaves a word alone without asking the dictionary. */
function isExempt(word: string, part: WordPart, accepted: AcceptedWords): boolean {
  if (isAcronym(word) || hasInnerCapital(word) || isAccepted(word, accepted)) return true
  return part.beforeHyphen && shippedWordList('en-prefixes.txt').has(word)
}

/**
 * The unknown word in a part, or null when the part is fine. A possessive
 * whose whole form is unknown is judged by its stem (`EU's` by `EU`), and
 * the stem is what gets reported.
 */
function unknownWord(part: WordPart, accepted: AcceptedWords, checker: SpellChecker): WordPart | null {
  const word = normalizeApostrophes(part.text)
  if (isExempt(word, part, accepted) || checker.isKnown(word)) return null
  const stem = possessiveStem(part)
  if (!stem) return part
  const stemWord = normalizeApostrophes(stem.text)
  return isExempt(stemWord, stem, accepted) || checker.isKnown(stemWord) ? null : stem
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
  {
    id: 'spelling',
    description: 'Unknown English word: a typo, or a term the dictionary lacks',
    type: 'suggestion',
    languages: ['en'],
    fixable: 'never',
    defaultSeverity: 'warn',
    schema: {
      type: 'object',
      properties: {
        maxSuggestions: {type: 'integer', minimum: 0},
        locale: {enum: ['en-US', 'en-GB']},
        ignore: {type: 'array', items: {type: 'string', minLength: 1}, uniqueItems: true},
      },
      additionalProperties: false,
    },
    url: ruleUrl('spelling'),
    presets: ['recommended', 'zh-typography'],
  },
  {maxSuggestions: 30, locale: 'en-US', ignore: []},
  ({index, options, projectWords, report}) => {
    if (!isCheckedDocument(index)) return
    const accepted = acceptedWords(projectWords, options.ignore)
    const checker = spellChecker(options.locale)
    const budget = new SuggestionBudget(options.maxSuggestions, checker)
    return {
      block(block) {
        // Latin words inside Chinese blocks are mostly names, brands and code: only English blocks are checked.
        if (!block.paragraph || block.language !== 'en') return
        forEachWord(block.paragraph, (node, sentence, position) => {
          const word = checkedWord(node, isFollowedByHyphen(sentence, position))
          if (!word || isAccepted(normalizeApostrophes(word.text), accepted)) return
          for (const part of word.parts) {
            const unknown = unknownWord(part, accepted, checker)
            if (!unknown) continue
            const expected = budget.suggestionsFor(normalizeApostrophes(unknown.text))
            report({message: messageFor(unknown.text, expected), start: unknown.start, end: unknown.end, actual: unknown.text, expected})
          }
        })
      },
    }
  },
)
