/**
 * Spelling suggestions with the same output as nspell 2's `suggest()`, in a
 * fraction of its time.
 *
 * nspell generates every string one edit away from the word (a letter
 * removed, swapped, added or replaced, in upper and lower case) and looks each
 * one up; when none is a word, it does the same again from each of those
 * strings, a batch at a time. A word such as `dashboa` costs it hundreds of
 * thousands of lookups. This port runs the same generation in the same order,
 * so the suggestions, their weights and their ranking are the same, but it
 * walks the sorted word list alongside: a candidate whose beginning no word
 * shares is never built or looked up, and a string whose first letters no
 * word begins with yields nothing past them.
 *
 * The shortcut is exact only when nothing but the word list can accept a
 * candidate. Where the dictionary's compound rules could (`21st`, from the
 * digits that start them), or the word or the dictionary's `TRY` letters are
 * not plain ASCII (so that changing case is not one character for one), the
 * candidate is looked up as nspell does.
 *
 * Suggestions are stored between runs: a change to what this returns must
 * bump `suggestionFormat` in `suggestion-store.ts`.
 */
import type {SortedWords, WordRange} from './sorted-words.js'

/** What nspell's affix parser sets on an instance and `suggest()` reads. */
export interface SpellerRules {
  /** Affix flags: `KEY` and `TRY` lists, flag values such as `NOSUGGEST`, `COMPOUNDMIN`. */
  flags: Readonly<Record<string, unknown>>
  /** `ICONV` (`in`) and `OCONV` (`out`) patterns. */
  conversion: {in: ReadonlyArray<readonly [RegExp, string]>; out: ReadonlyArray<readonly [RegExp, string]>}
  /** `REP` pairs: text and its replacement. */
  replacementTable: ReadonlyArray<readonly [string, string]>
  /** Compound rules, as nspell compiles them once a dictionary is added. */
  compoundRules: readonly RegExp[]
}

/** Letter case of a string, as nspell reads it: `l`ower, `u`pper, `s`entence, or null for mixed. */
type Casing = 'l' | 'u' | 's' | null

/** Whether a string is all lower case (`l`), all upper case (`u`) or neither. */
function caseOf(value: string): 'l' | 'u' | null {
  return value === value.toLowerCase() ? 'l' : value === value.toUpperCase() ? 'u' : null
}

/** nspell's `casing()`. */
function casing(value: string): Casing {
  const head = caseOf(value.charAt(0))
  const rest = value.slice(1)
  if (!rest) return head
  const tail = caseOf(rest)
  if (head === tail) return head
  return head === 'u' && tail === 'l' ? 's' : null
}

/** A conversion pattern, with the one character it needs when it is a single literal character. */
interface Conversion {
  pattern: RegExp
  replacement: string
  /** The pattern's character, when the pattern is that character alone: elsewhere it cannot match. */
  only: string | null
}

/** Conversion patterns ready for {@link convert}. */
function conversions(patterns: ReadonlyArray<readonly [RegExp, string]>): Conversion[] {
  return patterns.map(([pattern, replacement]) => ({
    pattern,
    replacement,
    only: pattern.source.length === 1 && !/[\\^$.*+?()[\]{}|]/.test(pattern.source) ? pattern.source : null,
  }))
}

/** Applies conversion patterns in order (nspell's `normalize()`). */
function convert(value: string, patterns: readonly Conversion[]): string {
  for (let index = 0; index < patterns.length; index++) {
    const {pattern, replacement, only} = patterns[index]!
    if (only === null || value.includes(only)) value = value.replace(pattern, replacement)
  }
  return value
}

/** The first letter's case flipped, the rest kept. */
function switchCase(fragment: string): string {
  const first = fragment.charAt(0)
  return (first.toLowerCase() === first ? first.toUpperCase() : first.toLowerCase()) + fragment.slice(1)
}

/** Printable ASCII without space: one character per code unit, case changes one for one. */
const plainAscii = /^[\x21-\x7e]*$/

/**
 * Characters one of which every string a compound rule accepts contains (the
 * first characters of its first required part), upper and lower case; null
 * when that cannot be told from the rule.
 * @param rule A compound rule as nspell compiles it: groups `(?:a|b)` or single characters, each maybe followed by `*` or `?`.
 */
export function compoundTriggers(rule: RegExp | string): Set<string> | null {
  const source = typeof rule === 'string' ? rule : rule.source
  const token = /\(\?:([^()]*)\)|([^()*?|\\[\]{}.+^$])/gy
  token.lastIndex = 0
  while (token.lastIndex < source.length) {
    const match = token.exec(source)
    if (!match) return null
    const quantifier = source.charAt(token.lastIndex)
    if (quantifier === '*' || quantifier === '?') {
      token.lastIndex++
      continue
    }
    const alternatives = match[1] === undefined ? [match[2]!] : match[1].split('|')
    if (alternatives.some((alternative) => alternative === '' || /[\\[\]{}.+*?^$]/.test(alternative))) return null
    const triggers = new Set<string>()
    for (const alternative of alternatives) {
      triggers.add(alternative.charAt(0).toLowerCase())
      triggers.add(alternative.charAt(0).toUpperCase())
    }
    return triggers
  }
  // Every part is optional: the rule can accept anything.
  return null
}

/** State of one `suggest()` call, shared by its generation rounds. */
interface Memory {
  /** Candidate → true (a suggestion) or false (a word that is never suggested); absent when not a word. */
  state: Map<string, boolean>
  /** Suggestion → weight. */
  weighted: Map<string, number>
  /** Suggestions, in the order found. */
  suggestions: string[]
}

/** The strings nspell's first round checked, listed after that round found no suggestion. */
interface FirstLevel {
  /** The strings, in order. */
  strings: string[]
  /** Words (never suggested ones: the round found no other) already listed. */
  listedWords: Set<string>
}

/**
 * Lists a string as nspell's first round does: a string that is not a word
 * each time it was checked, a word only the first time.
 * @param list The list.
 * @param memory The first round's state: its words are the strings it found.
 * @param value The string.
 */
function listString(list: FirstLevel, memory: Memory, value: string): void {
  if (memory.state.has(value)) {
    if (list.listedWords.has(value)) return
    list.listedWords.add(value)
  }
  list.strings.push(value)
}

/** nspell's suggestions over a sorted word list. */
export class Suggester {
  private readonly keyboard: readonly string[]
  private readonly tryCharacters: readonly string[]
  private readonly compoundMinimum: number
  /** Characters whose presence lets a compound rule accept a string; null when any string may be accepted. */
  private readonly triggers: ReadonlySet<string> | null
  /** Whether the `TRY` letters allow the shortcut at all. */
  private readonly tryIsPlain: boolean
  /** `ICONV` patterns. */
  private readonly conversionIn: readonly Conversion[]
  /** Bits of the ASCII characters in {@link triggers}. */
  private readonly asciiTriggers = new Uint8Array(128)

  /**
   * @param rules The nspell instance's affix data.
   * @param words Its word list, sorted, with lookup flags.
   */
  constructor(
    private readonly rules: SpellerRules,
    private readonly words: SortedWords,
  ) {
    this.keyboard = (rules.flags.KEY as string[] | undefined) ?? []
    this.tryCharacters = (rules.flags.TRY as string[] | undefined) ?? []
    this.compoundMinimum = Number(rules.flags.COMPOUNDMIN)
    let triggers: Set<string> | null = new Set()
    for (const rule of rules.compoundRules) {
      const ruleTriggers = compoundTriggers(rule)
      if (!ruleTriggers) triggers = null
      else if (triggers) for (const character of ruleTriggers) triggers.add(character)
    }
    this.triggers = triggers
    for (const character of triggers ?? []) if (character.charCodeAt(0) < 128) this.asciiTriggers[character.charCodeAt(0)] = 1
    this.conversionIn = conversions(rules.conversion.in)
    const tryText = this.tryCharacters.join('')
    // Input conversions must be unable to touch an ASCII candidate: single non-ASCII characters only.
    const conversionsSafe = rules.conversion.in.every(([pattern]) => /^[^\x00-\x7f]$/.test(pattern.source))
    this.tryIsPlain = conversionsSafe && plainAscii.test(tryText) && !this.hasTrigger(tryText)
  }

  /** Whether `value` holds a character that could let a compound rule accept it. */
  private hasTrigger(value: string): boolean {
    if (this.triggers === null) return this.rules.compoundRules.length > 0
    for (let index = 0; index < value.length; index++) {
      const code = value.charCodeAt(index)
      if (code < 128 ? this.asciiTriggers[code] === 1 : this.triggers.has(value.charAt(index))) return true
    }
    return false
  }

  /** nspell's `flag()`: whether a word's entry carries the flag `name`. */
  private hasFlag(name: string, entry: readonly string[] | undefined): boolean {
    const value = this.rules.flags[name]
    return entry !== undefined && value !== undefined && entry.includes(value as string)
  }

  /** nspell's `exact()`. */
  private exact(value: string): boolean {
    const entry = this.words.entry(value)
    if (entry) return !this.hasFlag('ONLYINCOMPOUND', entry)
    if (value.length >= this.compoundMinimum && this.hasTrigger(value)) {
      for (const rule of this.rules.compoundRules) if (rule.test(value)) return true
    }
    return false
  }

  /** nspell's `form()` (without `all`): the known form of `value`, or null. */
  private form(value: string): string | null {
    let normal = value.trim()
    if (!normal) return null
    normal = convert(normal, this.conversionIn)
    if (this.exact(normal)) return this.hasFlag('FORBIDDENWORD', this.words.entry(normal)) ? null : normal
    // In lower case already, neither other spelling differs from it (the usual candidate: skip building them).
    if (normal.toLowerCase() === normal) return null
    if (normal.toUpperCase() === normal) {
      const alternative = normal.charAt(0) + normal.slice(1).toLowerCase()
      if (this.ignores(alternative)) return null
      if (this.exact(alternative)) return alternative
    }
    const alternative = normal.toLowerCase()
    if (alternative !== normal) {
      if (this.ignores(alternative)) return null
      if (this.exact(alternative)) return alternative
    }
    return null
  }

  /** nspell's `ignore()` (without `all`). */
  private ignores(word: string): boolean {
    const entry = this.words.entry(word)
    return this.hasFlag('KEEPCASE', entry) || this.hasFlag('FORBIDDENWORD', entry)
  }

  /**
   * Whether nspell accepts `value` (nspell's `correct()`).
   * @param value A word.
   */
  correct(value: string): boolean {
    return this.form(value) !== null
  }

  /**
   * nspell's suggestions for `value`, best first; none for a known word.
   * @param value The word.
   */
  suggest(value: string): string[] {
    value = convert(value.trim(), this.conversionIn)
    if (!value || this.correct(value)) return []
    const currentCase = casing(value)
    const edits: string[] = []

    // The replacement table.
    for (const [from, to] of this.rules.replacementTable) {
      let offset = value.indexOf(from)
      while (offset > -1) {
        edits.push(value.replace(from, to))
        offset = value.indexOf(from, offset + 1)
      }
    }

    // Neighbouring keys.
    for (let index = 0; index < value.length; index++) {
      const character = value.charAt(index)
      const before = value.slice(0, index)
      const after = value.slice(index + 1)
      const insensitive = character.toLowerCase()
      const upper = insensitive !== character
      const added = new Set<string>()
      for (const group of this.keyboard) {
        const position = group.indexOf(insensitive)
        if (position < 0) continue
        for (let other = 0; other < group.length; other++) {
          if (other === position) continue
          let otherCharacter = group.charAt(other)
          if (added.has(otherCharacter)) continue
          added.add(otherCharacter)
          if (upper) otherCharacter = otherCharacter.toUpperCase()
          edits.push(before + otherCharacter + after)
        }
      }
    }

    // A doubled letter dropped or added, up to three places.
    let values = ['']
    let max = 1
    let distance = 0
    let nextCharacter = value.charAt(0)
    for (let index = 0; index < value.length; index++) {
      const character = nextCharacter
      nextCharacter = value.charAt(index + 1)
      const replacement = character === nextCharacter ? '' : character + character
      const count = values.length
      for (let offset = 0; offset < count; offset++) {
        if (offset <= max) values.push(values[offset] + replacement)
        values[offset] += character
      }
      if (++distance < 3) max = values.length
    }
    edits.push(...values)

    // The word as written, capitalised and in capitals.
    values = [value]
    const lower = value.toLowerCase()
    if (value === lower || currentCase === null) values.push(value.charAt(0).toUpperCase() + lower.slice(1))
    const upperValue = value.toUpperCase()
    if (value !== upperValue) values.push(upperValue)

    const memory: Memory = {state: new Map(), weighted: new Map(), suggestions: []}
    for (const edit of edits) this.check(memory, edit, true)
    for (const word of values) this.editsOf(word, memory, null)

    // Nothing one edit away: try two edits away from each string the first round checked, a batch at a time.
    if (memory.suggestions.length === 0) {
      // nspell keeps the strings it checked; this round checked few, so they are listed now, in nspell's order.
      const firstLevel: FirstLevel = {strings: [], listedWords: new Set()}
      for (const edit of edits) listString(firstLevel, memory, edit)
      for (const word of values) this.editsOf(word, memory, firstLevel)
      let previous = 0
      max = Math.min(firstLevel.strings.length, Math.pow(Math.max(15 - value.length, 3), 3))
      const size = Math.max(Math.pow(10 - value.length, 3), 1)
      while (memory.suggestions.length === 0 && previous < max) {
        const next = previous + size
        for (const word of firstLevel.strings.slice(previous, next)) this.editsOf(word, memory, null)
        previous = next
      }
    }

    const {weighted} = memory
    const weight = (word: string): number => weighted.get(word)!
    const byCasing = (a: string, b: string): number => {
      const left = casing(a)
      const right = casing(b)
      return left === right ? 0 : left === currentCase ? -1 : right === currentCase ? 1 : 0
    }
    memory.suggestions.sort(
      (a, b) => (weight(a) === weight(b) ? 0 : weight(a) > weight(b) ? -1 : 1) || byCasing(a, b) || a.localeCompare(b),
    )

    const suggestions: string[] = []
    const seen = new Set<string>()
    for (const found of memory.suggestions) {
      const suggestion = convert(found, conversions(this.rules.conversion.out))
      const folded = suggestion.toLowerCase()
      if (seen.has(folded)) continue
      seen.add(folded)
      suggestions.push(suggestion)
    }
    return suggestions
  }

  /**
   * Checks a candidate as nspell's `generate()` does: a word not marked
   * NOSUGGEST becomes a suggestion, weighted 10 when it comes from `edits`,
   * and gains a point each time it is generated again.
   * @param memory The call's state.
   * @param value The candidate.
   * @param double Whether it is one of the pre-generated edits.
   */
  private check(memory: Memory, value: string, double: boolean): void {
    let state = memory.state.get(value)
    if (state === undefined) {
      const corrected = this.form(value)
      // nspell stores null for a string that is not a word, which reads as unchecked: not storing it is the same.
      if (corrected === null) return
      state = !this.hasFlag('NOSUGGEST', this.words.entry(corrected))
      memory.state.set(value, state)
      if (state) {
        memory.weighted.set(value, double ? 10 : 0)
        memory.suggestions.push(value)
      }
    }
    if (state) memory.weighted.set(value, memory.weighted.get(value)! + 1)
  }

  /**
   * The strings one edit away from `word`, in nspell's order (a case flip,
   * a letter removed, two swapped, each `TRY` letter added or put in place,
   * at every position). Without `list`, each is checked, skipping those no
   * word can begin as; with `list`, none is checked and each is listed as
   * nspell lists the strings it checked (see {@link listString}).
   * @param word The string to edit.
   * @param memory The call's state.
   * @param list Where to list the strings, or null to check them.
   */
  private editsOf(word: string, memory: Memory, list: FirstLevel | null): void {
    const guide = list === null && this.tryIsPlain && plainAscii.test(word) && !this.hasTrigger(word) ? new PrefixGuide(this.words) : null
    const offer = (candidate: string): void => {
      if (list === null) this.check(memory, candidate, false)
      else listString(list, memory, candidate)
    }
    const characters = this.tryCharacters
    let before = ''
    let character = ''
    let nextCharacter = word.charAt(0)
    let nextAfter = word
    let nextNextAfter = word.slice(1)
    let nextUpper = nextCharacter.toLowerCase() !== nextCharacter
    const currentCase = casing(word)

    // Every position, the end included.
    for (let position = 0; position <= word.length; position++) {
      before += character
      // No word begins with `before`: nothing from here on can be one.
      if (guide && position > 0 && !guide.extend(character)) break
      const after = nextAfter
      nextAfter = nextNextAfter
      nextNextAfter = nextAfter.slice(1)
      character = nextCharacter
      nextCharacter = word.charAt(position + 1)
      const upper = nextUpper
      if (nextCharacter) nextUpper = nextCharacter.toLowerCase() !== nextCharacter

      // A case flip, a removal, a swap: looked up only when some word begins with `before` and the next character.
      if (nextAfter && upper !== nextUpper) {
        const flipped = switchCase(nextAfter)
        if (!guide || guide.allows(flipped.charCodeAt(0))) offer(before + flipped)
        const swapped = switchCase(nextCharacter)
        if (!guide || guide.allows(swapped.charCodeAt(0))) offer(before + swapped + switchCase(character) + nextNextAfter)
      }
      if (!guide || guide.allows(nextAfter.charCodeAt(0))) offer(before + nextAfter)
      if (nextAfter && (!guide || guide.allows(nextCharacter.charCodeAt(0)))) offer(before + nextCharacter + character + nextNextAfter)

      // Each letter added before `after`, and in place of its first character.
      for (let offset = 0; offset < characters.length; offset++) {
        let inject = characters[offset]!
        if (upper && inject !== inject.toUpperCase()) {
          if (currentCase !== 's' && (!guide || guide.allows(inject.charCodeAt(0)))) {
            offer(before + inject + after)
            offer(before + inject + nextAfter)
          }
          inject = inject.toUpperCase()
        }
        if (!guide || guide.allows(inject.charCodeAt(0))) {
          offer(before + inject + after)
          offer(before + inject + nextAfter)
        }
      }
    }
  }
}

/**
 * The words that could accept a candidate beginning with a given ASCII
 * prefix, under each spelling `form()` tries: as written, in lower case,
 * and (for a word in capitals) first letter kept and the rest lower case.
 */
class PrefixGuide {
  private depth = 0
  private readonly asWritten: WordRange
  private readonly lowerCase: WordRange
  private readonly sentenceCase: WordRange
  /** Bits of the ASCII characters that may follow the prefix, worked out on first need at each depth. */
  private readonly marks = new Uint32Array(4)
  private marked = false

  /** @param words The word list. */
  constructor(private readonly words: SortedWords) {
    this.asWritten = words.all()
    this.lowerCase = words.all()
    this.sentenceCase = words.all()
  }

  /**
   * Adds a character to the prefix; returns whether any word still begins with it.
   * @param character One ASCII character.
   */
  extend(character: string): boolean {
    const code = character.charCodeAt(0)
    const lower = lowerCode(code)
    this.words.narrow(this.asWritten, this.depth, code)
    this.words.narrow(this.lowerCase, this.depth, lower)
    this.words.narrow(this.sentenceCase, this.depth, this.depth === 0 ? code : lower)
    this.depth++
    this.marked = false
    return this.hasWords()
  }

  /** Whether a word begins with the prefix under one of the spellings. */
  private hasWords(): boolean {
    return !isEmpty(this.asWritten) || !isEmpty(this.lowerCase) || !isEmpty(this.sentenceCase)
  }

  /**
   * Whether some word begins with the prefix followed by the character `code`, under one of the spellings.
   * @param code An ASCII code unit, or NaN past the end of the candidate.
   */
  allows(code: number): boolean {
    if (Number.isNaN(code)) return this.hasWords()
    if (!this.marked) this.markNext()
    // The marks join the three spellings, so this may let through a candidate none accepts, never the reverse.
    const marks = this.marks
    const lower = lowerCode(code)
    return (marks[code >>> 5]! & (1 << (code & 31))) !== 0 || (marks[lower >>> 5]! & (1 << (lower & 31))) !== 0
  }

  /** Marks the characters that follow the prefix in the words of each spelling. */
  private markNext(): void {
    this.marks.fill(0)
    const {asWritten, lowerCase, sentenceCase} = this
    this.words.markNextCharacters(asWritten, this.depth, this.marks)
    if (!sameRange(lowerCase, asWritten)) this.words.markNextCharacters(lowerCase, this.depth, this.marks)
    if (!sameRange(sentenceCase, asWritten) && !sameRange(sentenceCase, lowerCase)) this.words.markNextCharacters(sentenceCase, this.depth, this.marks)
    this.marked = true
  }
}

/** Whether two ranges are the same. */
function sameRange(left: WordRange, right: WordRange): boolean {
  return left.low === right.low && left.high === right.high
}

/** Whether a range holds no word. */
function isEmpty(range: WordRange): boolean {
  return range.low >= range.high
}

/** The lower-case form of an ASCII code unit. */
function lowerCode(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code
}
