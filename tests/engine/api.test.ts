import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {buildDocument} from '../../src/document/build.js'
import type {Block} from '../../src/document/types.js'
import {lintFiles, lintText} from '../../src/index.js'
import {lintDocument} from '../../src/engine/lint-text.js'
import {paragraphOf} from '../../src/document/block-walk.js'
import {defineRule, indexDataKey, type RuleModule} from '../../src/engine/rule.js'
import {ruleModules} from '../../src/rules.js'

describe('lintText', () => {
  it('returns an ESLint-shaped result with fixes', async () => {
    const result = await lintText('Haze was PM2.5Caused by coal.\n', {filePath: 'a.txt'})
    expect(result).toMatchObject({filePath: 'a.txt', errorCount: 1, warningCount: 0, fatalErrorCount: 0, fixableErrorCount: 1})
    expect(result.messages[0]).toMatchObject({
      ruleId: 'glued-subscript',
      severity: 2,
      line: 1,
      column: 10,
      endLine: 1,
      endColumn: 21,
      fix: {range: [9, 20], text: 'PM2.5 caused'},
    })
  })

  it('ignores a leading BOM and keeps columns as an editor shows them', async () => {
    const result = await lintText('\uFEFFPM2.5Caused haze.\n', {filePath: 'a.txt'})
    expect(result.messages[0]).toMatchObject({line: 1, column: 1, fix: {range: [0, 11]}})
  })

  it('applies a configuration object and validates it', async () => {
    const quiet = await lintText('PM2.5Caused haze.\n', {config: {rules: {'glued-subscript': 'off'}}})
    expect(quiet.messages).toEqual([])
    await expect(lintText('x', {config: {rules: {nope: 'error'}} as never})).rejects.toThrow(/rules\.nope/)
  })

  it('honours bilint-disable comments in Markdown', async () => {
    const result = await lintText('<!-- bilint-disable-next-line glued-subscript -->\nPM2.5Caused haze.\n\nO3More days.\n', {filePath: 'a.md'})
    expect(result.messages.map((message) => message.line)).toEqual([4])
  })
})

describe('crash isolation', () => {
  it('turns an exception in one rule into an internal-error message and runs the others', async () => {
    const broken = defineRule(
      {...ruleModules.get('glued-subscript')!.meta, id: 'broken-rule'},
      {},
      () => {
        throw new Error('boom')
      },
    )
    const rules = new Map([
      ['broken-rule', {severity: 2 as const, options: {}}],
      ['glued-subscript', {severity: 2 as const, options: {}}],
    ])
    // The registry does not know `broken-rule`: register it for this test only.
    ;(ruleModules as Map<string, unknown>).set('broken-rule', broken)
    try {
      const result = await lintDocument('PM2.5Caused haze.\n', rules, {filePath: 'x.txt', format: 'text'})
      expect(result.messages.map((message) => message.ruleId).sort()).toEqual(['glued-subscript', 'internal-error'])
      expect(result.messages.find((message) => message.ruleId === 'internal-error')!.message).toBe(
        'Rule `broken-rule` failed on this file: boom',
      )
    } finally {
      ;(ruleModules as Map<string, unknown>).delete('broken-rule')
    }
  })
})

describe('the walk over the blocks', () => {
  const glued = ruleModules.get('glued-subscript')!
  const settings = {severity: 2 as const, options: {}}

  it('stops a rule whose hook fails, with one internal-error message, and runs the others to the end', async () => {
    const calls: string[] = []
    const broken = defineRule({...glued.meta, id: 'broken-hook'}, {}, ({report}) => ({
      block(block) {
        if (!block.paragraph) return
        calls.push(`block ${block.start}`)
        report({message: 'Seen', start: block.start, end: block.start + 1})
        throw new Error('bang')
      },
      end() {
        calls.push('end')
      },
    }))
    const registry = new Map<string, RuleModule<object>>([
      ['broken-hook', broken as RuleModule<object>],
      ['glued-subscript', glued],
    ])
    const rules = new Map([
      ['broken-hook', settings],
      ['glued-subscript', settings],
    ])
    const result = await lintDocument('PM2.5Caused haze.\n\nO3More days.\n', rules, {filePath: 'x.txt', format: 'text', registry})
    expect(calls).toEqual(['block 0'])
    expect(result.messages.map((message) => `${message.ruleId}@${message.line}`)).toEqual([
      'internal-error@1',
      'broken-hook@1',
      'glued-subscript@1',
      'glued-subscript@3',
    ])
    expect(result.messages[0]!.message).toBe('Rule `broken-hook` failed on this file: bang')
  })

  it('gives each block hook its paragraph, and keeps no paragraph after it', async () => {
    const seen: Array<[string, number]> = []
    const kept: Block[] = []
    const probe = defineRule({...glued.meta, id: 'probe'}, {}, () => ({
      block(block) {
        if (block.paragraph) seen.push([block.paragraph.type, block.paragraph.children.length])
        kept.push(block)
      },
    }))
    const registry = new Map<string, RuleModule<object>>([['probe', probe as RuleModule<object>]])
    await lintDocument('# Title\n\nOne. Two.\n\n```\ncode\n```\n', new Map([['probe', settings]]), {filePath: 'x.md', format: 'markdown', registry})
    expect(seen).toEqual([
      ['ParagraphNode', 1],
      ['ParagraphNode', 3],
    ])
    expect(kept.map((block) => block.kind)).toEqual(['heading', 'paragraph', 'code'])
    expect(kept.every((block) => block.paragraph === null)).toBe(true)
  })

  it('gives a hook that says paragraphs: false the block tokens, and no paragraph unless it asks', async () => {
    const seen: unknown[] = []
    const probe = defineRule({...glued.meta, id: 'probe'}, {}, () => ({
      block(block) {
        if (!block.tokens) return
        seen.push([block.tokens.texts.slice(0, block.tokens.length).join('|'), block.paragraph, paragraphOf(block)?.children.length])
      },
      paragraphs: false,
    }))
    const registry = new Map<string, RuleModule<object>>([['probe', probe as RuleModule<object>]])
    await lintDocument('# Title\n\nOne. Two.\n', new Map([['probe', settings]]), {filePath: 'x.md', format: 'markdown', registry})
    expect(seen).toEqual([
      ['Title', null, 1],
      ['One|.| |Two|.', null, 3],
    ])
  })

  it('runs a rule on its own as a unified plugin over the index', async () => {
    const text = 'Haze was PM2.5Caused by coal.\n\nO3More days.\n'
    const index = await buildDocument(text, {format: 'text'})
    const file = new VFile({path: 'x.txt', value: text})
    file.data[indexDataKey] = index
    unified().use(glued.plugin, settings).runSync({type: 'RootNode', children: []}, file)
    expect(file.messages.map((message) => [message.ruleId, message.line, message.column, message.expected?.[0]])).toEqual([
      ['glued-subscript', 1, 10, 'PM2.5 caused'],
      ['glued-subscript', 3, 1, 'O3 more'],
    ])
  })
})

describe('lintFiles', () => {
  let folder = ''
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'bilint-api-'))
    await writeFile(path.join(folder, 'good.md'), 'PM2.5Caused haze.\n')
    await writeFile(path.join(folder, 'binary.txt'), Buffer.from([0x41, 0x00, 0x42]))
    await writeFile(path.join(folder, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]))
    await writeFile(path.join(folder, 'skipped.md'), 'PM2.5Caused haze.\n')
    await writeFile(path.join(folder, '.bilintrc.json'), JSON.stringify({ignorePatterns: ['skipped.md']}))
  })
  afterAll(() => rm(folder, {recursive: true, force: true}))

  it('lints every readable file and gives unreadable ones one fatal message', async () => {
    const results = await lintFiles(['.', 'missing.md'], {cwd: folder})
    const summary = results.map((result) => [path.basename(result.filePath), result.fatalErrorCount, result.errorCount, result.messages[0]?.message])
    expect(summary).toEqual([
      ['missing.md', 1, 1, 'No such file or directory, and no file matches this pattern'],
      ['binary.txt', 1, 1, 'Cannot lint: binary file (NUL byte at offset 1)'],
      ['good.md', 0, 1, 'Unexpected `PM2.5Caused`, expected `PM2.5 caused`: the formula `PM2.5` is glued to the next word'],
      ['latin1.txt', 1, 1, 'Cannot lint: not valid UTF-8 text (first bad byte at offset 3)'],
    ])
  })
})
