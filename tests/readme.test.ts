/**
 * The README lists every rule with its metadata, and the two commands a
 * newcomer runs.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {ruleMetas} from '../src/rule-metas.js'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

describe('README', () => {
  it('has the install-and-run and test commands', () => {
    expect(readme).toMatch(/npm install && npx bilint fixtures\/\S+\.md/)
    expect(readme).toContain('\nnpm test\n')
  })

  it('lists every rule with its severity, presets and fix kind', () => {
    for (const meta of ruleMetas) {
      const row = readme.split('\n').find((line) => line.startsWith(`| [\`${meta.id}\`]`))
      expect(row, meta.id).toBeDefined()
      const cells = row!.split('|').map((cell) => cell.trim())
      expect(cells[2]).toBe(meta.defaultSeverity)
      expect(cells[3]).toBe(meta.presets.join(', '))
      expect(cells[4]).toBe(meta.fixable)
    }
  })
})

describe('README output', () => {
  it('shows what bilint prints today for the example', async () => {
    const {lintFiles} = await import('../src/index.js')
    const {loadFormatter} = await import('../src/formatters/index.js')
    const {ruleMetas: metas} = await import('../src/rule-metas.js')
    const root = new URL('../', import.meta.url).pathname
    const results = await lintFiles(['fixtures/example.md'], {cwd: root})
    const context = {cwd: root, color: false, rulesMeta: Object.fromEntries(metas.map((meta) => [meta.id, meta])), version: '0.1.0'}
    const stylish = (await loadFormatter('stylish'))(results, context)
    const unix = (await loadFormatter('unix'))(results, context)
    expect(readme).toContain(`npx bilint fixtures/example.md\n\`\`\`\n\n\`\`\`text\n${stylish.trimEnd()}\n\`\`\``)
    expect(readme).toContain(`\`--format unix\`:\n\n\`\`\`text\n${unix.trimEnd()}\n\`\`\``)
  })
})
