/**
 * Re-ranks nspell's suggestions by the most common kinds of typing error.
 * nspell orders short words poorly (`teh` → `ten`, `eh`, … `the` ninth;
 * `thier` → `thief` before `their`). Two swapped neighbours, a dropped
 * letter and a stray letter are the typos people make most, so suggestions
 * that undo one of them move to the front; the rest keep nspell's order.
 * For a lower-case word, capitalised names and abbreviations (`Te`, `Th`)
 * stay behind the lower-case words, as nspell itself ranks them.
 *
 * Suggestions are stored between runs: a change to what this returns must
 * bump `suggestionFormat` in `suggestion-store.ts`.
 */

/** Whether `b` is `a` with two neighbouring letters swapped (`teh` → `the`). */
export function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let first = 0
  while (first < a.length && a[first] === b[first]) first++
  if (first >= a.length - 1) return false
  return a[first] === b[first + 1] && a[first + 1] === b[first] && a.slice(first + 2) === b.slice(first + 2)
}

/** Whether `b` is `a` with one letter added (`wich` → `which`; reversed, `Ministery` → `Ministry`). */
export function isOneLetterLonger(a: string, b: string): boolean {
  if (b.length !== a.length + 1) return false
  let index = 0
  while (index < a.length && a[index] === b[index]) index++
  return a.slice(index) === b.slice(index + 1)
}

/** 0 for a swap, 1 for a dropped or a stray letter, 2 for anything else. */
function typoKind(word: string, suggestion: string): number {
  const a = word.toLowerCase()
  const b = suggestion.toLowerCase()
  if (isTransposition(a, b)) return 0
  return isOneLetterLonger(a, b) || isOneLetterLonger(b, a) ? 1 : 2
}

/** 1 when a lower-case word gets a suggestion with capitals, else 0. */
function caseMismatch(word: string, suggestion: string): number {
  return word === word.toLowerCase() && suggestion !== suggestion.toLowerCase() ? 1 : 0
}

/**
 * nspell's suggestions, swaps first, then dropped and stray letters, then
 * the rest, each group in nspell's order; for a lower-case word, suggestions
 * with capitals come after all lower-case ones.
 * @param word The unknown word.
 * @param suggestions nspell's suggestions, best first.
 */
export function rankSuggestions(word: string, suggestions: readonly string[]): string[] {
  return suggestions
    .map((suggestion, index) => ({suggestion, index, kind: caseMismatch(word, suggestion) * 3 + typoKind(word, suggestion)}))
    .sort((left, right) => left.kind - right.kind || left.index - right.index)
    .map((entry) => entry.suggestion)
}
