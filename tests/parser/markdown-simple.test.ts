/**
 * The simple Markdown reader must give exactly the blocks remark gives:
 * kinds, spans, list ids, quoted flags, and prose mapped to the same source
 * offsets. Checked on random documents (seeded) and on every Markdown file
 * of the project, and case by case on the inline rules it copies from
 * micromark.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import type {ReadDocument} from '../../src/parser/block-source.js'
import {markdownChunks} from '../../src/parser/markdown-chunks.js'
import {InlineMark, markInline} from '../../src/parser/markdown-inline.js'
import {readDefinitionPiece, readSimplePiece} from '../../src/parser/markdown-simple-blocks.js'
import {loadRemark, readMarkdown} from '../../src/parser/markdown.js'
import {LineIndex} from '../../src/text/line-index.js'
import {randomFrontMatter, randomHtmlBlocks, randomMarkdown, randomReferences, randomTables, randomTrailingWhiteSpace, randomWrappedLists, SampleRandom} from './markdown-samples.js'

const root = path.resolve(import.meta.dirname, '..', '..')

beforeAll(loadRemark)

/** Everything a block carries, as plain data. */
function blocksOf(read: ReadDocument): unknown[] {
  return [...read.directives, ...read.blocks.map((block) => ({
    kind: block.kind,
    start: block.start,
    end: block.end,
    depth: block.depth,
    quoted: block.quoted,
    list: block.list,
    prose: block.prose && {
      value: block.prose.value,
      opaque: block.prose.opaque,
      // Each prose offset's source offset.
      map: Array.from({length: block.prose.value.length + 1}, (_, offset) => block.prose!.toSource(offset)),
    },
  }))]
}

function readBoth(text: string): {remark: unknown[]; simple: unknown[]} {
  const lines = new LineIndex(text)
  return {remark: blocksOf(readMarkdown(text, lines, {remarkOnly: true})), simple: blocksOf(readMarkdown(text, lines))}
}

/** The prose micromark would see: kept characters, code spans as they are. */
function proseOf(value: string, defined: ReadonlySet<string> | null = null): string | null {
  const marks = markInline(value, defined)
  if (!marks) return null
  let prose = ''
  for (let index = 0; index < value.length; index++) if (marks[index] === InlineMark.Keep || marks[index] === InlineMark.Code) prose += value[index]
  return prose
}

describe('simple reader against remark', () => {
  /** The first documents (of `count` made by `make`) on which the two readers differ. */
  function mismatches(seed: number, count: number, make: (random: SampleRandom) => string): string[] {
    const random = new SampleRandom(seed)
    const found: string[] = []
    for (let sample = 0; sample < count && found.length < 5; sample++) {
      const text = make(random)
      const {remark, simple} = readBoth(text)
      if (JSON.stringify(remark) !== JSON.stringify(simple)) found.push(JSON.stringify(text))
    }
    return found
  }

  it('gives the same blocks on 4,000 random short documents (LF and CRLF)', () => {
    const short = (random: SampleRandom): string => randomMarkdown(random, 1 + Math.floor(random.next() * 8), random.next() < 0.2 ? '\r\n' : '\n')
    expect(mismatches(20261128, 4000, short)).toEqual([])
  }, 60_000)

  it('gives the same blocks on 300 random long documents', () => {
    expect(mismatches(7, 300, (random) => randomMarkdown(random, 20 + Math.floor(random.next() * 60), '\n'))).toEqual([])
  }, 60_000)

  it('gives the same blocks on 1,500 random documents of tables', () => {
    expect(mismatches(42, 1500, (random) => randomTables(random, random.next() < 0.2 ? '\r\n' : '\n'))).toEqual([])
  }, 60_000)

  /** A random line ending, CRLF one time in five. */
  const lineEnding = (random: SampleRandom): string => (random.next() < 0.2 ? '\r\n' : '\n')

  it.each([
    {kind: 'whose lines end in spaces or tabs', seed: 1129, count: 3000, make: (random: SampleRandom) => randomTrailingWhiteSpace(random, 1 + Math.floor(random.next() * 10), lineEnding(random))},
    {kind: 'of wrapped list items and paragraphs', seed: 1130, count: 3000, make: (random: SampleRandom) => randomWrappedLists(random, 2 + Math.floor(random.next() * 10), lineEnding(random))},
    {kind: 'of link and footnote references and definitions', seed: 1131, count: 1500, make: (random: SampleRandom) => randomReferences(random, 2 + Math.floor(random.next() * 20), lineEnding(random))},
    {kind: 'that open with front matter', seed: 1132, count: 1500, make: (random: SampleRandom) => randomFrontMatter(random, 2 + Math.floor(random.next() * 20), lineEnding(random))},
    {kind: 'of HTML blocks, fences and paragraphs', seed: 1133, count: 3000, make: (random: SampleRandom) => randomHtmlBlocks(random, 2 + Math.floor(random.next() * 30), lineEnding(random))},
  ])('gives the same blocks on $count random documents $kind', ({seed, count, make}) => {
    expect(mismatches(seed, count, make)).toEqual([])
  }, 60_000)

  it.each([
    {definitions: 3, opening: ''},
    {definitions: 3, opening: '---\ntitle: x\n---\n\n'},
    {definitions: 200, opening: ''},
    {definitions: 200, opening: '+++\ntitle = "x"\n+++\n'},
  ])('resolves references against $definitions definitions at the end of a long document, read by pieces: $opening', ({definitions, opening}) => {
    // Over 8 KB with markup remark reads in every paragraph: several parses, the definitions in the last.
    const filler = Array.from({length: 250}, (_, index) => `Paragraph ${index} has <b>markup</b> that remark reads.`).join('\n\n')
    const more = Array.from({length: definitions - 3}, (_, index) => `[more ${index}]: /m`).join('\n')
    const text = `${opening}See [the guide][g], [Guide] and [none][x] here.[^1]\n\n${filler}\n\n[g]: https://example.com/g\n[guide]: /u\n${more}\n\n[^1]: A note.\n`
    for (const remarkOnly of [false, true]) {
      const read = readMarkdown(text, new LineIndex(text), {remarkOnly})
      const paragraphs = read.blocks.filter((block) => block.kind === 'paragraph')
      expect(paragraphs[0]!.prose!.value, `remarkOnly: ${remarkOnly}`).toBe('See the guide, Guide and [none][x] here.')
      expect(paragraphs).toHaveLength(252)
    }
  })

  it('reads TOML front matter as front matter, not prose, with no blank line after it', () => {
    const text = '+++\ntitle = "Quarterly report"\n\ndraft = true\n+++\nThe text.\n'
    const {remark, simple} = readBoth(text)
    expect(simple).toEqual(remark)
    expect(readMarkdown(text, new LineIndex(text)).blocks.map((block) => block.prose?.value ?? null)).toEqual([null, 'The text.'])
  })


  const markdownFiles = [
    ...readdirSync(path.join(root, 'fixtures')).map((name) => path.join('fixtures', name)),
    ...readdirSync(path.join(root, 'rules')).map((name) => path.join('rules', name, 'README.md')),
    'README.md',
  ].filter((file) => file.endsWith('.md'))

  it.each(markdownFiles)('gives the same blocks on %s', (file) => {
    const {remark, simple} = readBoth(readFileSync(path.join(root, file), 'utf8'))
    expect(simple).toEqual(remark)
  })

  it('reads lines that end in spaces or tabs without remark, unless a backslash comes before', () => {
    const read = ['a \nb\n', 'a\t\nb\n', 'a  \t\nb\n', 'a   \n', '> a \n> b  \n', '- a \nb\t\n- c \n', 'a `code` \nb\n', 'a [link](u) \r\nb \r\n', '> a\n>   \n', 'a  \nb\n', 'a `b  \nc`\n']
    for (const text of read) {
      expect(readSimplePiece(text, 0, text.length, null), JSON.stringify(text)).not.toBeNull()
      const {remark, simple} = readBoth(text)
      expect(simple, JSON.stringify(text)).toEqual(remark)
    }
    // A backslash before the white space.
    for (const text of ['a\\ \nb\n']) {
      expect(readSimplePiece(text, 0, text.length, null), JSON.stringify(text)).toBeNull()
    }
  })

  it('reads a clean report whose lines end in a space entirely without remark', () => {
    const text = readFileSync(path.join(root, 'fixtures', 'clean-en-report.md'), 'utf8').replace(/(?<=\S)\n/g, ' \n')
    const pieces = markdownChunks(text, 0)
    expect(pieces.filter((piece) => readSimplePiece(text, piece.start, piece.end, null) === null)).toEqual([])
    const {remark, simple} = readBoth(text)
    expect(simple).toEqual(remark)
  })

  it('reads a clean report entirely without remark', () => {
    const text = readFileSync(path.join(root, 'fixtures', 'clean-en-report.md'), 'utf8')
    const pieces = markdownChunks(text, 0)
    expect(pieces.filter((piece) => readSimplePiece(text, piece.start, piece.end, null) === null)).toEqual([])
  })

  it.each([
    '1. The log; see `/opt/dss` and [the portal](https://example.\n',
    'See [the portal](https://example.com/a b and more.\n',
    'See [the portal](https://example.com/a_b\n',
    'See [a](https://x.com/*y* and *z*.\n',
    'See [a **b**](https://x.com/y and **c**.\n',
    'See [a](https://x.com/y) and [b](https://x.com/z\n',
    'See [[a](https://x.com/y\n',
    'See [a](HTTPS://x.com/y] and b](c)\n',
    'See a](https://x.com/y [b](c)\n',
    '- x [a](https://x.com/(y)\n- z\n',
    // HTML comments inside a line, directives included.
    'The rule is off here. <!-- bilint-disable-line spelling -->\n',
    '- An item <!-- x --> with <!---->two<!-->comments\n',
    '## A heading <!-- bilint-disable-line -->\n',
    '| a <!-- x --> | b |\n| - | - |\n| `c` <!-- bilint-disable-line --> | d |\n',
    'A [link <!-- ] --> text](u) and *emphasis<!-- * -->*.\n',
    'An unclosed <!-- comment\nthat ends --> on the next line.\n',
  ])('reads a web address after an unclosed link, or an HTML comment inside a line, as remark does: %j', (text) => {
    const {remark, simple} = readBoth(text)
    expect(simple).toEqual(remark)
  })

  it.each([
    ['See <https://example.com/a> here.\n', 'See https://example.com/a here.'],
    ['- An item <ftp://files.example.com/x.zip>\n', 'An item ftp://files.example.com/x.zip'],
    ['A [link <https://a.io> text](u).\n', 'A link https://a.io text.'],
    ['Write to <help.desk+bilint@mail.example.com>.\n', 'Write to help.desk+bilint@mail.example.com.'],
  ])('reads an autolink without remark, as remark does: %j', (text, prose) => {
    expect(readSimplePiece(text, 0, text.length, null)).not.toBeNull()
    const {remark, simple} = readBoth(text)
    expect(simple).toEqual(remark)
    expect(readMarkdown(text, new LineIndex(text)).blocks[0]!.prose!.value).toBe(prose)
  })

  it.each([
    'A line  \nbroken with two spaces.\n',
    '- An item  \n  broken *in  \n  emphasis*.\n',
    '> A quote  \n> broken *in  \n> emphasis*.\n',
    'A [link  \ntext](u) and a comment <!-- a  \nb --> across a break.\n',
  ])('reads a hard break without remark, as remark does: %j', (text) => {
    expect(readSimplePiece(text, 0, text.length, null)).not.toBeNull()
    const {remark, simple} = readBoth(text)
    expect(simple).toEqual(remark)
  })

  it.each([
    {text: '[guide]: https://example.com/guide\n[The  Spec]: /spec  \n\n', labels: ['guide', 'The  Spec']},
    {text: '   [中文]: ./zh.md\t\n', labels: ['中文']},
    {text: '[a]: /u "title"\n', labels: null},
    {text: '[a]: <u>\n', labels: null},
    {text: '[a]: /u(1)\n', labels: null},
    {text: '[^1]: a note\n', labels: null},
    {text: '[a]: /u\ntext\n', labels: null},
    {text: '[a\\]b]: /u\n', labels: null},
    {text: '[ ]: /u\n', labels: null},
    {text: '    [a]: /u\n', labels: null},
  ])('reads a piece of plain link definitions without remark: $text', ({text, labels}) => {
    expect(readDefinitionPiece(text, 0, text.length)?.labels ?? null).toEqual(labels)
    const {remark, simple} = readBoth(`${text}\nSee [guide] and [the spec][] and [中文].\n`)
    expect(simple).toEqual(remark)
  })

  it('reads a directive at the end of a paragraph line without remark', () => {
    const text = 'The rule is off here. <!-- bilint-disable-line spelling -->\n'
    expect(readSimplePiece(text, 0, text.length, null)?.comments).toEqual([{start: 22, end: 59}])
    const read = readMarkdown(text, new LineIndex(text))
    expect(read.directives).toEqual([{kind: 'disable-line', ruleIds: ['spelling'], line: 1, endLine: 1}])
    expect(read.blocks[0]!.prose!.value).toBe('The rule is off here. <!-- bilint-disable-line spelling -->')
  })

  it('reads an unclosed link before a web address without remark', () => {
    const text = '1. The log; see `/opt/dss` and [the portal](https://example.\n'
    expect(readSimplePiece(text, 0, text.length, null)).not.toBeNull()
  })

  it('leaves to remark what it does not read', () => {
    for (const text of ['<div>x</div>\n', 'mail <a@b-.io>\n', 'a &amp; b\n', 'a\\\nb\n', '| a | b |\n| - |\n', 'Title\n===\n', '    code\n', '- a\n  - b\n', '> a\nlazy\n', '[x]: /u\n']) {
      expect(readSimplePiece(text, 0, text.length, null), text).toBeNull()
    }
  })
})

describe('inline rules copied from micromark', () => {
  it.each([
    ['plain *emphasis* and **strong**', 'plain emphasis and strong'],
    ['***a**', '*a'],
    ['*a **b* c**', 'a b c'],
    ['snake_case_name and __init__', 'snake_case_name and init'],
    ['~~gone~~ and ~one~ but ~~~three~~~', 'gone and one but ~~~three~~~'],
    ['`*code*` and ``a ` b``', '`*code*` and ``a ` b``'],
    ['`unclosed and *em*', '`unclosed and em'],
    ['\\*not em\\* and \\\\', '*not em* and \\'],
    ['a [link *text*](https://example.com/a_(b)) b', 'a link text b'],
    ['an ![image alt](pic.png) gone', 'an  gone'],
    ['[not a link] [x](a b)', '[not a link] [x](a b)'],
    ['[a [b](u) c](v)', '[a b c](v)'],
    ['PM2.5浓度 at https://example.com/path and a@b.io', 'PM2.5浓度 at https://example.com/path and a@b.io'],
  ])('%j → %j', (input, prose) => {
    expect(proseOf(input)).toBe(prose)
  })

  it.each(['<b>html</b>', 'a &copy; b', 'see [^1]', 'https://example.com/a_b_ *x*', 'a [l](<u>)', 'a [l](u "title")', '~a~ *b*'])(
    'gives %j to remark',
    (input) => {
      expect(markInline(input, null)).toBeNull()
    },
  )

  // Keys of the definitions `[docs]: …` and `[the guide]: …`.
  const defined = new Set(['DOCS', 'THE GUIDE'])
  it.each([
    ['see [docs] here', 'see docs here'],
    ['see [Docs][] here', 'see Docs here'],
    ['see [the text][docs] here', 'see the text here'],
    ['see [the text][The\n  Guide] here', 'see the text here'],
    ['see ![a figure][docs] here', 'see  here'],
    ['see [docs][nothing] here', 'see [docs][nothing] here'],
    ['see [docs] [nothing] here', 'see docs [nothing] here'],
    ['see [docs](not a link) here', 'see docs(not a link) here'],
    ['see [nothing][] or [nothing] here', 'see [nothing][] or [nothing] here'],
    ['see [a [docs] b][docs] here', 'see [a docs b]docs here'],
  ])('reads references against the definitions as remark does: %j', (input, prose) => {
    expect(proseOf(input, defined)).toBe(prose)
    const {remark, simple} = readBoth(`${input}\n\n[docs]: /d\n\n[the guide]: /g\n`)
    expect(simple).toEqual(remark)
  })

  it('reads brackets as text when the document defines nothing', () => {
    expect(proseOf('see [docs][] and [the text][docs] here')).toBe('see [docs][] and [the text][docs] here')
  })
})
