/**
 * Builds adversarial inputs for a regular expression and times it on them.
 *
 * Inputs are made from the regex's own pieces: runs of characters that its
 * classes and escapes accept, runs of its literal strings, runs of pairs of
 * neighbouring pieces and of the text that walks its first pieces, each after
 * a prefix that walks into the pattern and before a character that makes the
 * match fail. A regex that backtracks over such runs takes quadratic time.
 *
 * Each run goes through `vm` with a timeout, which interrupts a regex that
 * runs too long, so a catastrophic pattern fails its test instead of hanging
 * the suite.
 */
import vm from 'node:vm'

/** Characters tried against every class and escape of a regex. */
const baseAlphabet: string[] = [
  ...Array.from({length: 0x7f - 0x20}, (_, index) => String.fromCharCode(0x20 + index)),
  '\t', '\n', '\r', '\v', '\f', '\u0000', '\u0085', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u200b', '\u202e',
  'é', 'Ж', '中', '一', '十', '第', '章', '、', '，', '。', '：', '（', '）', '“', '”', '’', '…', '—', '–', '①', '\u9fff',
  '\ud800', '\udc00', '😀', '𠮷',
]

/** Characters appended to make a match fail at the very end. */
const terminators = ['', '\u0000', '!', 'x', '\n', '1']

/** The pieces of a regex that inputs are made of. */
interface RegexPieces {
  /** Sources of the single-character atoms (classes, escapes, `.`, literal characters), in order. */
  atoms: string[]
  /** Literal strings of two or more characters. */
  literals: string[]
}

/** The character an escape such as `\.`, `\n` or `\u4e00` stands for. */
function escapedCharacter(escape: string): string {
  const kind = escape[1]!
  if (kind === 'u' && escape[2] === '{') return String.fromCodePoint(parseInt(escape.slice(3, -1), 16))
  if (kind === 'u') return String.fromCharCode(parseInt(escape.slice(2), 16))
  if (kind === 'x') return String.fromCharCode(parseInt(escape.slice(2), 16))
  const controls: Record<string, string> = {n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0'}
  return controls[kind] ?? kind
}

/**
 * Splits a regex source into atoms and literal strings. Group syntax,
 * anchors, alternation and quantifiers are dropped; a quantified character
 * ends the literal string it was part of.
 * @param source The pattern.
 */
export function piecesOf(source: string): RegexPieces {
  const atoms: string[] = []
  const literals: string[] = []
  let literal = ''
  const flush = (): void => {
    if (literal.length >= 2) literals.push(literal)
    literal = ''
  }
  let index = 0
  while (index < source.length) {
    const character = source[index]!
    if (character === '\\') {
      const kind = source[index + 1] ?? ''
      let escape: string
      if ((kind === 'p' || kind === 'P' || kind === 'k') || (kind === 'u' && source[index + 2] === '{')) {
        const end = source.indexOf(kind === 'k' ? '>' : '}', index)
        escape = source.slice(index, end + 1)
      } else if (kind === 'u') {
        escape = source.slice(index, index + 6)
      } else if (kind === 'x') {
        escape = source.slice(index, index + 4)
      } else if (kind === 'c') {
        escape = source.slice(index, index + 3)
      } else {
        escape = source.slice(index, index + 2)
      }
      index += escape.length
      if (kind === 'b' || kind === 'B' || kind === 'k' || /[1-9]/.test(kind)) {
        flush()
        continue
      }
      atoms.push(escape)
      if (/[dDwWsSpP]/.test(kind)) flush()
      else literal += escapedCharacter(escape)
      continue
    }
    if (character === '[') {
      let end = index + 1
      if (source[end] === '^') end++
      if (source[end] === ']') end++
      while (end < source.length && source[end] !== ']') end += source[end] === '\\' ? 2 : 1
      atoms.push(source.slice(index, end + 1))
      flush()
      index = end + 1
      continue
    }
    if (character === '(') {
      const group = /^\((?:\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>))?/.exec(source.slice(index))!
      index += group[0].length
      flush()
      continue
    }
    if (character === '*' || character === '+' || character === '?' || (character === '{' && /^\{\d+(?:,\d*)?\}/.test(source.slice(index)))) {
      // The quantified character does not belong to the literal string before it.
      literal = literal.slice(0, -1)
      flush()
      index += character === '{' ? /^\{\d+(?:,\d*)?\}/.exec(source.slice(index))![0].length : 1
      if (source[index] === '?') index++
      continue
    }
    if (character === ')' || character === '|' || character === '^' || character === '$') {
      flush()
      index++
      continue
    }
    if (character === '.') {
      atoms.push('.')
      flush()
      index++
      continue
    }
    const point = String.fromCodePoint(source.codePointAt(index)!)
    atoms.push(point.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'))
    literal += point
    index += point.length
  }
  flush()
  return {atoms, literals}
}

/** Up to three characters an atom accepts, as different from each other as the alphabet allows. */
function representatives(atom: string, flags: string, alphabet: readonly string[]): string[] {
  let test: RegExp
  try {
    test = new RegExp(`^(?:${atom})$`, flags.replace(/[gy]/g, ''))
  } catch {
    return []
  }
  const accepted = alphabet.filter((character) => test.test(character))
  const picks = new Set<string>()
  const first = (predicate: (character: string) => boolean): void => {
    const found = accepted.find((character) => predicate(character) && !picks.has(character))
    if (found !== undefined) picks.add(found)
  }
  first(() => true)
  first((character) => /\s/.test(character))
  first((character) => character.charCodeAt(0) > 0x7f)
  first(() => true)
  return [...picks].slice(0, 3)
}

/** One adversarial input, described for messages. */
export interface ProbeInput {
  /** Short description: prefix, pumped unit and terminator, JSON-quoted. */
  description: string
  /** Builds the input at a given length. */
  build(length: number): string
}

/**
 * Adversarial inputs for a regex.
 * @param source The pattern.
 * @param flags Its flags.
 */
export function adversarialInputs(source: string, flags: string): ProbeInput[] {
  const {atoms, literals} = piecesOf(source)
  const alphabet = [...new Set([...baseAlphabet, ...[...source].filter((character) => !/[\\^$.*+?()[\]{}|]/.test(character))])]
  const reps = atoms.map((atom) => representatives(atom, flags, alphabet))
  const walk = (count: number): string => reps.slice(0, count).map((choices) => choices[0] ?? '').join('')
  const units = new Set<string>()
  for (const choices of reps) for (const character of choices) units.add(character)
  for (const literal of literals) units.add(literal)
  for (let index = 0; index + 1 < reps.length; index++) {
    for (const second of reps[index + 1]!) if (reps[index]![0] !== undefined) units.add(reps[index]![0]! + second)
  }
  for (let count = 2; count <= Math.min(reps.length, 12); count++) units.add(walk(count))
  units.delete('')
  const prefixes = [...new Set(['', walk(1), walk(Math.ceil(reps.length / 2)), walk(reps.length)])]
  const inputs: ProbeInput[] = []
  for (const unit of units) {
    for (const prefix of prefixes) {
      for (const terminator of terminators) {
        inputs.push({
          description: `${JSON.stringify(prefix)} + ${JSON.stringify(unit)}×n + ${JSON.stringify(terminator)}`,
          build: (length) => {
            const room = Math.max(unit.length, length - prefix.length - terminator.length)
            return prefix + unit.repeat(Math.ceil(room / unit.length)).slice(0, room) + terminator
          },
        })
      }
    }
  }
  return inputs
}

/** Ordinary mixed prose, the benign input. */
export function benignInput(length: number): string {
  const sentence = 'The quick brown fox jumps over the lazy dog; 中文内容，测试。 PM2.5 rose 1.2% in 2023. '
  return sentence.repeat(Math.ceil(length / sentence.length)).slice(0, length)
}

const context = vm.createContext({regex: null as RegExp | null, input: ''})
// A global regex is run the way callers run one (`replace` visits every match); others once.
const script = new vm.Script('regex.lastIndex = 0; regex.global ? input.replace(regex, "") : regex.exec(input); undefined')

/**
 * Milliseconds one run of `regex` on `input` takes, or `Infinity` when it
 * runs past `timeoutMs` (the run is interrupted).
 */
export function timeRegex(regex: RegExp, input: string, timeoutMs: number): number {
  context.regex = regex
  context.input = input
  const started = performance.now()
  try {
    script.runInContext(context, {timeout: timeoutMs})
  } catch (error) {
    if ((error as {code?: string}).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return Infinity
    throw error
  }
  return performance.now() - started
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

/**
 * Whether a regex can only ever read a bounded prefix of its input: anchored
 * at the start (without the `m` flag) and with no unbounded quantifier. Such
 * a regex takes constant time whatever the input; the probe cannot exercise
 * it meaningfully.
 * @param source The pattern.
 * @param flags Its flags.
 */
export function readsBoundedPrefix(source: string, flags: string): boolean {
  if (!source.startsWith('^') || flags.includes('m') || source.includes('|')) return false
  const withoutClasses = source.replace(/\\./g, 'x').replace(/\[[^\]]*\]/g, 'x')
  return !/[*+]|\{\d+,\}/.test(withoutClasses)
}
