/**
 * Document generators for the benchmark corpus: endless streams of Markdown
 * blocks or plain-text lines, and {@link fillToSize}, which joins a stream
 * into a text of an exact UTF-8 size.
 */
import {paragraph, paragraphKind} from './sentences.mjs'
import * as v from './vocabulary.mjs'

/** @typedef {import('./prng.mjs').Prng} Prng */

/** Sections per chapter before a new `#` title starts (keeps Chinese numerals small). */
const sectionsPerChapter = 20

/** How often a heading is left without a body (an `orphaned-heading` defect). */
const orphanRate = 0.02

/**
 * A Markdown list: bilingual terms or numbered steps.
 * @param {Prng} rng
 * @returns {string}
 */
function markdownList(rng) {
  const items = []
  const count = rng.int(2, 5)
  const ordered = rng.chance(0.5)
  for (let index = 1; index <= count; index++) {
    const text = ordered
      ? paragraph(rng, rng.chance(0.5) ? 'en' : 'zh', {markdown: true}).split(/(?<=[.。])/)[0]
      : `**${rng.pick(v.mixedTerms)}**：${paragraph(rng, 'zh', {markdown: true}).split('。')[0]}。`
    items.push(ordered ? `${index}. ${text}` : `- ${text}`)
  }
  return items.join('\n')
}

/**
 * A small Markdown table of versions or station readings.
 * @param {Prng} rng
 * @returns {string}
 */
function markdownTable(rng) {
  const rows = ['| 站点 Station | PM2.5 (μg/m³) | 说明 |', '| --- | --- | --- |']
  const count = rng.int(2, 5)
  for (let index = 0; index < count; index++) {
    const [place, zhPlace] = rng.pick(v.places)
    rows.push(`| ${place} ${zhPlace} | ${rng.int(8, 90)} | ${rng.pick(v.zhClauses)} |`)
  }
  return rows.join('\n')
}

/**
 * One Markdown body block: a paragraph, list, code block, quote or table.
 * @param {Prng} rng
 * @returns {string}
 */
function markdownBodyBlock(rng) {
  const roll = rng.next()
  if (roll < 0.65) return paragraph(rng, paragraphKind(rng), {markdown: true})
  if (roll < 0.8) return markdownList(rng)
  if (roll < 0.88) {
    const [info, body] = rng.pick(v.codeBlocks)
    return `\`\`\`${info}\n${body}\n\`\`\``
  }
  if (roll < 0.95) return paragraph(rng, paragraphKind(rng), {markdown: true}).replace(/^/, '> ')
  return markdownTable(rng)
}

/**
 * A section heading: `## 3. Findings` or `## 三、安装步骤`, and its subsections'.
 * @param {Prng} rng
 * @param {boolean} chinese
 * @param {number} section 1-based section number.
 * @param {number} subsection 1-based subsection number, or 0 for the section itself.
 * @returns {string}
 */
function markdownHeading(rng, chinese, section, subsection) {
  if (chinese) {
    const title = rng.pick(v.zhHeadings)
    return subsection === 0 ? `## ${v.chineseNumeral(section)}、${title}` : `### （${v.chineseNumeral(subsection)}）${title}`
  }
  const title = rng.pick(v.enHeadings)
  return subsection === 0 ? `## ${section}. ${title}` : `### ${section}.${subsection} ${title}`
}

/**
 * Markdown blocks without end: chapters (`#`) of numbered sections (`##`)
 * with subsections (`###`), in English or Chinese.
 * @param {Prng} rng
 * @returns {Generator<string>}
 */
export function* markdownBlocks(rng) {
  for (let chapter = 1; ; chapter++) {
    yield chapter % 2 === 1 ? `# Annual environment and operations report, part ${chapter}` : `# 年度环境与运维报告（第 ${chapter} 部分）`
    yield paragraph(rng, 'en', {markdown: true})
    for (let section = 1; section <= sectionsPerChapter; section++) {
      const chinese = rng.chance(0.35)
      yield markdownHeading(rng, chinese, section, 0)
      if (rng.chance(orphanRate)) continue
      const blocks = rng.int(1, 3)
      for (let index = 0; index < blocks; index++) yield markdownBodyBlock(rng)
      const subsections = rng.int(0, 3)
      for (let subsection = 1; subsection <= subsections; subsection++) {
        yield markdownHeading(rng, chinese, section, subsection)
        const subBlocks = rng.int(1, 3)
        for (let index = 0; index < subBlocks; index++) yield markdownBodyBlock(rng)
      }
    }
  }
}

/**
 * Plain-text lines without end, one paragraph per line as a machine
 * translation writes them: titles, numbered headings and long paragraphs.
 * @param {Prng} rng
 * @returns {Generator<string>}
 */
export function* plainLines(rng) {
  for (let chapter = 1; ; chapter++) {
    yield chapter % 2 === 1 ? `Annual environment and operations report, part ${chapter}` : `年度环境与运维报告（第 ${chapter} 部分）`
    yield paragraph(rng, 'en', {markdown: false})
    for (let section = 1; section <= sectionsPerChapter; section++) {
      const chinese = rng.chance(0.35)
      yield chinese ? `${v.chineseNumeral(section)}、${rng.pick(v.zhHeadings)}` : `${section}. ${rng.pick(v.enHeadings)}`
      if (rng.chance(orphanRate)) continue
      const paragraphs = rng.int(1, 6)
      for (let index = 0; index < paragraphs; index++) yield paragraph(rng, paragraphKind(rng), {markdown: false})
    }
  }
}

/**
 * ASCII-only English prose of at least `bytes` bytes, to fill a file to its exact size.
 * @param {Prng} rng
 * @param {number} bytes
 * @returns {string}
 */
function asciiFiller(rng, bytes) {
  let text = ''
  while (text.length < bytes) {
    text += `${rng.pick(v.enSubjects)} ${rng.pick(v.enPastVerbs)} ${rng.pick(v.enObjects)} ${rng.pick(v.enModifiers)}. `
  }
  return text.replace(/[^\x20-\x7e]/g, ' ')
}

/**
 * Joins blocks from a stream into a text of exactly `targetBytes` bytes of
 * UTF-8, ending with a newline. Blocks are taken whole while they fit; the
 * rest is filled with a last paragraph of ASCII prose, cut to size.
 * @param {Iterator<string>} blocks The stream.
 * @param {number} targetBytes Size of the text, at least 64.
 * @param {string} separator Between blocks: `\n\n` for Markdown, `\n` for one paragraph per line.
 * @param {Prng} rng For the filler.
 * @returns {string}
 */
export function fillToSize(blocks, targetBytes, separator, rng) {
  const parts = []
  let size = 0
  for (;;) {
    const block = blocks.next().value
    const cost = Buffer.byteLength(block) + separator.length
    // Keep room for a last paragraph of at least a few words.
    if (size + cost > targetBytes - 40) break
    parts.push(block, separator)
    size += cost
  }
  const remaining = targetBytes - size - 1
  parts.push(asciiFiller(rng, remaining).slice(0, remaining).trimEnd().padEnd(remaining, '.'), '\n')
  return parts.join('')
}
