import {existsSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {lintWithRule, runRuleTests} from '../../tests/rule-tester.js'
import orphanedHeading from './index.js'

const body = 'The plan sets targets for every city in the region, and each city reports on its progress twice a year to the ministry, which publishes the results.'

runRuleTests(orphanedHeading, {
  valid: [
    {name: 'parent with a deeper sub-heading', text: '# Title\n\n## Part\n\nText.\n'},
    {name: 'code block is body', text: '## Setup\n\n```sh\nnpm install\n```\n\n## Use\n\nRun it.\n'},
    '## Data\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n## End\n\nDone.\n',
    '## Steps\n\n1. Install.\n2. Run.\n\n## Notes\n\n> Quoted text.\n',
    '# 部署手册\n\n## 一、总体要求\n\n### （一）适用范围\n\n本手册适用于服务器。\n',
    {name: 'byline is neither', text: `Cleaner skies with higher standards\nLiu Ming, director of the Department of Atmospheric Environment\n${body}\n`, filePath: 'a.txt'},
    {name: 'numbered heading under a title', text: `Air quality in the delta\n1. Emissions fell in every sector of the regional economy\n${body}\n`, filePath: 'b.txt'},
    {name: 'list of short lines', text: 'apples\npears\nplums\n', filePath: 'c.txt'},
    {name: 'hard-wrapped paragraphs', text: 'A first paragraph that wraps\nover two lines.\n\nA second one.\n', filePath: 'd.txt'},
  ],
  invalid: [
    {
      text: '## Background\n\n## Methods\n\nWe used the CMAQ model.\n',
      errors: [{line: 1, column: 1, endLine: 1, endColumn: 14, message: 'Unexpected empty section `Background`: the next heading follows with no text in between', severity: 2}],
    },
    {
      name: 'at the end',
      text: '# Report\n\nText.\n\n## Appendix\n',
      errors: [{line: 5, column: 1, endColumn: 12, message: 'Unexpected empty section `Appendix` at the end of the document'}],
    },
    {
      name: 'higher level follows',
      text: '# A\n\n## B\n\n# C\n\nText.\n',
      errors: [{line: 3, column: 1, endColumn: 5}],
    },
    {
      name: 'comment is not body',
      text: '## A\n\n<!-- todo -->\n\n## B\n\nText.\n',
      errors: [{line: 1}],
    },
    {
      name: 'setext heading',
      text: 'Title\n=====\n\nSubtitle\n========\n\nText.\n',
      errors: [{line: 1, column: 1, endLine: 2, endColumn: 6}],
    },
    {
      name: 'plain-text title followed by a subtitle',
      text: `In-depth study of the new air quality plan\nCleaner skies with higher standards\n${body}\n`,
      filePath: 'e.txt',
      errors: [{line: 1, column: 1, endColumn: 43}],
    },
    {
      name: 'CRLF plain text',
      text: `Title one of the report\r\nTitle two of the report\r\n${body}\r\n`,
      filePath: 'f.txt',
      errors: [{line: 1, column: 1, endColumn: 24}],
    },
  ],
})

const seed = new URL('../../../shared/corpus/seed.txt', import.meta.url)

describe('orphaned-heading on the shared seed translation', () => {
  it.skipIf(!existsSync(seed))('reports each article title followed directly by its subtitle', async () => {
    const messages = await lintWithRule(orphanedHeading, {text: readFileSync(seed, 'utf8'), filePath: 'seed.txt'})
    expect(messages.map((message) => message.line)).toEqual([1, 22, 29, 41, 48, 57])
  })
})
