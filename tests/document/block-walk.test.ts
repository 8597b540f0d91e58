import {describe, expect, it} from 'vitest'
import {walkBlocks} from '../../src/document/block-walk.js'
import {buildDocument} from '../../src/document/build.js'

describe('walkBlocks', () => {
  const text = '# Title\n\nOne. Two.\n\n    code\n\nLast 段落。\n'

  it('tokenizes each prose block for its visit only', async () => {
    const index = await buildDocument(text, {format: 'markdown'})
    expect(index.root).toBeNull()
    const visited: Array<[string, number | null]> = []
    walkBlocks(index, (block) => visited.push([block.kind, block.paragraph?.children.length ?? null]))
    expect(visited).toEqual([
      ['heading', 1],
      ['paragraph', 3],
      ['code', null],
      ['paragraph', 1],
    ])
    expect(index.blocks.map((block) => block.paragraph)).toEqual([null, null, null, null])
  })

  it('visits the paragraphs an index built with trees keeps', async () => {
    const index = await buildDocument(text, {format: 'markdown', trees: true})
    const kept = index.blocks.map((block) => block.paragraph)
    const visited: unknown[] = []
    walkBlocks(index, (block) => visited.push(block.paragraph))
    expect(visited).toEqual(kept)
    visited.forEach((paragraph, position) => expect(paragraph).toBe(kept[position]))
    expect(index.root.children).toEqual(kept.filter(Boolean))
  })
})
