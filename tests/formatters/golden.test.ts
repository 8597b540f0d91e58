/**
 * Every format against its golden output for the fixture results. Run with
 * `UPDATE_GOLDEN=1` to rewrite the golden files after a deliberate change,
 * then review the diff.
 */

import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {formatNames, loadFormatter} from '../../src/formatters/index.js'
import type {LintResult} from '../../src/types.js'
import {fixtureContext, fixtureResults} from './fixture-results.js'

/** Returns the path of the golden file of the format `name`. */
function goldenPath(name: string): string {
  return fileURLToPath(new URL(`golden/${name}.txt`, import.meta.url))
}

/** Whether this run rewrites the golden files instead of comparing with them. */
const updatingGoldens = process.env['UPDATE_GOLDEN'] === '1'

describe('golden output', () => {
  it.each(formatNames)('%s matches its golden file', async (name) => {
    const formatter = await loadFormatter(name)
    const output = formatter(fixtureResults, fixtureContext())
    const golden = goldenPath(name)
    if (updatingGoldens || !existsSync(golden)) {
      expect.soft(updatingGoldens, `golden file ${golden} was missing and has been written`).toBe(true)
      writeFileSync(golden, output)
    }
    expect(output).toBe(readFileSync(golden, 'utf8'))
  })
})

describe('output without problems', () => {
  const cleanResults: LintResult[] = [
    {
      filePath: '/project/README.md',
      messages: [],
      errorCount: 0,
      warningCount: 0,
      fatalErrorCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    },
  ]

  it.each(['stylish', 'unix', 'github'] as const)('%s prints nothing', async (name) => {
    const formatter = await loadFormatter(name)
    expect(formatter(cleanResults, fixtureContext())).toBe('')
    expect(formatter([], fixtureContext())).toBe('')
  })

  it('json prints the results, each ending with a newline', async () => {
    const formatter = await loadFormatter('json')
    expect(formatter([], fixtureContext())).toBe('[]\n')
    expect(JSON.parse(formatter(cleanResults, fixtureContext()))).toEqual(cleanResults)
  })

  it('checkstyle and junit list the clean file', async () => {
    const checkstyle = await loadFormatter('checkstyle')
    expect(checkstyle(cleanResults, fixtureContext())).toBe(
      '<?xml version="1.0" encoding="utf-8"?><checkstyle version="4.3"><file name="/project/README.md"></file></checkstyle>\n',
    )
    const junit = await loadFormatter('junit')
    expect(junit(cleanResults, fixtureContext())).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n' +
        '<testsuite package="org.bilint" time="0" tests="1" failures="0" errors="0" name="README.md">\n' +
        '<testcase time="0" name="README.md" classname="README" />\n' +
        '</testsuite>\n</testsuites>\n',
    )
  })
})
