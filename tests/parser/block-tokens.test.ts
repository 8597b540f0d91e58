/** A block's token table holds the leaves of its nlcst paragraph, and rebuilds that paragraph. */

import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import type {Paragraph} from 'nlcst'
import {beforeAll, describe, expect, it} from 'vitest'
import {countProseScripts} from '../../src/document/language.js'
import {BlockTokens, TokenType} from '../../src/parser/block-tokens.js'
import {loadRemark, readMarkdown} from '../../src/parser/markdown.js'
import {readPlainText} from '../../src/parser/plain-text.js'
import type {ProseText} from '../../src/parser/prose.js'
import {TokenRecord} from '../../src/parser/token-record.js'
import {isSinglePieceWord, Tokenizer, wordPieces} from '../../src/parser/tokenizer.js'
import {LineIndex} from '../../src/text/line-index.js'
import {randomMarkdown, SampleRandom} from './markdown-samples.js'

const root = path.resolve(import.meta.dirname, '..', '..')

beforeAll(loadRemark)

const typeNames: Record<string, number> = {
  WordNode: TokenType.Word,
  WhiteSpaceNode: TokenType.Space,
  PunctuationNode: TokenType.Punctuation,
  SymbolNode: TokenType.Symbol,
  SourceNode: TokenType.Source,
}

/** The leaves of a paragraph as table rows: type, text, offsets and paragraph child. */
function leavesOf(paragraph: Paragraph): unknown[] {
  const rows: unknown[] = []
  paragraph.children.forEach((child, sentence) => {
    for (const node of child.type === 'SentenceNode' ? child.children : [child]) {
      const text = 'value' in node ? node.value : node.children.map((part) => part.value).join('')
      rows.push([typeNames[node.type], text, node.position!.start.offset, node.position!.end.offset, sentence])
    }
  })
  return rows
}

/** The rows of a token table. */
function rowsOf(tokens: BlockTokens): unknown[] {
  return Array.from({length: tokens.length}, (_, index) => [
    tokens.types[index],
    tokens.texts[index],
    tokens.starts[index],
    tokens.ends[index],
    tokens.sentences[index],
  ])
}

/** The prose of every block of a document. */
function proseOf(text: string, markdown: boolean): ProseText[] {
  const lines = new LineIndex(text)
  return (markdown ? readMarkdown(text, lines) : readPlainText(text)).blocks.flatMap((block) => (block.prose ? [block.prose] : []))
}

/** Checks every block's table against its paragraph, scanned and replayed; returns the number of words checked. */
function expectSameLeaves(text: string, markdown: boolean): number {
  const lines = new LineIndex(text)
  const tokenizer = new Tokenizer(lines)
  const record = new TokenRecord(1_000_000)
  const tokens = new BlockTokens()
  let words = 0
  const scanned = proseOf(text, markdown)
  const recorded = proseOf(text, markdown)
  for (const prose of recorded) countProseScripts(tokenizer, prose, record)
  scanned.forEach((prose, block) => {
    const paragraph = tokenizer.tokenize(prose)
    for (const source of [prose, recorded[block]!]) {
      tokenizer.read(source, tokens)
      expect(rowsOf(tokens)).toEqual(leavesOf(paragraph))
      expect(tokens.children).toBe(paragraph.children.length)
      expect(tokenizer.paragraphOf(tokens)).toEqual(paragraph)
    }
    // Word pieces are the word node's children.
    const nodes = paragraph.children.flatMap((child) => (child.type === 'SentenceNode' ? child.children : [child]))
    nodes.forEach((node, index) => {
      if (node.type !== 'WordNode') return
      words++
      const children = node.children.map((child) => ({type: child.type, value: child.value, start: child.position!.start.offset, end: child.position!.end.offset}))
      expect(wordPieces(tokens, index)).toEqual(children)
      expect(isSinglePieceWord(tokens.texts[index]!)).toBe(children.length === 1)
    })
  })
  return words
}

describe('block token tables', () => {
  it('hold the leaves of every fixture paragraph', () => {
    let words = 0
    for (const name of readdirSync(path.join(root, 'fixtures'))) {
      const text = readFileSync(path.join(root, 'fixtures', name), 'utf8')
      words += expectSameLeaves(text, name.endsWith('.md'))
    }
    expect(words).toBeGreaterThan(1000)
  })

  it('hold the leaves of seeded random Markdown', () => {
    const random = new SampleRandom(20261129)
    for (let sample = 0; sample < 150; sample++) expectSameLeaves(randomMarkdown(random, 30, sample % 2 ? '\n' : '\r\n'), true)
  })

  it('number sentences and the white space around them as paragraph children', () => {
    const text = ' First one. Second one!  第三句。第四句'
    const lines = new LineIndex(text)
    const [prose] = proseOf(text, false)
    const tokens = new BlockTokens()
    new Tokenizer(lines).read(prose!, tokens)
    const sentenceOf = (word: string): number => tokens.sentences[tokens.texts.indexOf(word)]!
    expect([sentenceOf('First'), sentenceOf('Second'), sentenceOf('第三句'), sentenceOf('第四句')]).toEqual([1, 3, 5, 6])
    expect(tokens.sentenceStart(tokens.texts.indexOf('one'))).toBe(tokens.texts.indexOf('First'))
    expect(tokens.texts[tokens.sentenceEnd(tokens.texts.indexOf('First')) - 1]).toBe('.')
  })
})
