/**
 * Every regular expression in `src/` and `rules/` runs in linear time.
 *
 * Regex literals are found by scanning the TypeScript sources; regexes built
 * with `new RegExp(` are listed by hand below (an unlisted one fails the
 * first test). Each regex gets adversarial inputs made of its own pieces
 * (see `regex-probe.ts`): screened at 10,000 characters, then the three
 * slowest at 100,000 characters. A regex fails when it takes more than 20×
 * the time of a benign input of the same size (medians of a few runs; the
 * benign time counts as at least 5 ms, so tiny times do not flake).
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {repoRoot} from '../cli/helpers.js'
import {adversarialInputs, benignInput, median, readsBoundedPrefix, timeRegex, type ProbeInput} from './regex-probe.js'
import {scanRegexes, type FoundRegexConstructor} from './regex-scan.js'

/** Size of the final inputs. */
const fullLength = 100_000

/** Size of the screening inputs. */
const screenLength = 10_000

/** A regex fails when the adversarial median exceeds this many times the benign one. */
const maxRatio = 20

/** The benign time counts as at least this much (ms). */
const floorMs = 5

/** A run is interrupted after this long (ms): by then the regex has failed many times over. */
const runTimeoutMs = 1000

/** Folders whose TypeScript sources (not tests, not fixtures) are scanned. */
const scannedFolders = ['src', 'rules']

/** A regex to probe. */
interface RegexUnderTest {
  /** Where it is and what it is. */
  label: string
  regex: RegExp
  /** For regexes that only ever see some inputs: the characters its inputs are made of. */
  domain?: string
}

/** The regexes `new RegExp(` builds, by file and the text of the call's arguments. */
interface DynamicEntry {
  file: string
  argumentsText: string
  /** The regexes the call builds at run time. */
  regexes: () => RegExp[] | Promise<RegExp[]>
  /** The characters its inputs can hold, when the code never passes it anything else. */
  domain?: string
}

// Copies of the pieces `src/document/numbering.ts` builds its patterns from.
const cnNumeral = '[〇零一二两三四五六七八九十]{1,3}'
const outlineEnd = '(?:\\.(?=\\s|[\\u4e00-\\u9fff])|(?=\\s+[^\\sa-z\\d/(\\[\\-–—|:])|(?=(?![万亿千百倍元吨米个年月日号时分秒岁次])[\\u4e00-\\u9fff]))'

/** The compound rules nspell builds from dictionary-en's `COMPOUNDRULE` lines (what the speller cache stores). */
async function nspellCompoundRules(): Promise<RegExp[]> {
  const {default: nspell} = await import('nspell')
  const {default: dictionary} = await import('dictionary-en')
  const speller = nspell(Buffer.from(dictionary.aff), Buffer.from(dictionary.dic))
  return (speller as unknown as {compoundRules: RegExp[]}).compoundRules
}

const dynamicEntries: DynamicEntry[] = [
  {file: 'src/document/numbering.ts', argumentsText: '`^(\\\\d{1,3})(?:\\\\.\\\\d{1,3}){1,4}${outlineEnd}`', regexes: () => [new RegExp(`^(\\d{1,3})(?:\\.\\d{1,3}){1,4}${outlineEnd}`)]},
  {file: 'src/document/numbering.ts', argumentsText: '`^(${cnNumeral})、`', regexes: () => [new RegExp(`^(${cnNumeral})、`)]},
  {file: 'src/document/numbering.ts', argumentsText: '`^[（(](${cnNumeral})[）)]`', regexes: () => [new RegExp(`^[（(](${cnNumeral})[）)]`)]},
  {file: 'src/document/numbering.ts', argumentsText: '`^(${cnNumeral})是`', regexes: () => [new RegExp(`^(${cnNumeral})是`)]},
  {file: 'src/document/numbering.ts', argumentsText: '`^第(${cnNumeral})[章节条部篇]`', regexes: () => [new RegExp(`^第(${cnNumeral})[章节条部篇]`)]},
  {file: 'src/document/numbering.ts', argumentsText: '`^第(${cnNumeral})[，、,]`', regexes: () => [new RegExp(`^第(${cnNumeral})[，、,]`)]},
  {
    file: 'rules/spelling/dictionary-store.ts',
    argumentsText: "source, 'i'",
    // nspell's compound rules, tested on every word the dictionary does not know.
    regexes: nspellCompoundRules,
    // The spelling rule only asks about words of ASCII letters and apostrophes (`checkedWord`).
    domain: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'",
  },
]

/** TypeScript sources under a folder, relative to the repository root. */
function sourceFiles(folder: string): string[] {
  const files: string[] = []
  const visit = (relative: string): void => {
    for (const entry of readdirSync(path.join(repoRoot, relative), {withFileTypes: true})) {
      const entryPath = path.posix.join(relative, entry.name)
      if (entry.isDirectory()) {
        if (entry.name !== 'fixtures' && entry.name !== 'node_modules') visit(entryPath)
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts')) {
        files.push(entryPath)
      }
    }
  }
  visit(folder)
  return files.sort()
}

const scanned = scannedFolders.flatMap(sourceFiles).map((file) => scanRegexes(readFileSync(path.join(repoRoot, file), 'utf8'), file))
const constructors: FoundRegexConstructor[] = scanned.flatMap((result) => result.constructors)
const unlisted = constructors.filter(
  (call) => !dynamicEntries.some((entry) => entry.file === call.file && entry.argumentsText === call.argumentsText.trim()),
)

/** Every regex to probe: the literals, then the listed dynamic ones. */
const literalRegexes: RegexUnderTest[] = scanned.flatMap((result) =>
  result.literals.map((literal) => ({label: `${literal.file}:${literal.line} /${literal.source}/${literal.flags}`, regex: new RegExp(literal.source, literal.flags)})),
)

/** Regexes that could not be exercised meaningfully, with why. */
const notExercised: string[] = []

/** One row per probed regex, printed at the end. */
const rows: string[] = []

afterAll(() => {
  if (rows.length > 0) console.log(`Regexes, worst adversarial input at ${fullLength} characters:\n${rows.join('\n')}`)
  if (notExercised.length > 0) console.log(`Regexes not exercised meaningfully:\n${notExercised.join('\n')}`)
})

/** Benign medians by length, measured once per regex. */
function benignMedian(regex: RegExp, length: number, runs: number): number {
  const input = benignInput(length)
  return median(Array.from({length: runs}, () => timeRegex(regex, input, runTimeoutMs)))
}

/** Inputs restricted to a domain: each unit's characters mapped into it. */
function domainInputs(domain: string): ProbeInput[] {
  const characters = [...domain]
  const inputs: ProbeInput[] = []
  for (const character of characters) {
    for (const terminator of ['', "'", characters[0]!]) {
      inputs.push({description: `${JSON.stringify(character)}×n + ${JSON.stringify(terminator)}`, build: (length) => character.repeat(length - terminator.length) + terminator})
    }
  }
  for (let index = 0; index + 1 < characters.length; index++) {
    const unit = characters[index]! + characters[index + 1]!
    inputs.push({description: `${JSON.stringify(unit)}×n`, build: (length) => unit.repeat(Math.ceil(length / 2)).slice(0, length)})
  }
  return inputs
}

/**
 * Probes one regex. Returns why it fails, or null. Records its row and, for
 * a regex that reads a bounded prefix only, that it was not exercised.
 */
function probe(entry: RegexUnderTest): string | null {
  const {regex, label} = entry
  const inputs = entry.domain ? domainInputs(entry.domain) : adversarialInputs(regex.source, regex.flags)
  if (readsBoundedPrefix(regex.source, regex.flags)) notExercised.push(`${label}: anchored at the start with bounded repetition only (reads a bounded prefix whatever the input)`)
  if (inputs.length === 0) {
    notExercised.push(`${label}: no adversarial input could be built`)
    return null
  }
  // Screen every input once at 10,000 characters; keep the three slowest.
  const screenLimit = maxRatio * Math.max(benignMedian(regex, screenLength, 5), floorMs)
  const screened: Array<{input: ProbeInput; ms: number}> = []
  for (const input of inputs) {
    const ms = timeRegex(regex, input.build(screenLength), runTimeoutMs)
    screened.push({input, ms})
    // Already far too slow at a tenth of the size: no need to screen the rest.
    if (ms > screenLimit) break
  }
  screened.sort((a, b) => b.ms - a.ms)
  const benign = benignMedian(regex, fullLength, 5)
  const limit = maxRatio * Math.max(benign, floorMs)
  let worst = {description: '(none)', ms: 0}
  for (const {input} of screened.slice(0, 3)) {
    const text = input.build(fullLength)
    const first = timeRegex(regex, text, runTimeoutMs)
    // One run over the limit is enough; otherwise the median of three.
    const ms = first > limit ? first : median([first, timeRegex(regex, text, runTimeoutMs), timeRegex(regex, text, runTimeoutMs)])
    if (ms > worst.ms) worst = {description: input.description, ms}
    // One input over the limit settles it.
    if (ms > limit) break
  }
  const shown = Number.isFinite(worst.ms) ? `${worst.ms.toFixed(1)} ms` : `> ${runTimeoutMs} ms (interrupted)`
  rows.push(`${shown.padStart(24)}  benign ${benign.toFixed(2)} ms  ${label}  worst: ${worst.description}`)
  if (worst.ms <= limit) return null
  return `${label} took ${shown} on ${worst.description} at ${fullLength} characters; a benign input of the same size takes ${benign.toFixed(2)} ms (limit ${limit.toFixed(0)} ms = ${maxRatio} × max(benign, ${floorMs} ms))`
}

describe('regexes in src/ and rules/ run in linear time', () => {
  it('every `new RegExp(` is listed by hand in this test, with the regexes it builds', () => {
    expect(constructors.length).toBeGreaterThan(0)
    expect(unlisted.map((call) => `${call.file}:${call.line} new RegExp(${call.argumentsText})`)).toEqual([])
  })

  it('the scanner finds the regex literals (a sanity check against a broken scanner)', () => {
    expect(literalRegexes.length).toBeGreaterThan(50)
    expect(literalRegexes.some((entry) => entry.label.includes('src/parser/markdown.ts') && entry.regex.source.includes('bilint-'))).toBe(true)
  })

  for (const entry of literalRegexes) {
    it(entry.label, () => {
      expect(probe(entry)).toBeNull()
    }, 120_000)
  }

  for (const entry of dynamicEntries) {
    it(`${entry.file}: new RegExp(${entry.argumentsText})`, async () => {
      const regexes = await entry.regexes()
      expect(regexes.length).toBeGreaterThan(0)
      const failures = regexes
        .map((regex) => probe({label: `${entry.file}: /${regex.source}/${regex.flags}`, regex, domain: entry.domain}))
        .filter((failure) => failure !== null)
      expect(failures).toEqual([])
    }, 120_000)
  }
})
