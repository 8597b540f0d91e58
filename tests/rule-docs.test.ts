/**
 * Every rule has a page, `rules/<id>/README.md`, whose header matches its
 * metadata and whose ❌ examples are reported while its ✅ examples are not.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {ruleModules} from '../src/rules.js'
import {lintWithRule} from './rule-tester.js'
import {ruleHeader} from './rule-header.js'

interface Example {
  kind: 'incorrect' | 'correct'
  text: string
  filePath: string
}

/** The fenced examples under `### ❌ Incorrect` and `### ✅ Correct` headings. */
function examplesOf(page: string): Example[] {
  const examples: Example[] = []
  let kind: Example['kind'] | null = null
  const lines = page.split('\n')
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!
    if (/^#{1,6} /.test(line)) kind = line.includes('❌') ? 'incorrect' : line.includes('✅') ? 'correct' : null
    const fence = /^(`{3,})(text|markdown|md)\s*$/.exec(line)
    if (!fence || !kind) continue
    const body: string[] = []
    for (index++; index < lines.length && lines[index] !== fence[1]; index++) body.push(lines[index]!)
    examples.push({kind, text: `${body.join('\n')}\n`, filePath: fence[2] === 'text' ? 'example.txt' : 'example.md'})
  }
  return examples
}

for (const rule of ruleModules.values()) {
  describe(`rules/${rule.meta.id}/README.md`, () => {
    const page = readFileSync(new URL(`../rules/${rule.meta.id}/README.md`, import.meta.url), 'utf8')
    const examples = examplesOf(page)

    it('has the generated header and every section of the template', () => {
      expect(page.startsWith(`# ${rule.meta.id}\n\n${ruleHeader(rule.meta)}\n`)).toBe(true)
      for (const section of ['What it does', 'Why is this bad?', 'Examples', 'Options', 'Exceptions', 'Fix safety', 'When not to use it']) {
        expect(page, section).toContain(`## ${section}`)
      }
      expect(examples.some((example) => example.kind === 'incorrect')).toBe(true)
      expect(examples.some((example) => example.kind === 'correct')).toBe(true)
    })

    for (const example of examples) {
      it(`${example.kind === 'incorrect' ? '❌' : '✅'} ${JSON.stringify(example.text.slice(0, 50))}`, async () => {
        const messages = (await lintWithRule(rule, {text: example.text, filePath: example.filePath})).filter(
          (message) => message.ruleId === rule.meta.id,
        )
        if (example.kind === 'incorrect') expect(messages.length).toBeGreaterThan(0)
        else expect(messages.map((message) => message.message)).toEqual([])
      })
    }
  })
}
