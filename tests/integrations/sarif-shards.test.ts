/**
 * The sharded CI example of the README: n runs of `bilint --shard i/n
 * --format sarif`, merged with `sarif-multitool merge --merge-empty-logs`,
 * give one valid SARIF run with exactly the findings of a single unsharded
 * run, each found by exactly one shard.
 */

import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {mkdir} from 'node:fs/promises'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {makeTempTree, repoRoot, runBilint, type TempTree} from '../cli/helpers.js'
import {sarifValidationErrors} from '../formatters/sarif-validator.js'

/** The parts of a SARIF log these checks read. */
interface SarifLog {
  runs: Array<{
    tool: {driver: {name: string; rules?: Array<{id: string}>}}
    results: Array<{
      ruleId: string
      ruleIndex?: number
      locations: Array<{physicalLocation: {artifactLocation: {uri: string}; region: {startLine: number; startColumn: number}}}>
    }>
  }>
}

/** One finding as `uri:line:column rule`, comparable across logs. */
function findings(log: SarifLog): string[] {
  return log.runs
    .flatMap((run) => run.results)
    .map((result) => {
      const location = result.locations[0]!.physicalLocation
      return `${location.artifactLocation.uri}:${location.region.startLine}:${location.region.startColumn} ${result.ruleId}`
    })
    .sort()
}

const shardCount = 3
const multitool = path.join(repoRoot, 'node_modules', '.bin', 'sarif-multitool')

describe('sharded SARIF reports merged with sarif-multitool', () => {
  let tree: TempTree

  beforeAll(async () => {
    const files: Record<string, string> = {}
    // Enough documents in enough folders that every shard gets some.
    for (let index = 1; index <= 12; index++) {
      const folder = ['guide', 'reports', 'reports/2024', 'notes'][index % 4]!
      const extension = index % 3 === 0 ? 'txt' : 'md'
      files[`docs/${folder}/doc-${index}.${extension}`] =
        index % 2 === 0 ? `Report ${index}\n\nThe level of PM2.5Caused concern in district ${index}.\n` : `Report ${index}\n\nThe level of PM2.5 fell in district ${index}.\n`
    }
    tree = await makeTempTree(files)
    await mkdir(tree.path('shards'))
  })

  afterAll(async () => {
    await tree?.remove()
  })

  it('finds, over all shards, exactly what one run finds, and merges into one valid run', async () => {
    const whole = await runBilint(['--format', 'sarif', '--output-file', 'all.sarif', 'docs'], {cwd: tree.root})
    expect(whole.code, whole.stderr).toBe(1)
    const expected = findings(JSON.parse(readFileSync(tree.path('all.sarif'), 'utf8')) as SarifLog)
    expect(expected).toHaveLength(6)

    const perShard: string[][] = []
    for (let shard = 1; shard <= shardCount; shard++) {
      const run = await runBilint(['docs', '--shard', `${shard}/${shardCount}`, '--format', 'sarif', '--output-file', `shards/bilint-${shard}.sarif`], {cwd: tree.root})
      expect([0, 1], run.stderr).toContain(run.code)
      perShard.push(findings(JSON.parse(readFileSync(tree.path('shards', `bilint-${shard}.sarif`), 'utf8')) as SarifLog))
    }
    // A partition: no finding twice, none lost, and the work is actually split.
    expect(perShard.flat().sort()).toEqual(expected)
    expect(perShard.filter((shard) => shard.length > 0).length).toBeGreaterThan(1)

    const shardFiles = Array.from({length: shardCount}, (_, index) => `shards/bilint-${index + 1}.sarif`)
    const merge = spawnSync(multitool, ['merge', ...shardFiles, '--merge-empty-logs', '--output-file', 'bilint.sarif'], {cwd: tree.root, encoding: 'utf8', timeout: 55_000})
    expect(merge.status, `${merge.stdout}\n${merge.stderr}`).toBe(0)
    const mergedText = readFileSync(tree.path('bilint.sarif'), 'utf8')
    expect(sarifValidationErrors(mergedText)).toEqual([])
    const merged = JSON.parse(mergedText) as SarifLog
    // One run of one tool: what code scanning accepts for one category.
    expect(merged.runs).toHaveLength(1)
    expect(merged.runs[0]!.tool.driver.name).toBe('bilint')
    expect(findings(merged)).toEqual(expected)
    // Rule indexes were renumbered against the merged rule list.
    const rules = merged.runs[0]!.tool.driver.rules ?? []
    for (const result of merged.runs[0]!.results) {
      if (result.ruleIndex !== undefined) expect(rules[result.ruleIndex]?.id).toBe(result.ruleId)
    }
  })
})
