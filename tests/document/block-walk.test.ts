import {describe, expect, it} from 'vitest'
import {paragraphOf, walkBlocks} from '../../src/document/block-walk.js'
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

  it('hands each prose block its tokens, and builds no paragraph unless asked', async () => {
    const index = await buildDocument(text, {format: 'markdown'})
    const visited: Array<[string, string[] | null, boolean]> = []
    walkBlocks(
      index,
      (block) => visited.push([block.kind, block.tokens ? block.tokens.texts.slice(0, block.tokens.length) : null, block.paragraph !== null]),
      {paragraphs: false},
    )
    expect(visited).toEqual([
      ['heading', ['Title'], false],
      ['paragraph', ['One', '.', ' ', 'Two', '.'], false],
      ['code', null, false],
      ['paragraph', ['Last', ' ', '段落', '。'], false],
    ])
    expect(index.blocks.map((block) => block.tokens)).toEqual([null, null, null, null])
  })

  it('builds a paragraph on demand during a visit, the same as an eager walk', async () => {
    const index = await buildDocument(text, {format: 'markdown'})
    const eager: unknown[] = []
    walkBlocks(index, (block) => eager.push(block.paragraph))
    const lazy: unknown[] = []
    walkBlocks(index, (block) => lazy.push(paragraphOf(block)), {paragraphs: false})
    expect(lazy).toEqual(eager)
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
