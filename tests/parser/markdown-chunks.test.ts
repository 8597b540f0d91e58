import {describe, expect, it} from 'vitest'
import {buildDocument} from '../../src/document/build.js'
import {cutMarkFinder, markdownChunks} from '../../src/parser/markdown-chunks.js'
import {loadRemark, readMarkdown} from '../../src/parser/markdown.js'
import {LineIndex} from '../../src/text/line-index.js'

/** The first 10 characters of each chunk of a document (chunks of any length), having checked that the chunks cover it. */
function chunkStarts(text: string): string[] {
  const chunks = markdownChunks(text, 1)
  expect(chunks.map((chunk) => text.slice(chunk.start, chunk.end)).join('')).toBe(text)
  return chunks.map((chunk) => text.slice(chunk.start, chunk.start + 10))
}

describe('markdownChunks', () => {
  it('keeps small documents whole', () => {
    expect(markdownChunks('# A\n\ntext\n')).toEqual([{start: 0, end: 10}])
  })

  it('splits only between top-level blocks, never inside fences, comments, lists or quotes', () => {
    const text = [
      'para one',
      '',
      '```',
      'code',
      '',
      'still code',
      '```',
      '',
      '- item',
      '',
      '- loose item',
      '',
      '> quote',
      '',
      '> quote again',
      '',
      '<!-- comment',
      '',
      'still comment -->',
      '',
      'para two',
      '',
      '    indented code',
      '',
      'para three',
      '',
    ].join('\n')
    // Lists and quotes are never split before: a blank line may sit inside a loose list.
    expect(chunkStarts(text)).toEqual(['para one\n\n', '```\ncode\n\n', '<!-- comme', 'para two\n\n', 'para three'])
  })

  it('reads the lines of an HTML block as its own: a fence in one opens no code block', () => {
    const text = [
      '<div>',
      '```',
      '</div>',
      '',
      'para one',
      '',
      '~~~',
      'code',
      '',
      'still code',
      '~~~',
      '',
      '<custom-box class="note">',
      '```',
      '',
      'para two',
      '<span>',
      '```',
      '',
      'code, since a lone tag cannot interrupt a paragraph',
      '```',
      '',
      '<?php echo 1;',
      '',
      '``` ?>',
      '',
      '<!DOCTYPE html>',
      '',
      'para three',
      '',
      '## A lone tag after a heading opens an HTML block',
      '<span>',
      '```',
      '',
      'para four',
      '',
    ].join('\n')
    expect(chunkStarts(text)).toEqual(['<div>\n```\n', 'para one\n\n', '~~~\ncode\n\n', '<custom-bo', 'para two\n<', '<?php echo', '<!DOCTYPE ', 'para three', '## A lone ', 'para four\n'])
  })

  it.each([
    {kind: 'YAML', open: '---', close: '---'},
    {kind: 'TOML', open: '+++', close: '+++'},
  ])('reads no block in $kind front matter: what its lines seem to open stays in it', ({open, close}) => {
    const text = [open, 'note: <!-- open', 'text: |', '  ```', close, '', 'para one', '', '~~~', 'code', '', 'code', '~~~', '', 'para two', ''].join('\n')
    expect(chunkStarts(text)).toEqual([`${open}\nnote: `, 'para one\n\n', '~~~\ncode\n\n', 'para two\n'])
  })

  /** A document's blocks as kind and source, read by pieces (the simple reader and remark) or whole by remark. */
  async function blocksOf(text: string, remarkOnly: boolean): Promise<string[]> {
    await loadRemark()
    return readMarkdown(text, new LineIndex(text), {remarkOnly}).blocks.map((block) => `${block.kind} ${JSON.stringify(text.slice(block.start, block.end))}`)
  }

  it('cuts HTML blocks where reading the document whole gives the same blocks', async () => {
    const text = ['# Title', '<span>', '```', '', 'Text.', '', '<div>', '~~~', '</div>', '', 'More text.', '', '~~~', 'code', '', 'code', '~~~', ''].join('\n')
    expect(await blocksOf(text, false)).toEqual(await blocksOf(text, true))
    expect(await blocksOf(text, true)).toEqual(expect.arrayContaining(['html "<span>\\n```"', 'code "~~~\\ncode\\n\\ncode\\n~~~"']))
  })

  // A block in a list item ends at a line without indentation, and micromark may read a lone tag
  // on a lazy line of a list item as an HTML block: the scan follows both readings.
  it.each([
    '- item\n===\n</script>\n````\n\nx\n\n````\n',
    '- item\n</script>\n  <div>\n<![CDATA[\nx <div> y\n\ntext\n',
    '- item\n\n  <div>\n```\n\ncode\n```\n\ntext\n',
    '> quote\n<span>\n```\n\ncode\n',
  ])('cuts blocks that a list item or quote may hold where reading whole gives the same blocks: %j', async (text) => {
    expect(await blocksOf(text, false)).toEqual(await blocksOf(text, true))
  })

  // After indented code, micromark ends the block after the last blank line of 4 columns or more;
  // in a list item, after a blank line indented as its content.
  it.each([
    '    code\n        \npara\n',
    '    code\n        \n\npara\n',
    '    code\n\n     \npara\n',
    '    code\n\t\r\npara\r\n',
    '- item\n\n      code\n          \npara\n',
    '- <!-- a\n    \n`code` word\n',
    '- item\n  more\n      \npara\n',
  ])('does not cut after indented code or a list item and a blank line of white space: %j', async (text) => {
    expect(markdownChunks(text, 1)).toHaveLength(1)
    expect(await blocksOf(text, false)).toEqual(await blocksOf(text, true))
  })

  it.each(['    code\n   \npara\n', 'para\n        \nnext\n', '- item\n  more\n\npara\n'])('still cuts after a blank line when no code or list item comes before it, or when it is empty: %j', async (text) => {
    expect(markdownChunks(text, 1)).toHaveLength(2)
    expect(await blocksOf(text, false)).toEqual(await blocksOf(text, true))
  })

  it('gives the same blocks and positions as parsing whole', async () => {
    const section = '## Section\n\nSome PM2.5Caused text with **bold** and `code`.\n\n1. one\n2. two\n\n> quoted &amp; text\n\n'
    const text = section.repeat(300)
    expect(markdownChunks(text).length).toBeGreaterThan(1)
    const index = await buildDocument(text, {format: 'markdown'})
    const kinds = index.blocks.slice(0, 5).map((block) => `${block.kind}@${block.start}`)
    expect(kinds).toEqual(['heading@0', 'paragraph@12', 'listItem@61', 'listItem@68', 'paragraph@78'])
    const last = index.blocks[index.blocks.length - 1]!
    expect(text.slice(last.start, last.end)).toBe('quoted &amp; text')
    expect(index.blocks.filter((block) => block.kind === 'heading')).toHaveLength(300)
    // Every word still sits on its exact source slice.
    for (const block of index.blocks) {
      if (block.prose && block.kind === 'heading') expect(text.slice(block.start, block.end)).toBe('## Section')
    }
  })
})

describe('cutMarkFinder', () => {
  /** The definition: some character of `[start, end)` is a backtick, a tilde or `<`. */
  const holdsCutMark = (text: string, start: number, end: number): boolean => /[`~<]/.test(text.slice(start, end))

  it('agrees with a scan of each range, for ranges asked about in order', () => {
    let seed = 7
    const random = (below: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
      return seed % below
    }
    const alphabet = ['a', ' ', '\n', '`', '~', '<', '汉', '>']
    for (let round = 0; round < 300; round++) {
      const text = Array.from({length: random(120)}, () => alphabet[random(alphabet.length)]).join('')
      const holds = cutMarkFinder(text)
      for (let start = 0; start <= text.length; ) {
        const end = Math.min(text.length, start + random(12))
        expect(holds(start, end), `${JSON.stringify(text)} [${start}, ${end})`).toBe(holdsCutMark(text, start, end))
        start = end + random(3)
      }
    }
  })
})
