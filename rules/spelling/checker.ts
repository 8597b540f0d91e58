/**
 * The spell checker the rule asks: nspell's dictionary, bilint's term list
 * and romanised Chinese names, with per-process caches of verdicts and
 * suggestions. The dictionary is loaded on the first word that is not in the
 * verdict cache, once per process and locale. Suggestions are also kept
 * between runs, beside the dictionary cache ({@link SuggestionStore}).
 */
import {dirname, join} from 'node:path'
import type NSpell from 'nspell'
import {onCacheFlush} from '../../src/engine/cache-flush.js'
import {loadSpeller, type LoadedSpeller, type Locale} from './dictionary-store.js'
import {isPinyinName} from './pinyin.js'
import {rankSuggestions} from './ranking.js'
import {SortedWords} from './sorted-words.js'
import {Suggester, type SpellerRules} from './suggest.js'
import {SuggestionStore} from './suggestion-store.js'
import {shippedWordList} from './word-list.js'

/** Suggestions kept for one word (`expected[]`), best first. */
export const maxExpected = 5

/** Entries a cache holds before it is emptied, so a long-running editor session stays bounded. */
const maxCacheEntries = 100_000

/** Verdicts and suggestions for one locale, shared by every file the process lints. */
export class SpellChecker {
  private loaded: LoadedSpeller | undefined
  private suggester: Suggester | undefined
  private readonly verdicts = new Map<string, boolean>()
  private readonly suggestionCache = new Map<string, readonly string[]>()
  /** The suggestions kept between runs: undefined before the first suggestion, null without a cache folder. */
  private store: SuggestionStore | null | undefined

  /**
   * @param locale The dictionary's locale.
   * @param load Loads the speller (default: {@link loadSpeller} with its default cache).
   */
  constructor(
    readonly locale: Locale,
    private readonly load: (locale: Locale) => LoadedSpeller = (locale) => loadSpeller(locale),
  ) {}

  /** How the speller was loaded, or undefined before the first lookup that needed it. */
  get loadInfo(): LoadedSpeller | undefined {
    return this.loaded
  }

  /** The speller, loaded on first use. */
  private speller(): NSpell {
    return (this.loaded ??= this.load(this.locale)).spell
  }

  /** The suggester, built on the first suggestion (it splits the word list into an array). */
  private suggesterOf(): Suggester {
    if (!this.suggester) {
      this.speller()
      const loaded = this.loaded!
      this.suggester = new Suggester(loaded.spell as unknown as SpellerRules, new SortedWords(loaded.lexicon))
    }
    return this.suggester
  }

  /**
   * Whether the dictionary, bilint's term list (`dictionaries/en-terms.txt`)
   * or the pinyin syllable table accepts `word`.
   * @param word A word of ASCII letters and apostrophes, apostrophes normalised to `'`.
   */
  isKnown(word: string): boolean {
    const cached = this.verdicts.get(word)
    if (cached !== undefined) return cached
    const verdict = shippedWordList('en-terms.txt').has(word) || this.speller().correct(word) || isPinyinName(word)
    if (this.verdicts.size >= maxCacheEntries) this.verdicts.clear()
    this.verdicts.set(word, verdict)
    return verdict
  }

  /**
   * nspell's suggestions for an unknown word (computed by {@link Suggester}), re-ranked by typo kind
   * (`rankSuggestions`), at most {@link maxExpected}. Callers keep away the
   * tokens nspell is slow on (see `isSuggestable`).
   * @param word The unknown word.
   */
  suggest(word: string): readonly string[] {
    if (this.store === undefined) this.openStore()
    const cached = this.suggestionCache.get(word)
    if (cached) return cached
    const suggestions = rankSuggestions(word, this.suggesterOf().suggest(word)).slice(0, maxExpected)
    if (this.suggestionCache.size >= maxCacheEntries) this.suggestionCache.clear()
    this.suggestionCache.set(word, suggestions)
    this.store?.record(word, suggestions)
    return suggestions
  }

  /**
   * Opens the suggestions kept between runs (in the dictionary cache's
   * folder, none when the dictionary is not cached) and reads them into the
   * suggestion cache; they are written after each batch of files.
   */
  private openStore(): void {
    this.speller()
    const {cacheFile, key} = this.loaded!
    if (cacheFile === null) {
      this.store = null
      return
    }
    const store = (this.store = new SuggestionStore(join(dirname(cacheFile), `spelling-suggestions-${key.dictionary}.txt`), {dictionary: key.dictionary, nspell: key.nspell}))
    for (const [word, suggestions] of store.read()) if (!this.suggestionCache.has(word)) this.suggestionCache.set(word, suggestions)
    onCacheFlush(() => store.flush())
  }
}

const checkers = new Map<Locale, SpellChecker>()

/**
 * The process's checker for a locale.
 * @param locale The locale.
 */
export function spellChecker(locale: Locale): SpellChecker {
  let checker = checkers.get(locale)
  if (!checker) checkers.set(locale, (checker = new SpellChecker(locale)))
  return checker
}
