/**
 * Each rule's fixture document, `fixtures/<rule-id>.md`, marks every line the
 * rule must report with an HTML comment `<!-- {rule-id} -->` (once per
 * expected message); lines without a marker must stay silent.
 */
import {existsSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {ruleModules} from '../src/rules.js'
import {lintWithRule} from './rule-tester.js'

for (const rule of ruleModules.values()) {
  const id = rule.meta.id
  describe(`fixtures/${id}.md`, () => {
    const url = new URL(`../fixtures/${id}.md`, import.meta.url)
    it('exists', () => expect(existsSync(url)).toBe(true))
    if (!existsSync(url)) return
    it('is reported exactly on its marked lines', async () => {
      const text = readFileSync(url, 'utf8')
      const marker = `<!-- {${id}} -->`
      const expected: number[] = []
      text.split('\n').forEach((line, index) => {
        for (let at = line.indexOf(marker); at !== -1; at = line.indexOf(marker, at + 1)) expected.push(index + 1)
      })
      expect(expected.length).toBeGreaterThan(0)
      const messages = (await lintWithRule(rule, {text, filePath: `${id}.md`})).filter((message) => message.ruleId === id)
      expect(messages.map((message) => message.line)).toEqual(expected)
    })
  })
}
