/**
 * The bin on the shared seed corpus (a real machine-translated report), in
 * every output format, with every registered rule on: each run must exit 1
 * (the corpus has errors), print nothing on stderr, and produce output that
 * parses and agrees with the JSON report on how many problems there are.
 *
 * Speed is the benchmark's business: nothing here measures or prints timings.
 */

import {existsSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {beforeAll, describe, it} from 'vitest'
import {assertBinBuilt, linesOf, parseJsonReport, parseXml, runBilint, stackTraceLines, xmlElements, type RunResult} from './helpers.js'

const seedUrl = new URL('../../../shared/corpus/seed.txt', import.meta.url)
const seedPath = fileURLToPath(seedUrl)

/** Runs the bin on the seed, from its folder, ignoring any configuration file. */
function lintSeed(format: string): Promise<RunResult> {
  return runBilint(['--no-config', '--format', format, path.basename(seedPath)], {cwd: path.dirname(seedPath)})
}

/** Problem counts read from the JSON report, which the other formats must agree with. */
interface Counts {
  problems: number
  errors: number
  warnings: number
}

describe.skipIf(!existsSync(seedUrl))('the seed corpus in every format', () => {
  let expected: Counts
  let jsonRun: RunResult

  beforeAll(async () => {
    assertBinBuilt()
    const result = (jsonRun = await lintSeed('json'))
    if (result.code !== 1) throw new Error(`json run on the seed exited ${result.code}: ${result.stderr}`)
    const report = parseJsonReport(result.stdout)
    const messages = report.flatMap((file) => file.messages)
    expected = {
      problems: messages.length,
      errors: messages.filter((message) => message.severity === 2).length,
      warnings: messages.filter((message) => message.severity === 1).length,
    }
  })

  it.concurrent('json: one result for the file, messages with sane positions', async ({expect}) => {
    const result = jsonRun
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('')
    const report = parseJsonReport(result.stdout)
    expect(report).toHaveLength(1)
    const [file] = report
    expect(file!.filePath).toBe(seedPath)
    expect(file!.errorCount).toBeGreaterThan(0)
    expect(file!.fatalErrorCount).toBe(0)
    expect(file!.messages.some((message) => message.ruleId === 'internal-error'), 'no rule crashed').toBe(false)
    for (const message of file!.messages) {
      expect(message.line).toBeGreaterThanOrEqual(1)
      expect(message.column).toBeGreaterThanOrEqual(1)
      expect(message.endLine * 1e6 + message.endColumn).toBeGreaterThanOrEqual(message.line * 1e6 + message.column)
      if (message.fix) expect(message.fix.range[1]).toBeGreaterThanOrEqual(message.fix.range[0])
    }
  })

  it.concurrent('stylish: a summary with the same counts', async ({expect}) => {
    const result = await lintSeed('stylish')
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('')
    const summary = linesOf(result.stdout).find((line) => line.startsWith('✖ '))
    const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`
    expect(summary).toBe(
      `✖ ${plural(expected.problems, 'problem')} (${plural(expected.errors, 'error')}, ${plural(expected.warnings, 'warning')})`,
    )
  })

  it.concurrent('unix: one well-formed line per problem, then the total', async ({expect}) => {
    const result = await lintSeed('unix')
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('')
    const lines = linesOf(result.stdout)
    const problemLines = lines.slice(0, -2)
    expect(lines.slice(-2)).toEqual(['', `${expected.problems} problem${expected.problems === 1 ? '' : 's'}`])
    expect(problemLines).toHaveLength(expected.problems)
    for (const line of problemLines) expect(line).toMatch(/^seed\.txt:\d+:\d+: .+ \[(Error|Warning)(\/[a-z0-9-]+)?\]$/)
  })

  it.concurrent('github: one workflow command per problem', async ({expect}) => {
    const result = await lintSeed('github')
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('')
    const lines = linesOf(result.stdout)
    expect(lines).toHaveLength(expected.problems)
    for (const line of lines) expect(line).toMatch(/^::(error|warning) file=seed\.txt,line=\d+,[^:]*::\S/)
    expect(lines.filter((line) => line.startsWith('::error '))).toHaveLength(expected.errors)
  })

  it.concurrent('sarif: version 2.1.0, one result per problem, each with a region', async ({expect}) => {
    const result = await lintSeed('sarif')
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('')
    const sarif = JSON.parse(result.stdout) as {
      version: string
      runs: Array<{results: Array<{level: string; locations: Array<{physicalLocation: {region: {startLine: number}}}>}>}>
    }
    expect(sarif.version).toBe('2.1.0')
    const results = sarif.runs.flatMap((run) => run.results)
    expect(results).toHaveLength(expected.problems)
    expect(results.filter((item) => item.level === 'error')).toHaveLength(expected.errors)
    for (const item of results) expect(item.locations[0]!.physicalLocation.region.startLine).toBeGreaterThanOrEqual(1)
  })

  it.concurrent('checkstyle: well-formed XML, one <error> per problem', async ({expect}) => {
    const result = await lintSeed('checkstyle')
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('')
    expect(result.stdout.startsWith('<?xml')).toBe(true)
    const root = parseXml(result.stdout)
    expect(root.name).toBe('checkstyle')
    const errors = xmlElements(root, 'error')
    expect(errors).toHaveLength(expected.problems)
    expect(errors.filter((error) => error.attributes['severity'] === 'error')).toHaveLength(expected.errors)
  })

  it.concurrent('junit: well-formed XML, one failing test case per problem', async ({expect}) => {
    const result = await lintSeed('junit')
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('')
    expect(result.stdout.startsWith('<?xml')).toBe(true)
    const root = parseXml(result.stdout)
    expect(root.name).toBe('testsuites')
    expect(xmlElements(root, 'failure')).toHaveLength(expected.problems)
    expect(stackTraceLines(result.stdout)).toEqual([])
  })
})
