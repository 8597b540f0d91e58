import type {Nodes as NlcstNodes, Paragraph} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {ParseEnglish} from 'parse-english'
import retextRepeatedWords from 'retext-repeated-words'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {buildDocument} from '../../src/document/build.js'
import {ProseText} from '../../src/parser/prose.js'
import {Tokenizer} from '../../src/parser/tokenizer.js'
import {LineIndex} from '../../src/text/line-index.js'

/** Tokenizes a whole text as one paragraph. */
function tokenize(text: string): Paragraph {
  const prose = new ProseText()
  prose.append(text, 0)
  return new Tokenizer(new LineIndex(text)).tokenize(prose)
}

/** Every node of a tree, depth first. */
function allNodes(node: NlcstNodes): NlcstNodes[] {
  const nodes: NlcstNodes[] = [node]
  if ('children' in node) for (const child of node.children) nodes.push(...allNodes(child))
  return nodes
}

function words(paragraph: Paragraph): string[] {
  return allNodes(paragraph)
    .filter((node) => node.type === 'WordNode')
    .map((node) => toString(node))
}

function sentences(paragraph: Paragraph): string[] {
  return paragraph.children.filter((node) => node.type === 'SentenceNode').map((node) => toString(node))
}

describe('tokenizer', () => {
  it('splits words at Han/Latin boundaries', () => {
    expect(words(tokenize('大会精神Resolutely shoulder'))).toEqual(['大会精神', 'Resolutely', 'shoulder'])
    expect(words(tokenize('使用Python语言和PM2.5浓度'))).toEqual(['使用', 'Python', '语言和', 'PM2.5', '浓度'])
  })

  it('keeps astral Han characters as letters of a word', () => {
    expect(words(tokenize('𠮷野家 and 𠀀𠀁'))).toEqual(['𠮷野家', 'and', '𠀀𠀁'])
  })

  it('ends sentences at 。！？ with their closing quotes', () => {
    expect(sentences(tokenize('第一句。第二句！Third sentence. 第四句？“引号。”后面'))).toEqual([
      '第一句。',
      '第二句！',
      'Third sentence.',
      '第四句？',
      '“引号。”',
      '后面',
    ])
  })

  it('does not end a sentence after abbreviations, initials or before lower case', () => {
    expect(sentences(tokenize('Dr. Wang met J. Smith, e.g. at 3 p.m. today. Next one.'))).toEqual([
      'Dr. Wang met J. Smith, e.g. at 3 p.m. today.',
      'Next one.',
    ])
  })

  it('joins inner punctuation into words', () => {
    expect(words(tokenize("It's a well-known 3,000-tonne CO2-equivalent at 10:30, snake_case"))).toEqual([
      "It's",
      'a',
      'well-known',
      '3,000-tonne',
      'CO2-equivalent',
      'at',
      '10:30',
      'snake_case',
    ])
  })

  it('keeps URLs, e-mail addresses and file names as source nodes', () => {
    const paragraph = tokenize('See https://example.com/a_(b), mail me@example.org or open README.md now.')
    const sources = allNodes(paragraph)
      .filter((node) => node.type === 'SourceNode')
      .map((node) => toString(node))
    expect(sources).toEqual(['https://example.com/a_(b)', 'me@example.org', 'README.md'])
  })

  it('emits the same words as parse-english on English prose', () => {
    const samples = [
      'The delta spans four provinces, and its largest lake lies outside the region.',
      "General Secretary Xi Jinping's speech raised the party's understanding to a new height!",
      'Stations measure PM10, NO2 and SO2 every hour; results go to the national platform.',
    ]
    for (const sample of samples) {
      const theirs = allNodes(new ParseEnglish().parse(sample) as unknown as NlcstNodes)
        .filter((node) => node.type === 'WordNode')
        .map((node) => toString(node))
      expect(words(tokenize(sample))).toEqual(theirs)
    }
  })

  it('gives every node the exact source slice, with CRLF, emoji and astral characters', () => {
    const text = 'Line one 👍🏽 ok.\r\n第二行𠮷字。Third line\rfourth: done!'
    const paragraph = tokenize(text)
    const lines = new LineIndex(text)
    for (const node of allNodes(paragraph)) {
      const start = node.position!.start
      const end = node.position!.end
      expect(text.slice(start.offset, end.offset)).toBe(toString(node))
      expect(lines.point(start.offset!)).toEqual(start)
      expect(lines.point(end.offset!)).toEqual(end)
    }
    const fourth = allNodes(paragraph).find((node) => node.type === 'WordNode' && toString(node) === 'fourth')!
    expect(fourth.position!.start).toMatchObject({line: 3, column: 1})
    const third = allNodes(paragraph).find((node) => node.type === 'WordNode' && toString(node) === 'Third')!
    // `𠮷` is two UTF-16 units: columns count code units, as SARIF and LSP do.
    expect(third.position!.start).toMatchObject({line: 2, column: 8})
  })

  it('is understood by retext plugins from the ecosystem', async () => {
    const document = await buildDocument('It is is a test. 这是 是 测试。\n', {format: 'text', trees: true})
    const file = new VFile({value: document.text})
    unified().use(retextRepeatedWords).runSync(document.root, file)
    expect(file.messages.map((message) => [message.reason, message.line, message.column])).toEqual([
      ['Unexpected repeated `is`, remove one occurrence', 1, 4],
    ])
  })
})
