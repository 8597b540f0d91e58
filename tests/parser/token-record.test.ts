/** Replaying a block's recorded tokens builds the same paragraph as scanning it. */

import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {countProseScripts} from '../../src/document/language.js'
import {loadRemark, readMarkdown} from '../../src/parser/markdown.js'
import {readPlainText} from '../../src/parser/plain-text.js'
import type {ProseText} from '../../src/parser/prose.js'
import {TokenRecord} from '../../src/parser/token-record.js'
import {Tokenizer} from '../../src/parser/tokenizer.js'
import {LineIndex} from '../../src/text/line-index.js'
import {randomMarkdown, SampleRandom} from './markdown-samples.js'

const root = path.resolve(import.meta.dirname, '..', '..')

beforeAll(loadRemark)

/** The prose of every block of a document, read twice: once to scan, once to record and replay. */
function proseOf(text: string, markdown: boolean): Array<[ProseText, ProseText]> {
  const lines = new LineIndex(text)
  const read = (): ProseText[] => (markdown ? readMarkdown(text, lines) : readPlainText(text)).blocks.flatMap((block) => (block.prose ? [block.prose] : []))
  const first = read()
  const second = read()
  return first.map((prose, index) => [prose, second[index]!])
}

/** Compares the scanned and the replayed paragraphs of every block, and the letter counts. */
function expectSameTrees(text: string, markdown: boolean, budget = 1_000_000): number {
  const lines = new LineIndex(text)
  const scanning = new Tokenizer(lines)
  const replaying = new Tokenizer(lines)
  const record = new TokenRecord(budget)
  let replayed = 0
  for (const [scanned, recorded] of proseOf(text, markdown)) {
    const counts = countProseScripts(replaying, recorded, record)
    expect(counts).toEqual(countProseScripts(scanning, scanned))
    if (recorded.tokenRecord) replayed++
    expect(replaying.tokenize(recorded)).toEqual(scanning.tokenize(scanned))
    expect(recorded.tokenRecord).toBeNull()
  }
  return replayed
}

describe('token records', () => {
  it('replay every fixture document as it scans', () => {
    let replayed = 0
    for (const name of readdirSync(path.join(root, 'fixtures'))) {
      const text = readFileSync(path.join(root, 'fixtures', name), 'utf8')
      replayed += expectSameTrees(text, name.endsWith('.md'))
      replayed += expectSameTrees(text, false)
    }
    expect(replayed).toBeGreaterThan(100)
  })

  it('replay seeded random Markdown as it scans', () => {
    const random = new SampleRandom(20261128)
    for (let sample = 0; sample < 200; sample++) expectSameTrees(randomMarkdown(random, 30, sample % 2 ? '\n' : '\r\n'), true)
  })

  it('replay a whole recorded document across its chunks, in order and again out of order', () => {
    const paragraph = (index: number): string => `Block ${index}: the river 长江 rose by 3%. See https://example.org/a.b and \`code\`.`
    // About 20 tokens a block: the record spans several chunks, and blocks straddle their ends.
    const text = Array.from({length: 2000}, (_, index) => (index % 97 === 0 ? '#' : paragraph(index))).join('\n\n')
    const lines = new LineIndex(text)
    const scanning = new Tokenizer(lines)
    const replaying = new Tokenizer(lines)
    const record = new TokenRecord(1_000_000)
    const pairs = proseOf(text, true)
    for (const [scanned, recorded] of pairs) expect(countProseScripts(replaying, recorded, record)).toEqual(countProseScripts(scanning, scanned))
    expect(record.size).toBeGreaterThan(40_000)
    const order = pairs.map((_, index) => index)
    // The second half first, then the first: a replay before the last one's start reads from the first chunk again.
    for (const index of [...order.slice(1000), ...order.slice(0, 1000)]) {
      const [scanned, recorded] = pairs[index]!
      expect(recorded.tokenRecord).toBe(record)
      expect(replaying.tokenize(recorded)).toEqual(scanning.tokenize(scanned))
    }
  })

  it('scan the blocks past the budget', () => {
    const text = Array.from({length: 40}, (_, index) => `Paragraph ${index}: the river 长江 rose by 3%. See https://example.org/a.b and \`code\`.`).join('\n\n')
    const replayed = expectSameTrees(text, true, 50)
    expect(replayed).toBeGreaterThan(0)
    expect(replayed).toBeLessThan(40)
  })
})
