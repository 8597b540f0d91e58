import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {filesOfShard, parseShard} from '../../src/files/shard.js'
import {lintFiles} from '../../src/index.js'

let folder = ''
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'bilint-cache-'))
  await writeFile(path.join(folder, '.bilintrc.json'), '{}')
  for (let index = 0; index < 12; index++) await writeFile(path.join(folder, `doc-${index}.md`), `Haze ${index} was PM2.5Caused.\n`)
})
afterAll(() => rm(folder, {recursive: true, force: true}))

describe('--cache', () => {
  it('reuses results of unchanged files and relints changed ones', async () => {
    const options = {cwd: folder, cache: true}
    const first = await lintFiles(['.'], options)
    const cacheFile = JSON.parse(await readFile(path.join(folder, '.bilintcache'), 'utf8')) as {version: string; entries: Record<string, unknown>}
    expect(Object.keys(cacheFile.entries)).toHaveLength(12)
    const second = await lintFiles(['.'], options)
    expect(second).toEqual(first)
    await writeFile(path.join(folder, 'doc-0.md'), 'Clean text.\n')
    const third = await lintFiles(['.'], options)
    expect(third.find((result) => result.filePath.endsWith('doc-0.md'))!.messages).toEqual([])
  })

  it('does not reuse results linted with other settings', async () => {
    await lintFiles(['doc-1.md'], {cwd: folder, cache: true})
    const off = await lintFiles(['doc-1.md'], {cwd: folder, cache: true, rules: [{id: 'glued-subscript', severity: 'off'}]})
    expect(off[0]!.messages.filter((message) => message.ruleId === 'glued-subscript')).toEqual([])
  })

  it('keeps Chinese, astral and escaped text exactly, in an ASCII file, and reads a UTF-8 one', async () => {
    const sub = path.join(folder, 'wide')
    await mkdir(sub, {recursive: true})
    await writeFile(path.join(sub, '.bilintrc.json'), '{}')
    await writeFile(
      path.join(sub, 'zh.md'),
      'The monitoring network recorded the data in every district of the delta this year.\n\n' +
        '大气污染防治工作取得了显著成效，空气质量持续改善，相关数据已在门户网站公开 😀 𠀀。\n\n' +
        'The review panel said "quoted" \\ end and PM2.5Caused haze.\n',
    )
    const options = {cwd: sub, cache: true}
    const first = await lintFiles(['.'], options)
    expect(first[0]!.messages.some((message) => message.actual?.includes('大气污染') && message.actual.includes('😀 𠀀'))).toBe(true)
    const bytes = await readFile(path.join(sub, '.bilintcache'))
    expect(bytes.every((byte) => byte < 0x80)).toBe(true)
    expect(await lintFiles(['.'], options)).toEqual(first)
    // A cache written as UTF-8 (as earlier versions did) reads the same.
    await writeFile(path.join(sub, '.bilintcache'), JSON.stringify(JSON.parse(bytes.toString('latin1'))), 'utf8')
    expect(await lintFiles(['.'], options)).toEqual(first)
  })

  it('starts afresh from a damaged cache file', async () => {
    await writeFile(path.join(folder, 'damaged-cache'), '{not json')
    const results = await lintFiles(['doc-2.md'], {cwd: folder, cache: true, cacheLocation: 'damaged-cache'})
    expect(results[0]!.errorCount).toBe(1)
  })
})

describe('--shard', () => {
  it('parses i/n', () => {
    expect(parseShard('2/4')).toEqual({index: 2, count: 4})
    for (const bad of ['0/4', '5/4', '2', 'a/b', '2/0']) expect(parseShard(bad)).toBeNull()
  })

  it('splits files deterministically into disjoint shards that cover them all', () => {
    const files = Array.from({length: 200}, (_, index) => path.join('/docs', `part-${index}`, 'index.md'))
    const shards = [1, 2, 3, 4].map((index) => filesOfShard(files, {index, count: 4}, '/docs'))
    expect(shards.flat().sort()).toEqual([...files].sort())
    for (const shard of shards) expect(shard.length).toBeGreaterThan(25)
    // The same split whatever the order of the list.
    expect(filesOfShard([...files].reverse(), {index: 2, count: 4}, '/docs').sort()).toEqual([...shards[1]!].sort())
  })

  it('lints only the files of its shard', async () => {
    const all = await lintFiles(['.'], {cwd: folder})
    const parts = await Promise.all([1, 2].map((index) => lintFiles(['.'], {cwd: folder, shard: {index, count: 2}})))
    expect(parts.flat().map((result) => result.filePath).sort()).toEqual(all.map((result) => result.filePath).sort())
  })
})
