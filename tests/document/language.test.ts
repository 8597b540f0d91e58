import {describe, expect, it} from 'vitest'
import {buildDocument} from '../../src/document/build.js'

describe('document language', () => {
  it('is Chinese for a Chinese manual full of English terms', async () => {
    const index = await buildDocument('本手册说明如何在 Linux 服务器上部署 Data Sync Service，并配置 PostgreSQL 数据库和 Node.js 运行环境。\n', {format: 'markdown'})
    expect(index.language).toBe('zh')
  })

  it('is English for an English report that glosses Chinese names', async () => {
    const index = await buildDocument('Poyang Lake (鄱阳湖) is the largest freshwater lake in China, and its level shapes the weather of the whole basin.\n', {format: 'markdown'})
    expect(index.language).toBe('en')
    expect(index.blocks[0]!.language).toBe('en')
  })

  it('weighs a Han character as three Latin letters per paragraph', async () => {
    const index = await buildDocument('一是深入学习宣贯大会精神,Resolutely shoulder it.\n\nPlain English paragraph here.\n', {format: 'markdown'})
    expect(index.blocks.map((block) => block.language)).toEqual(['zh', 'en'])
  })

  it('asks franc about long Latin-script text that is not English', async () => {
    const french =
      "La qualité de l'air s'est améliorée dans toutes les villes de la région, et les concentrations de particules fines ont baissé de six pour cent au cours de l'année, selon le rapport publié par le ministère."
    const index = await buildDocument(`${french}\n`, {format: 'markdown'})
    expect(index.language).toBe('fra')
  })

  it('can be forced', async () => {
    const index = await buildDocument('English words only.\n', {format: 'markdown', language: 'zh'})
    expect(index.language).toBe('zh')
  })

  it('is undetermined without letters', async () => {
    expect((await buildDocument('123 456\n', {format: 'text'})).language).toBe('und')
  })
})

describe('looksEnglish', () => {
  it('recognises English prose by its function words, and not French', async () => {
    const {looksEnglish} = await import('../../src/document/language.js')
    expect(looksEnglish('The delta spans four provinces, and its largest lake lies outside the region, but its water levels shape the weather of the whole basin in the summer.')).toBe(true)
    expect(looksEnglish("La qualité de l'air s'est améliorée dans toutes les villes de la région, et les concentrations de particules fines ont baissé de six pour cent.")).toBe(false)
  })
})

describe('script counts', () => {
  it('are the same counted from a scan as from the paragraph', async () => {
    const {readFile, readdir} = await import('node:fs/promises')
    const {countProseScripts, countScripts} = await import('../../src/document/language.js')
    const {Tokenizer} = await import('../../src/parser/tokenizer.js')
    const {LineIndex} = await import('../../src/text/line-index.js')
    const fixtures = await readdir('fixtures')
    const texts = await Promise.all(fixtures.filter((name) => name.endsWith('.md')).map((name) => readFile(`fixtures/${name}`, 'utf8')))
    texts.push(
      "It's a well-known 3,000-tonne CO2-equivalent, see https://example.com/a_(b) or me@example.org, README.md and ./docs/x.",
      '𠮷野家 and 𠀀𠀁 \uD800a \uDC00b café Ærø ŝ ǅ 々〇 かな 한국 ×÷ `code` 东京へようこそ。Dr. Wang met J. Smith.',
    )
    let blocks = 0
    for (const text of texts) {
      for (const format of ['markdown', 'text'] as const) {
        const index = await buildDocument(text, {format, trees: true})
        const tokenizer = new Tokenizer(new LineIndex(text))
        for (const block of index.blocks) {
          if (!block.prose || !block.paragraph) continue
          blocks++
          expect(countProseScripts(tokenizer, block.prose)).toEqual(countScripts(block.paragraph))
        }
      }
    }
    expect(blocks).toBeGreaterThan(50)
  })
})
