/**
 * The two clean bilingual documents (a Chinese technical manual full of
 * English terms, code and units; an English report that glosses Chinese
 * names) get no finding from the recommended preset: the precision half of
 * every rule's judgement.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {lintText} from '../src/index.js'

describe.each(['clean-zh-manual.md', 'clean-en-report.md'])('fixtures/%s', (name) => {
  it('has no finding under the recommended preset', async () => {
    const text = readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')
    const result = await lintText(text, {filePath: name})
    expect(result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.message}`)).toEqual([])
  })
})
