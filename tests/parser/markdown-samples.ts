/**
 * Random Markdown for the differential test of the simple reader: lines built
 * from fragments that exercise every construct it reads (emphasis, code
 * spans, links, images, escapes, literal URLs, lists, quotes, headings,
 * fences) and the ones it must leave to remark (HTML, entities, tables,
 * setext underlines, indentation, hard breaks, references).
 */

/** A seeded pseudo-random source (mulberry32). */
export class SampleRandom {
  private state: number

  /** @param seed Any 32-bit integer. */
  constructor(seed: number) {
    this.state = seed >>> 0
  }

  /** The next number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let value = this.state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }

  /** One element of a list. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!
  }
}

const inlineFragments = [
  'word', 'PM2.5', '浓度', '中文', 'the', ' ', ' ', ' ', ',', '.', '。', '，', '(', ')', '[', ']', '](', '](url)', '](a b)',
  '](<x>)', '](u "t")', '![', '*', '**', '***', '_', '__', '~', '~~', '~~~', '`', '``', '\\', '\\*', '\\_', '\\`', '\\[',
  '&', '&amp;', '&#35;', '<b>', '<https://a.io>', 'https://example.com/a_b', 'www.example.com', 'a@b.io', 'x_y_z',
  '|', ':', '#', '!', '"', "'", '1.', '2)', '-', '+', '=', '^', '[^1]', '\t', '𠮷', 'é', '😀', '—', '…', '“', '”',
  '<!-- x -->', ' <!-- bilint-disable-line spelling -->', '<!---->', '<!-->', '<!--->', '<!-- a', '-->', '<!-- `x` ] * -->',
  '<http://x.io/a_b>', '<mailto:a@b.io>', '<a@b.io>', '<x:y>', '<ab:>', '<https://a b>', '<HTTP://X.IO/*x*>',
  '<a.b+c@d-e.f.io>', '<a!b@c.io>', '<a@b-.io>', '<a@b.>', '<a@b..io>', '<a@b.io',
]

const linePrefixes = ['', '', '', '', '', '# ', '## ', '###### ', '#', '> ', '>', '> > ', '- ', '* ', '+ ', '1. ', '2) ', '10. ', '  ', '    ', '\t', '- [ ] ', '- - ', '* - + ', '[a]: /u', '[^1]: note']

const specialLines = ['', '', '', '```', '```js', '~~~', '---', '***', '===', '| a | b |', '|---|---|', '| --- | :-: |', 'x | y', '--|--', '| `a|b` | *c* |', '| a \\| b |', '| one |', '| 1 | 2 | 3 |', '|a|b|', '| a | b |  ', '<div>', '<!-- bilint-disable -->', '<!-- bilint-disable-next-line spelling -->', '<!-- bilint-enable -->', '<!---->', '<!-- a --> b', '<!-- open', '-->', '>', '- ', '1.', '  - nested', '\u3000', 'line  ']

/**
 * A random Markdown document of about `lines` lines.
 * @param random The random source.
 * @param lines How many lines.
 * @param lineEnding `\n` or `\r\n`.
 */
export function randomMarkdown(random: SampleRandom, lines: number, lineEnding: string): string {
  const out: string[] = []
  for (let line = 0; line < lines; line++) {
    if (random.next() < 0.15) {
      out.push(random.pick(specialLines))
      continue
    }
    let text = random.next() < 0.3 ? random.pick(linePrefixes) : ''
    const fragments = 1 + Math.floor(random.next() * 10)
    for (let index = 0; index < fragments; index++) text += random.pick(inlineFragments)
    out.push(text)
  }
  return out.join(lineEnding) + (random.next() < 0.5 ? lineEnding : '')
}

const cellFragments = ['word', '中文', 'PM2.5', ' ', '*em*', '**strong**', '`code`', '`a|b`', '\\|', '[link](u)', '![img](p)', '~~x~~', '&amp;', '<b>', '_', '|', 'https://a.io/x', '']

/**
 * A random document of GFM tables (header, delimiter row, body rows with
 * and without outer pipes, cells with inline markup) between paragraphs.
 * @param random The random source.
 * @param lineEnding `\n` or `\r\n`.
 */
export function randomTables(random: SampleRandom, lineEnding: string): string {
  const blocks: string[] = []
  const tables = 1 + Math.floor(random.next() * 3)
  for (let table = 0; table < tables; table++) {
    if (random.next() < 0.5) blocks.push(`Paragraph ${table} with words.`)
    const columns = 1 + Math.floor(random.next() * 4)
    const outer = random.next() < 0.8
    const row = (cells: string[]): string => (outer ? `| ${cells.join(' | ')} |` : cells.join(' | '))
    const cell = (): string => {
      let text = ''
      for (let index = Math.floor(random.next() * 3); index >= 0; index--) text += random.pick(cellFragments)
      return text
    }
    const lines = [row(Array.from({length: columns}, cell))]
    const delimiterColumns = random.next() < 0.9 ? columns : columns + 1
    lines.push(row(Array.from({length: delimiterColumns}, () => random.pick(['---', ':--', '--:', ':-:', '-']))))
    for (let body = Math.floor(random.next() * 4); body > 0; body--) {
      const count = random.next() < 0.8 ? columns : Math.max(1, columns + (random.next() < 0.5 ? -1 : 1))
      lines.push(row(Array.from({length: count}, cell)))
    }
    if (random.next() < 0.2) lines.push(random.pick(['after', '> quote', '# heading', '- item']))
    blocks.push(lines.join(lineEnding))
  }
  return blocks.join(lineEnding + lineEnding) + lineEnding
}

/** White space a line may end in: soft (one space, tabs) and hard breaks (two or more spaces). */
const lineEndWhiteSpace = [' ', ' ', ' ', '  ', '   ', '\t', ' \t', '\t ', '  \t']

/**
 * A random Markdown document whose lines mostly end in spaces or tabs, as
 * edited documents' lines often do.
 * @param random The random source.
 * @param lines How many lines.
 * @param lineEnding `\n` or `\r\n`.
 */
export function randomTrailingWhiteSpace(random: SampleRandom, lines: number, lineEnding: string): string {
  const text = randomMarkdown(random, lines, lineEnding)
  return text
    .split(lineEnding)
    .map((line) => (line !== '' && random.next() < 0.7 ? line + random.pick(lineEndWhiteSpace) : line))
    .join(lineEnding)
}

/** How a line of a wrapped list may start: items and continuation indents. */
const wrappedListStarts = ['- ', '- ', '* ', '1. ', '2. ', '10) ', '', '', ' ', '  ', '  ', '   ', '   ', '    ', '      ']

/** Indented lines that open blocks of their own (or that remark reads otherwise), now and then. */
const indentedBlockStarts = ['\t', '  \t', '  - ', '  1. ', '   2) ', '  # ', '  ---', '  ===', '  > ', '  | ', '  <b>', '  ```', '    - ', '  [a]: ']

/**
 * A random document of list items and paragraphs whose lines wrap onto
 * indented lines, some of which open blocks of their own.
 * @param random The random source.
 * @param lines How many lines.
 * @param lineEnding `\n` or `\r\n`.
 */
export function randomWrappedLists(random: SampleRandom, lines: number, lineEnding: string): string {
  const out: string[] = []
  for (let line = 0; line < lines; line++) {
    if (random.next() < 0.1) {
      out.push('')
      continue
    }
    let text = random.next() < 0.1 ? random.pick(indentedBlockStarts) : random.pick(wrappedListStarts)
    const fragments = 1 + Math.floor(random.next() * 6)
    for (let index = 0; index < fragments; index++) text += random.next() < 0.9 ? random.pick(['word', 'the', '中文', ' ', ' ', '*em*', '`code`']) : random.pick(inlineFragments)
    if (random.next() < 0.2) text += random.pick([' ', '  ', '\t'])
    out.push(text)
  }
  return out.join(lineEnding) + lineEnding
}

/**
 * Labels a reference document uses: some defined, some not, in two cases,
 * with white space, entities, escapes and case folding that change or keep
 * what they match.
 */
const referenceLabels = ['a', 'A', 'foo', 'Foo bar', 'foo  BAR', ' x y ', 'x\ty', '中文', '1', 'undefined', 'a&amp;b', 'a&b', 'b\\]c', 'ß', 'SS', '*foo*']

/** Lines of a reference document: paragraphs with references, and definitions in paragraphs, quotes and lists. */
function referenceLine(random: SampleRandom): string {
  const label = random.pick(referenceLabels)
  switch (Math.floor(random.next() * 10)) {
    case 0:
      return `[${label}]: /u${random.next() < 0.3 ? ' "title"' : ''}`
    case 1:
      return `[^${random.pick(['1', '2', 'n'])}]: note ${random.pick(inlineFragments)}`
    case 2:
      return `${random.pick(['> ', '- ', '1. '])}[${random.next() < 0.8 ? label : label.replace(' ', '\n> ')}]: /q`
    default: {
      const reference = random.pick([
        `[${label}]`,
        `[text][${label}]`,
        `[${label}][]`,
        `[^${random.pick(['1', '2', 'n'])}]`,
        `[t](u)`,
        `\\[${label}]`,
        `[t [${label}] u](v)`,
        `[[${label}]]`,
        `[${label.replace(' ', '\n')}]`,
        `[x\n> ${label}]`,
      ])
      return `${random.pick(['', '', '- ', '> '])}word ${reference} ${random.pick(['word', '中文', random.pick(inlineFragments)])}`
    }
  }
}

/**
 * A random document of link and footnote references and definitions
 * (defined or not, before or after their references), about `lines` lines.
 * @param random The random source.
 * @param lines How many lines.
 * @param lineEnding `\n` or `\r\n`.
 */
export function randomReferences(random: SampleRandom, lines: number, lineEnding: string): string {
  const out: string[] = []
  for (let line = 0; line < lines; line++) out.push(random.next() < 0.3 ? '' : referenceLine(random))
  return out.join(lineEnding) + lineEnding
}

/** Openings of a document: front matter closed or not, YAML or TOML. */
const documentOpenings = ['---\ntitle: x\n---\n', '---\ntitle: x\n', '+++\na = 1\n+++\n', '---\n---\n', '--- \nx: y\n---  \n', '---\n[^1]: x\n---\n', '---\ntitle: x\n...\n', '+++\na = 1\n\nb = 2\n+++\n\n']

/**
 * A random document of references and definitions ({@link randomReferences})
 * that opens with front matter, closed or not.
 * @param random The random source.
 * @param lines How many lines after the front matter.
 * @param lineEnding `\n` or `\r\n`.
 */
export function randomFrontMatter(random: SampleRandom, lines: number, lineEnding: string): string {
  return random.pick(documentOpenings).replace(/\n/g, lineEnding) + randomReferences(random, lines, lineEnding)
}

/**
 * Lines of HTML blocks of every kind CommonMark knows (raw `<pre>` and
 * `<script>`, comments, `<?…?>`, `<!…>`, CDATA, block names, lone tags),
 * their ends, fences and blank lines, and the lines that end a paragraph
 * or leave it open before a lone tag.
 */
const htmlBlockLines = [
  '', '', '', '', '```', '```', '~~~', '````', '```js', '<div>', '</div>', '<DIV class="a">', '<table>', '<td>', '<p/>', '<h2>',
  '<custom-box>', '<custom-box class="note" open>', '</custom-box>', '<span>', '<a href="x">', '<b>bold</b>', '<pre>', '</pre>',
  '<script>', '</script>', '<style>x</style>', '<textarea>', '</textarea>', '<!-- open', '-->', '<!-- a -->', '<?php', '?>',
  '<?x ?>', '<!DOCTYPE html>', '<!X', '>', '<![CDATA[', ']]>', '  <div>', '    <div>', '   <span>', 'text', 'para with `code`',
  'x <div> y', '- item', '> quote', '# heading', '## heading', '---', '***', '===', '    indented', '| a | b |', '|---|---|',
]

/**
 * A random document of HTML blocks, fences and paragraphs, about `lines`
 * lines: fence lines inside HTML blocks, blank lines inside HTML blocks that
 * a blank line does not end, lone tags after text and after headings.
 * @param random The random source.
 * @param lines How many lines.
 * @param lineEnding `\n` or `\r\n`.
 */
export function randomHtmlBlocks(random: SampleRandom, lines: number, lineEnding: string): string {
  const out: string[] = []
  for (let line = 0; line < lines; line++) out.push(random.pick(htmlBlockLines))
  return out.join(lineEnding) + lineEnding
}
