import type {Nodes as NlcstNodes} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {describe, expect, it} from 'vitest'
import {buildDocument, type DocumentTree} from '../../src/document/build.js'

const sample = [
  '---',
  'title: Front matter is not prose',
  '---',
  '',
  '# A heading with `code` and **bold** words',
  '',
  'A paragraph with a [link text](https://example.com/not-prose) and &amp; entity, \\*escaped\\* stars,',
  'and a second line with 𠮷野家 astral Han and 中文English glue.',
  '',
  '- A list item that continues',
  '  on an indented line with teh typo',
  '  - nested item with words',
  '',
  '> A quote that spans',
  '> two lines with enviroment here',
  '',
  '1. Ordered &copy; item',
  '',
  '| Cell one | 单元格 |',
  '| --- | --- |',
  '| more words | 更多 |',
  '',
  '```js',
  'const notProse = 1',
  '```',
  '',
  '<div>html block is not prose</div>',
  '',
  'Last line with a hard  ',
  'break and <span>inline html</span> end.',
  '',
].join('\n')

function wordNodes(index: DocumentTree): NlcstNodes[] {
  const found: NlcstNodes[] = []
  const walk = (node: NlcstNodes): void => {
    if (node.type === 'WordNode') found.push(node)
    if ('children' in node) for (const child of node.children) walk(child)
  }
  walk(index.root)
  return found
}

/** Words whose source slice differs from their text (only decoded entities may). */
function misplacedWords(index: DocumentTree): string[] {
  return wordNodes(index)
    .filter((word) => index.text.slice(word.position!.start.offset, word.position!.end.offset) !== toString(word))
    .map((word) => `${toString(word)}@${word.position!.start.line}:${word.position!.start.column}`)
}

describe('Markdown reader', () => {
  for (const [name, text] of [
    ['LF', sample],
    ['CRLF', sample.replaceAll('\n', '\r\n')],
  ] as const) {
    it(`maps every word to its exact source slice (${name})`, async () => {
      const index = await buildDocument(text, {format: 'markdown', trees: true})
      expect(misplacedWords(index)).toEqual([])
      const allWords = wordNodes(index).map((word) => toString(word))
      for (const expected of ['teh', 'enviroment', '𠮷野家', '中文', 'English', 'escaped', 'Ordered', '单元格', 'break']) {
        expect(allWords).toContain(expected)
      }
      for (const hidden of ['notProse', 'matter', 'example', 'prose', 'code']) expect(allWords).not.toContain(hidden)
    })
  }

  it('reports positions through list indents and block quotes', async () => {
    const index = await buildDocument(sample, {format: 'markdown', trees: true})
    const find = (text: string) => wordNodes(index).find((word) => toString(word) === text)!.position!.start
    expect(find('teh')).toMatchObject({line: 11, column: 28})
    expect(find('enviroment')).toMatchObject({line: 15, column: 18})
    expect(find('astral')).toMatchObject({line: 8, column: 29})
  })

  it('indexes blocks with their kinds, depths and list markers', async () => {
    const index = await buildDocument(sample, {format: 'markdown'})
    const kinds = index.blocks.map((block) => `${block.kind}:${block.depth}`)
    expect(kinds).toEqual([
      'other:0',
      'heading:1',
      'paragraph:0',
      'listItem:1',
      'listItem:2',
      'paragraph:0',
      'listItem:1',
      'table:0',
      'tableCell:0',
      'tableCell:0',
      'tableCell:0',
      'tableCell:0',
      'code:0',
      'html:0',
      'paragraph:0',
    ])
    const ordered = index.blocks.find((block) => block.list?.ordered)!
    expect(ordered.marker).toMatchObject({style: 'decimal-dot', value: 1, text: '1.'})
    expect(index.blocks[5]!.quoted).toBe(true)
  })

  it('reads bilint directives from HTML comments', async () => {
    const index = await buildDocument(
      'Text.\n\n<!-- bilint-disable glued-subscript, mixed-language -->\n\nMore <!-- bilint-disable-next-line -->\ntext.\n\n<!-- bilint-enable -->\n',
      {format: 'markdown'},
    )
    expect(index.directives).toEqual([
      {kind: 'disable', ruleIds: ['glued-subscript', 'mixed-language'], line: 3, endLine: 3},
      {kind: 'disable-next-line', ruleIds: [], line: 5, endLine: 5},
      {kind: 'enable', ruleIds: [], line: 8, endLine: 8},
    ])
  })
})

describe('plain-text reader', () => {
  it('splits paragraphs at blank lines', async () => {
    const index = await buildDocument('First paragraph\nwraps here.\n\nSecond one.\n', {format: 'text'})
    expect(index.blocks.map((block) => index.text.slice(block.start, block.end))).toEqual([
      'First paragraph\nwraps here.',
      'Second one.',
    ])
  })

  it('reads one paragraph per line when a file has no blank line and long lines', async () => {
    const long = 'This line is long enough to show that the file was never hard-wrapped, as machine translations are exported from tools and word processors alike.'
    const index = await buildDocument(`Title line\n${long}\n${long}\n`, {format: 'text'})
    expect(index.blocks).toHaveLength(3)
    expect(index.blocks[0]!.kind).toBe('heading')
  })

  it('keeps hard-wrapped paragraphs whole when no line is long', async () => {
    const index = await buildDocument('A short line\nand another\nand a third.\n', {format: 'text'})
    expect(index.blocks).toHaveLength(1)
  })
})

describe('fixable spans', () => {
  it('allow verbatim prose and refuse markup, code and entities', async () => {
    const {isFixableSpan} = await import('../../src/document/fixable.js')
    const text = '- item with CO~2~emissions and PM2.5Caused\n  and `PM2.5Caused` &amp; more\n'
    const index = await buildDocument(text, {format: 'markdown'})
    const at = (needle: string) => [text.indexOf(needle), text.indexOf(needle) + needle.length] as const
    expect(isFixableSpan(index, ...at('PM2.5Caused'))).toBe(true)
    expect(isFixableSpan(index, ...at('CO~2~emissions'))).toBe(false)
    expect(isFixableSpan(index, ...at('`PM2.5Caused`'))).toBe(false)
    expect(isFixableSpan(index, ...at('&amp;'))).toBe(false)
    expect(isFixableSpan(index, ...at('\n  and'))).toBe(false)
  })
})
