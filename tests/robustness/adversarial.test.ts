/**
 * Bad input never crashes bilint, never hangs it, never loses a neighbour's
 * results (issue 6).
 *
 * Every adversarial file is linted twice:
 * - in-process (`lintText` with every rule on, on a worker thread that is
 *   terminated at the budget), for a precise time per case: at most
 *   2 s + 3 s per MB of input, no exception, no rule crash, positions inside
 *   the text;
 * - through the built CLI, several files per command line next to a file with
 *   a known finding: exit code 0, 1 or 2, no stack trace, one clear line per
 *   file that cannot be read, and every other file still reported.
 *
 * Needs `npm run build` (the CLI and the worker use `dist/`).
 */
import {execFileSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {mkdir, stat, symlink, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {linesOf, makeTempTree, runBilint, type JsonResult, type TempTree} from '../cli/helpers.js'
import {allCases, edgeCases, foundCases, largeCases, nestingCases, type AdversarialCase} from './cases.js'
import {budgetMs, checkCliRun, distRoot, lintInWorker, megabytes, neighbourFinding, neighbourText, type WorkerOutcome} from './helpers.js'

/** Extra time a worker gets past its budget before it is stopped (it still fails when it took longer than the budget). */
const killGraceMs = 500

/** Time a CLI process needs besides linting: start-up, discovery, the report. */
const cliStartupMs = 2000

/** Symbolic links and named pipes need a POSIX system. */
const onWindows = process.platform === 'win32'

let tree: TempTree
/** Bytes on disk of each case, by id. */
const sizes = new Map<string, number>()
/** In-process outcome of each case, by id. */
const outcomes = new Map<string, WorkerOutcome>()
/** Rows of the timing table printed at the end. */
const timings: Array<{id: string; bytes: number; budget: number; result: string}> = []

beforeAll(async () => {
  if (!existsSync(path.join(distRoot, 'src', 'index.js'))) throw new Error('dist/ is missing: run `npm run build` before this suite')
  tree = await makeTempTree({'neighbour.md': neighbourText})
  for (const entry of allCases) {
    const content = entry.content()
    await tree.write({[entry.file]: content})
    sizes.set(entry.id, typeof content === 'string' ? Buffer.byteLength(content) : content.length)
  }
  // A directory with symbolic links that loop back to itself and to its parent.
  await tree.write({'loop/doc.md': neighbourText, 'loop/sub/note.txt': neighbourText})
  if (!onWindows) {
    await symlink('..', tree.path('loop', 'sub', 'up'))
    await symlink('.', tree.path('loop', 'sub', 'self'))
    await symlink(tree.path('loop'), tree.path('loop', 'sub', 'absolute'))
  }
}, 120_000)

afterAll(async () => {
  if (timings.length > 0) {
    const rows = timings.map((row) => `${row.id.padEnd(30)} ${megabytes(row.bytes).padStart(9)}  budget ${(row.budget / 1000).toFixed(1).padStart(5)} s  ${row.result}`)
    console.log(`In-process lintText per case (preset strict):\n${rows.join('\n')}`)
  }
  await tree?.remove()
})

/** What an in-process outcome shows wrong for a case, empty when nothing. */
function inProcessProblems(entry: AdversarialCase, outcome: WorkerOutcome, budget: number): string[] {
  if (entry.expect === 'refuse') {
    return outcome.status === 'decode-error' ? [] : [`expected the file to be refused by decodeText, got ${JSON.stringify(outcome)}`]
  }
  switch (outcome.status) {
    case 'timeout':
      return [`lintText did not finish within its budget of ${budget.toFixed(0)} ms (stopped after ${outcome.afterMs.toFixed(0)} ms)`]
    case 'threw':
      return [`lintText threw ${outcome.message}`]
    case 'crashed':
      return [`the worker crashed: ${outcome.message}`]
    case 'decode-error':
      return [`decodeText refused the file: ${outcome.message}`]
    case 'linted': {
      const problems: string[] = []
      if (outcome.ms > budget) problems.push(`lintText took ${outcome.ms.toFixed(0)} ms, over its budget of ${budget.toFixed(0)} ms`)
      if (outcome.internalErrors.length > 0) problems.push(`rules crashed: ${outcome.internalErrors.join(' | ')}`)
      if (outcome.badPositions.length > 0) problems.push(`positions outside the text: ${JSON.stringify(outcome.badPositions)}`)
      if (entry.finding && !outcome.ruleIds.includes(entry.finding.ruleId)) problems.push(`the known ${entry.finding.ruleId} finding was not reported`)
      return problems
    }
  }
}

/** Runs one case in-process and records its outcome and timing. */
async function runInProcess(entry: AdversarialCase): Promise<string[]> {
  const bytes = sizes.get(entry.id)!
  const budget = budgetMs(bytes)
  const outcome = await lintInWorker(tree.path(entry.file), entry.file, budget + killGraceMs)
  outcomes.set(entry.id, outcome)
  const result =
    outcome.status === 'linted'
      ? `${outcome.ms.toFixed(0).padStart(6)} ms  ${outcome.messageCount} messages`
      : outcome.status === 'timeout'
        ? `stopped after ${outcome.afterMs.toFixed(0)} ms (TIMEOUT)`
        : `${outcome.status}: ${outcome.message.slice(0, 80)}`
  timings.push({id: entry.id, bytes, budget, result})
  return inProcessProblems(entry, outcome, budget)
}

describe('in-process lintText, one case at a time (budget: 2 s + 3 s per MB)', () => {
  for (const entry of [...edgeCases, ...largeCases, ...nestingCases]) {
    it(`${entry.id}: ${entry.title}`, async () => {
      expect(await runInProcess(entry)).toEqual([])
    }, 120_000)
  }

  it('a string with lone surrogates (not from a file) lints without error, positions inside the text', async () => {
    const {lintText} = await import('../../src/index.js')
    const text = '\uD800Haze was PM2.5Caused by coal.\uDC00\n\n中\uD83D文\uDE00，English\uDBFF\n\n# \uDC00\n\n1. \uD83D\n2. \uDE00二、\n'
    for (const filePath of ['surrogates.md', 'surrogates.txt']) {
      const result = await lintText(text, {filePath, preset: 'strict'})
      expect(result.messages.filter((message) => message.ruleId === 'internal-error')).toEqual([])
      const lines = text.split(/\r\n|\r|\n/)
      for (const message of result.messages) {
        expect(message.line).toBeGreaterThanOrEqual(1)
        expect(message.column).toBeLessThanOrEqual(lines[message.line - 1]!.length + 1)
        expect(message.endColumn).toBeLessThanOrEqual(lines[message.endLine - 1]!.length + 1)
      }
      expect(result.messages.map((message) => message.ruleId)).toContain('glued-subscript')
    }
  })
})

/** Runs of pairs of found cases, started by the first test of the pair. */
const pairRuns = new Map<AdversarialCase[], Promise<Map<string, string[]>>>()

/** Runs the cases of a pair at the same time, once. */
function startPair(pair: AdversarialCase[]): Promise<Map<string, string[]>> {
  const run = Promise.all(pair.map(async (entry) => [entry.id, await runInProcess(entry)] as const)).then((entries) => new Map(entries))
  pairRuns.set(pair, run)
  return run
}

describe('in-process lintText: inputs found while writing this suite (each should take well under its budget)', () => {
  // Two at a time: each is small and, once linear, far below its budget.
  const pairs: AdversarialCase[][] = []
  for (let index = 0; index < foundCases.length; index += 2) pairs.push(foundCases.slice(index, index + 2))
  for (const pair of pairs) {
    for (const entry of pair) {
      it(`${entry.id}: ${entry.title}`, async () => {
        const pending = pairRuns.get(pair) ?? startPair(pair)
        const problems = (await pending).get(entry.id)!
        expect(problems).toEqual([])
      }, 120_000)
    }
  }
})

/** The result of one file in a JSON report, matched by path. */
function resultFor(report: readonly JsonResult[], absolutePath: string): JsonResult[] {
  return report.filter((result) => path.resolve(result.filePath) === absolutePath)
}

/**
 * Problems of a CLI run over some cases (plus the neighbour): each readable
 * file reported once with its known finding, each unreadable one refused with
 * one line on stderr that names it, the neighbour's finding reported, the
 * exit code right.
 */
function cliProblems(run: Awaited<ReturnType<typeof runBilint>>, entries: readonly AdversarialCase[]): string[] {
  const {problems, report} = checkCliRun(run)
  const stderrLines = linesOf(run.stderr)
  const neighbour = resultFor(report, tree.path('neighbour.md'))
  const neighbourHit = neighbour[0]?.messages.some(
    (message) => message.ruleId === neighbourFinding.ruleId && message.line === neighbourFinding.line && message.column === neighbourFinding.column,
  )
  if (!neighbourHit) problems.push(`the neighbour file's ${neighbourFinding.ruleId} finding at 1:10 is missing from the report`)
  for (const entry of entries) {
    const results = resultFor(report, tree.path(entry.file))
    if (results.length !== 1) {
      problems.push(`${entry.id}: reported ${results.length} times, expected once`)
      continue
    }
    const result = results[0]!
    const fatal = result.messages.filter((message) => message.fatal)
    const linesNamingIt = stderrLines.filter((line) => line.startsWith(`bilint: ${entry.file}:`))
    if (entry.expect === 'refuse') {
      if (fatal.length !== 1 || result.messages.length !== 1) problems.push(`${entry.id}: expected one fatal message, got ${JSON.stringify(result.messages.slice(0, 3))}`)
      if (linesNamingIt.length !== 1) problems.push(`${entry.id}: expected one stderr line naming the file, got ${linesNamingIt.length}: ${JSON.stringify(linesNamingIt)}`)
      continue
    }
    if (fatal.length > 0) problems.push(`${entry.id}: fatal messages ${JSON.stringify(fatal.slice(0, 2))}`)
    if (linesNamingIt.length > 0) problems.push(`${entry.id}: stderr names a file that was linted: ${JSON.stringify(linesNamingIt.slice(0, 2))}`)
    if (entry.finding) {
      const {ruleId, line, column} = entry.finding
      if (!result.messages.some((message) => message.ruleId === ruleId && message.line === line && message.column === column)) {
        problems.push(`${entry.id}: the ${ruleId} finding at ${line}:${column} is missing`)
      }
    }
  }
  const expectedCode = entries.some((entry) => entry.expect === 'refuse') ? 2 : 1
  if (run.code !== expectedCode) problems.push(`exit code ${run.code}, expected ${expectedCode}; stderr: ${run.stderr.slice(0, 300)}`)
  return problems
}

/** Runs the CLI on some cases and the neighbour; a run past its time limit is a problem like any other. */
async function runCliOn(entries: readonly AdversarialCase[], extraArgs: readonly string[] = []): Promise<string[]> {
  const bytes = entries.reduce((sum, entry) => sum + sizes.get(entry.id)!, 0)
  const limit = cliStartupMs + budgetMs(bytes)
  try {
    const run = await runBilint(['--format', 'json', '--preset', 'strict', ...extraArgs, 'neighbour.md', ...entries.map((entry) => entry.file)], {
      cwd: tree.root,
      timeoutMs: limit,
    })
    return cliProblems(run, entries)
  } catch (error) {
    return [`the CLI run over ${entries.map((entry) => entry.id).join(', ')} (${megabytes(bytes)}) did not finish within ${limit.toFixed(0)} ms: ${(error as Error).message.slice(0, 300)}`]
  }
}

/**
 * The cases of a group to put on a command line: those that ran past their
 * budget in-process already fail above, and are left out so that one hang
 * does not hide the CLI checks of all the others.
 */
function withinBudget(entries: readonly AdversarialCase[]): AdversarialCase[] {
  // Known over-budget cases are left off command lines: their in-process tests track them.
  return entries.filter((entry) => outcomes.get(entry.id)?.status !== 'timeout')
}

describe('CLI: several files on one command line, next to a file with a known finding', () => {
  it('edge cases: empty, white space, binary, invalid UTF-8, UTF-16, NUL, lone surrogates, line endings, controls, odd paths', async () => {
    expect(await runCliOn(edgeCases)).toEqual([])
  }, 60_000)

  it('large cases (.md and .txt on two command lines, run side by side)', async () => {
    const groups = [largeCases.filter((entry) => entry.group === 'large-md'), largeCases.filter((entry) => entry.group === 'large-txt')]
    const problems = await Promise.all(groups.map((group) => runCliOn(withinBudget(group))))
    expect(problems.flat()).toEqual([])
  }, 300_000)

  it('deep nesting: 400 block quotes, 3,000 lists, 4,000 block quotes', async () => {
    expect(await runCliOn(withinBudget(nestingCases))).toEqual([])
  }, 120_000)

  it('inputs found while writing this suite', async () => {
    expect(await runCliOn(withinBudget(foundCases))).toEqual([])
  }, 120_000)

  it.skipIf(onWindows)('a directory whose symbolic links loop back to itself and its parent: walked once, each file reported once', async () => {
    const run = await runBilint(['--format', 'json', 'neighbour.md', 'loop'], {cwd: tree.root, timeoutMs: cliStartupMs + budgetMs(0)})
    const {problems, report} = checkCliRun(run)
    expect(problems).toEqual([])
    expect(run.code).toBe(1)
    for (const file of [['loop', 'doc.md'], ['loop', 'sub', 'note.txt']]) {
      const results = resultFor(report, tree.path(...file))
      expect(results.map((result) => result.messages.map((message) => message.ruleId))).toEqual([['glued-subscript']])
    }
    expect(report).toHaveLength(3)
  }, 60_000)

  it.skipIf(onWindows)('a missing file and a dangling symbolic link: one line each on stderr, the neighbour still linted, exit 2', async () => {
    await symlink('nowhere.md', tree.path('dangling.md'))
    const run = await runBilint(['--format', 'json', 'missing.md', 'neighbour.md', 'dangling.md'], {cwd: tree.root, timeoutMs: cliStartupMs + budgetMs(0)})
    const {problems, report} = checkCliRun(run)
    expect(problems).toEqual([])
    expect(run.code).toBe(2)
    const stderrLines = linesOf(run.stderr)
    expect(stderrLines.filter((line) => line.includes('missing.md'))).toHaveLength(1)
    expect(stderrLines.filter((line) => line.includes('dangling.md'))).toHaveLength(1)
    expect(resultFor(report, tree.path('neighbour.md'))[0]?.messages.map((message) => message.ruleId)).toEqual(['glued-subscript'])
  }, 60_000)

  it.skipIf(onWindows)('a named pipe given as a file: refused with one line, not waited on forever; the neighbour still linted', async () => {
    execFileSync('mkfifo', [tree.path('pipe.md')])
    const limit = cliStartupMs + budgetMs(0)
    let run
    try {
      run = await runBilint(['--format', 'json', 'neighbour.md', 'pipe.md'], {cwd: tree.root, timeoutMs: limit})
    } catch (error) {
      expect.fail(`bilint waited on the named pipe: ${(error as Error).message.slice(0, 200)}`)
    }
    const {problems, report} = checkCliRun(run)
    expect(problems).toEqual([])
    expect(run.code).toBe(2)
    expect(linesOf(run.stderr).filter((line) => line.includes('pipe.md'))).toHaveLength(1)
    expect(resultFor(report, tree.path('neighbour.md'))[0]?.messages.map((message) => message.ruleId)).toEqual(['glued-subscript'])
  }, 60_000)
})

describe('memory: a 50 MB file', () => {
  it('is refused with one clear message under the default --max-file-size (20 MB), exit 2, the neighbour still linted', async () => {
    const big = tree.path('big-50mb.md')
    const paragraph = 'The quick brown fox jumps over the lazy dog near the river bank, and the weather stays calm all day.\n\n'
    await mkdir(path.dirname(big), {recursive: true})
    await writeFile(big, paragraph.repeat(Math.ceil(50_000_000 / paragraph.length)))
    expect((await stat(big)).size).toBeGreaterThan(50_000_000)
    const started = performance.now()
    const run = await runBilint(['--format', 'json', 'neighbour.md', 'big-50mb.md'], {cwd: tree.root, timeoutMs: cliStartupMs + budgetMs(0)})
    const elapsed = performance.now() - started
    const {problems, report} = checkCliRun(run)
    expect(problems).toEqual([])
    expect(run.code).toBe(2)
    const lines = linesOf(run.stderr)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/big-50mb\.md.*(too large|20 MB)/i)
    expect(resultFor(report, big)[0]?.messages).toHaveLength(1)
    expect(resultFor(report, tree.path('neighbour.md'))[0]?.messages.map((message) => message.ruleId)).toEqual(['glued-subscript'])
    // Refusing must not read the file: it takes no longer than linting nothing.
    expect(elapsed).toBeLessThan(cliStartupMs + budgetMs(0))
  }, 60_000)

  it('is linted with --max-file-size 60MB inside a heap capped at 1.5 GB (no syntax tree outlives its block)', async () => {
    const big = tree.path('big-50mb.md')
    expect((await stat(big)).size).toBeGreaterThan(50_000_000)
    const run = await runBilint(['--format', 'json', '--max-file-size', '60MB', '--rule', 'orphaned-heading:off', 'big-50mb.md'], {
      cwd: tree.root,
      env: {NODE_OPTIONS: '--max-old-space-size=1536'},
      timeoutMs: 240_000,
    })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(resultFor(JSON.parse(run.stdout) as JsonResult[], big)[0]?.messages).toEqual([])
  }, 300_000)
})

describe('--fix-dry-run on many fixes', () => {
  it('a .txt file with 10,000 fixable lines (300 KB): the diff is printed within twice the budget (two lint passes)', async () => {
    const text = neighbourText.repeat(10_000)
    await tree.write({'many-fixes.txt': text})
    const limit = cliStartupMs + 2 * budgetMs(Buffer.byteLength(text))
    let run
    try {
      run = await runBilint(['--fix-dry-run', 'many-fixes.txt'], {cwd: tree.root, timeoutMs: limit})
    } catch (error) {
      expect.fail(`--fix-dry-run did not finish within ${limit.toFixed(0)} ms: ${(error as Error).message.slice(0, 200)}`)
    }
    expect(run.code).toBe(0)
    expect(run.stdout.split('\n').filter((line) => line.startsWith('+Haze was PM2.5 caused'))).toHaveLength(10_000)
  }, 120_000)
})
