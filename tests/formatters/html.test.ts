/**
 * The HTML report on fixed results: a self-contained page, everything
 * escaped, one highlight per finding on exactly the text it is about (with
 * overlapping findings, CRLF line breaks and astral characters), and files
 * without their text listed plainly.
 */

import {describe, expect, it} from 'vitest'
import formatHtml, {contentSecurityPolicy} from '../../src/formatters/html.js'
import type {LintMessage, LintResult} from '../../src/types.js'
import {fixtureContext, fixtureResults, guideSource} from './fixture-results.js'

/** The named character references the report writes, decoded. */
const namedReferences: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"'}

/** Decodes the character references of HTML text. */
function decodeHtml(text: string): string {
  return text.replace(/&(#\d+|[a-z]+);/g, (reference: string, name: string) => {
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)))
    const decoded = namedReferences[name]
    if (decoded === undefined) throw new Error(`unexpected reference ${reference}`)
    return decoded
  })
}

/** Returns the attributes of a start tag, values decoded. */
function attributesOf(tag: string): Record<string, string> {
  const attributes: Record<string, string> = {}
  for (const match of tag.matchAll(/([\w-]+)(?:="([^"]*)")?/g)) {
    if (match.index === 0) continue
    attributes[match[1]!] = decodeHtml(match[2] ?? '')
  }
  return attributes
}

/** A highlight element of the source text, as read back from the page. */
interface Highlight {
  /** `mark` (a finding's primary element) or `span` (a continuation). */
  element: string
  attributes: Record<string, string>
}

/** What the numbered text of one file section holds. */
interface RenderedText {
  /** The text of each line, markup removed, in order. */
  lines: string[]
  /** The line numbers, as written. */
  numbers: number[]
  /** The primary highlights, in document order. */
  marks: Highlight[]
  /** The text inside each finding's elements, by the id of its mark, pieces of different lines joined by `\n`. */
  textByMark: Map<string, string>
}

/**
 * Reads back the numbered text of the file section `fileNumber`: the line
 * texts and, for each highlight, the text it covers. Fails when the markup
 * inside a line is not properly nested.
 */
function renderedText(html: string, fileNumber: number): RenderedText {
  const linePattern = new RegExp(
    `^<div class="line(?: hit)?" id="f${fileNumber}-l(\\d+)"><span class="ln" data-n="(\\d+)" aria-hidden="true"></span><span class="lt">(.*)</span></div>$`,
    'gm',
  )
  const rendered: RenderedText = {lines: [], numbers: [], marks: [], textByMark: new Map()}
  for (const [, id, number, content] of html.matchAll(linePattern)) {
    expect(number).toBe(id)
    rendered.numbers.push(Number(number))
    const open: Array<{name: string; mark: string | undefined}> = []
    const piecesThisLine = new Map<string, string>()
    let lineText = ''
    for (const [token, closing, name, rest, text] of content!.matchAll(/<(\/?)(\w+)([^>]*)>|([^<]+)/g)) {
      if (text !== undefined) {
        const decoded = decodeHtml(text)
        lineText += decoded
        for (const element of open) {
          if (element.mark !== undefined) piecesThisLine.set(element.mark, (piecesThisLine.get(element.mark) ?? '') + decoded)
        }
      } else if (closing === '/') {
        expect(open.pop()?.name, `end tag ${token} matches its start tag`).toBe(name)
      } else {
        const attributes = attributesOf(`<${name}${rest}`)
        if (name === 'mark') rendered.marks.push({element: name, attributes})
        const mark = name === 'mark' ? attributes['id'] : attributes['data-of']
        if (mark !== undefined && !piecesThisLine.has(mark)) piecesThisLine.set(mark, '')
        open.push({name: name!, mark})
      }
    }
    expect(open, 'every element of the line is closed').toEqual([])
    rendered.lines.push(lineText)
    for (const [mark, text] of piecesThisLine) {
      const before = rendered.textByMark.get(mark)
      rendered.textByMark.set(mark, before === undefined ? text : `${before}\n${text}`)
    }
  }
  return rendered
}

/** Returns a result for `source` with `messages`, counts filled in. */
function resultFor(source: string | undefined, messages: LintMessage[], filePath = '/project/doc.md'): LintResult {
  const errors = messages.filter((message) => message.severity === 2)
  return {
    filePath,
    messages,
    errorCount: errors.length,
    warningCount: messages.length - errors.length,
    fatalErrorCount: messages.filter((message) => message.fatal === true).length,
    fixableErrorCount: errors.filter((message) => message.fix !== undefined).length,
    fixableWarningCount: messages.filter((message) => message.severity === 1 && message.fix !== undefined).length,
    ...(source === undefined ? {} : {source}),
  }
}

/** Returns a warning of `ruleId` from line/column to endLine/endColumn. */
function finding(
  ruleId: string,
  [line, column]: [number, number],
  [endLine, endColumn]: [number, number],
  extra: Partial<LintMessage> = {},
): LintMessage {
  return {ruleId, severity: 1, message: `${ruleId} here`, line, column, endLine, endColumn, ...extra}
}

/** Returns the report for `results` with the fixture context. */
function report(results: LintResult[]): string {
  return formatHtml(results, fixtureContext())
}

/** Returns the lines of `text` as the engine splits them. */
function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/)
}

describe('html page', () => {
  const html = report(fixtureResults)

  it('is one HTML document with the strict Content Security Policy first in its head', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')).toBe(true)
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">`)
    expect(contentSecurityPolicy).toBe("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'")
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'))
    expect(html.endsWith('</html>\n')).toBe(true)
    expect(html.match(/<style>/g)).toHaveLength(1)
    expect(html.match(/<script>/g)).toHaveLength(1)
  })

  it('loads nothing: no tag refers to anything outside the page', () => {
    const source = 'Docs at https://example.com/guide and <img src="https://example.com/x.png"> or <a href="http://example.com">x</a>.\n'
    const page = report([resultFor(source, [finding('spelling', [1, 1], [1, 5], {url: 'https://example.com/rules/spelling'})])])
    // The document's addresses are text of the page, escaped, never attributes of a tag.
    expect(page).toContain('Docs</mark> at https://example.com/guide and &lt;img src=&quot;https://example.com/x.png&quot;&gt;')
    for (const [tag] of page.matchAll(/<[a-zA-Z][^>]*>/g)) {
      expect(tag, 'no resource attribute in a tag').not.toMatch(/\s(?:src|srcset|action|poster|data|background|xlink:href)=/i)
      const href = /\shref="([^"]*)"/.exec(tag)
      if (href) expect(href[1], `${tag} links inside the page`).toMatch(/^#/)
    }
    expect(page).not.toMatch(/<(?:link|img|iframe|object|embed|base|source|video|audio)\b/i)
    expect(page).not.toMatch(/@import|url\(|@font-face/i)
    expect(page).not.toMatch(/\b(?:fetch|XMLHttpRequest|import)\(/)
  })

  it('escapes a script in the document, in a message, in a file name and in a rule id', () => {
    const attack = '<script>alert(1)</script>'
    const source = `Intro ${attack} end\n`
    const page = report([
      resultFor(
        source,
        [finding(`rule-${attack}`, [1, 7], [1, 7 + attack.length], {message: `Bad ${attack} "quoted" & 'single'`, actual: attack, expected: [attack]})],
        `/project/${attack}.md`,
      ),
    ])
    expect(page).not.toContain(attack)
    expect(page.match(/<script/gi)).toHaveLength(1)
    expect(page).toContain('Intro <mark')
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;</mark> end')
    expect(page).toContain('Bad &lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; &#39;single&#39;')
    expect(page).toContain('data-rule="rule-&lt;script&gt;alert(1)&lt;/script&gt;"')
    expect(page).toContain('<h2>&lt;script&gt;alert(1)&lt;/script&gt;.md')
    const rendered = renderedText(page, 1)
    expect(rendered.lines).toEqual(linesOf(source))
    expect(rendered.textByMark.get('m1-1')).toBe(attack)
  })

  it('keeps every attribute on its line: line breaks in messages become references', () => {
    expect(html).toContain('see: docs,&#10;then translate')
    expect(html).not.toMatch(/title="[^"]*\n/)
  })
})

describe('summary', () => {
  const html = report(fixtureResults)

  it('counts the findings of each rule, most first, with a bar each', () => {
    const rows = [...html.matchAll(/<tr data-rule="([^"]+)">.*?<td class="number">(\d+)<\/td><td class="number">(\d+)<\/td>/g)]
    expect(rows.map((row) => row[1])).toEqual([
      'fullwidth-punctuation',
      'sentence-length',
      'space-before-punctuation',
      'spacing-in-parentheses',
      'spelling',
      'trailing-spaces',
      'untranslated-chinese',
      '(file not linted)',
    ])
    expect(rows.map((row) => Number(row[2]) + Number(row[3]))).toEqual([1, 1, 1, 1, 1, 1, 1, 1])
    expect(html.match(/<span class="bar" role="img"/g)).toHaveLength(8)
  })

  it('sizes the bars by the rule with the most findings', () => {
    const messages = [
      finding('a', [1, 1], [1, 2]),
      finding('a', [1, 2], [1, 3], {severity: 2}),
      finding('a', [1, 3], [1, 4]),
      finding('a', [1, 4], [1, 5]),
      finding('b', [1, 5], [1, 6], {severity: 2}),
    ]
    const page = report([resultFor('abcdefgh', messages)])
    expect(page).toContain('aria-label="1 error, 3 warnings"><span class="bar-error" style="width:25%"></span><span class="bar-warning" style="width:75%"></span>')
    expect(page).toContain('aria-label="1 error, 0 warnings"><span class="bar-error" style="width:25%"></span></span>')
  })

  it('lists every file with its counts, linking those with findings', () => {
    expect(html).toContain('<a href="#file-1">docs/guide.md</a></th><td class="number">3</td><td class="number">4</td><td class="number">3</td>')
    expect(html).toContain('<tr class="clean"><th scope="row">README.md</th>')
    expect(html).toContain('<a href="#file-3">notes/读我 #1.md</a>')
    expect(html).toContain('<li class="stat-total"><strong>8</strong>problems</li>')
  })

  it('says so when no file was linted', () => {
    const page = report([])
    expect(page).toContain('No files were linted.')
    expect(page).toContain('<strong>0</strong>problems')
    expect(page).not.toContain('<mark')
  })
})

describe('highlighted text', () => {
  const html = report(fixtureResults)
  const guide = renderedText(html, 1)
  const guideMessages = fixtureResults[0]!.messages

  it('shows every line of the text once, numbered', () => {
    expect(guide.lines).toEqual(linesOf(guideSource))
    expect(guide.numbers).toEqual(linesOf(guideSource).map((_line, index) => index + 1))
  })

  it('writes one mark per finding, with its severity, rule and position, focusable and titled', () => {
    expect(guide.marks).toHaveLength(guideMessages.length)
    expect(html.match(/<mark /g)).toHaveLength(guideMessages.length)
    guide.marks.forEach((mark, index) => {
      const message = guideMessages[index]!
      expect(mark.attributes).toMatchObject({
        id: `m1-${index + 1}`,
        class: `m sev-${message.severity === 2 ? 'error' : 'warning'}`,
        'data-rule': message.ruleId,
        'data-line': String(message.line),
        'data-column': String(message.column),
        tabindex: '0',
      })
      expect(mark.attributes['title']).toContain(message.message)
    })
  })

  it('marks exactly the text each finding is about', () => {
    for (const [index, message] of guideMessages.entries()) {
      const marked = guide.textByMark.get(`m1-${index + 1}`)
      if (message.actual !== undefined) expect(marked).toBe(message.actual)
    }
    expect(guide.textByMark.get('m1-6')).toBe('( example )')
    expect(guide.textByMark.get('m1-7')).toBe('   ')
  })

  it('continues a finding over several lines without a second mark', () => {
    expect(guide.textByMark.get('m1-5')).toBe('A long paragraph that goes on\nand on across two lines.')
    expect(html.match(/<span class="mc sev-warning" data-rule="sentence-length"[^>]*data-of="m1-5">/g)).toHaveLength(1)
  })

  it('nests or splits overlapping findings, writing each character once', () => {
    const source = 'abcdefghij\nsecond line'
    const messages = [
      finding('outer', [1, 1], [1, 11], {actual: 'abcdefghij'}),
      finding('left', [1, 1], [1, 6], {actual: 'abcde'}),
      finding('crossing', [1, 4], [1, 9], {actual: 'defgh'}),
      finding('same-as-crossing', [1, 4], [1, 9], {actual: 'defgh'}),
      finding('inside', [1, 5], [1, 6], {actual: 'e'}),
      finding('empty', [1, 6], [1, 6], {actual: ''}),
      finding('across-lines', [1, 8], [2, 4], {severity: 2}),
    ]
    const page = report([resultFor(source, messages)])
    const rendered = renderedText(page, 1)
    expect(rendered.lines).toEqual(linesOf(source))
    expect(rendered.marks.map((mark) => mark.attributes['data-rule'])).toEqual(messages.map((message) => message.ruleId))
    messages.forEach((message, index) => {
      if (message.actual !== undefined) expect(rendered.textByMark.get(`m1-${index + 1}`), message.ruleId ?? '').toBe(message.actual)
    })
    expect(rendered.textByMark.get('m1-7')).toBe('hij\nsec')
    expect(page).toContain('<mark id="m1-6" class="m sev-warning" data-rule="empty"')
  })

  it('places positions by UTF-16 columns across CRLF and lone CR line breaks', () => {
    const source = 'first line\r\nsecond 错误 line\r\nthird\rfourth 句号。\r\n'
    const messages = [
      finding('crlf', [2, 8], [2, 10], {actual: '错误'}),
      finding('lone-cr', [4, 8], [4, 10], {actual: '句号'}),
      finding('line-end', [3, 1], [3, 6], {actual: 'third'}),
    ]
    const rendered = renderedText(report([resultFor(source, messages)]), 1)
    expect(rendered.lines).toEqual(['first line', 'second 错误 line', 'third', 'fourth 句号。', ''])
    expect(rendered.textByMark.get('m1-1')).toBe('错误')
    expect(rendered.textByMark.get('m1-2')).toBe('句号')
    expect(rendered.textByMark.get('m1-3')).toBe('third')
  })

  it('places positions after astral characters, and never cuts one in half', () => {
    const source = '𠀀𠀁 text 😀 emoji 𝒳'
    const emoji = source.indexOf('😀') + 1
    const messages = [
      finding('emoji', [1, emoji], [1, emoji + 2], {actual: '😀'}),
      finding('after', [1, emoji + 3], [1, emoji + 8], {actual: 'emoji'}),
      finding('half', [1, 2], [1, 4], {actual: '𠀀𠀁'}),
    ]
    const page = report([resultFor(source, messages)])
    const rendered = renderedText(page, 1)
    expect(rendered.lines).toEqual([source])
    for (const [index, message] of messages.entries()) expect(rendered.textByMark.get(`m1-${index + 1}`)).toBe(message.actual)
    expect(page).not.toContain('\uFFFD')
  })

  it('gives findings past the end of the text or with impossible positions a mark at the nearest place', () => {
    const source = 'short\ntext'
    const messages = [
      finding('past-line-end', [1, 4], [1, 99], {actual: 'rt'}),
      finding('past-last-line', [7, 1], [9, 1]),
      finding('zero', [0, 0], [0, 0]),
      finding('backwards', [2, 3], [1, 1]),
    ]
    const rendered = renderedText(report([resultFor(source, messages)]), 1)
    expect(rendered.lines).toEqual(['short', 'text'])
    expect(rendered.marks).toHaveLength(4)
    expect(rendered.textByMark.get('m1-1')).toBe('rt')
    expect(rendered.textByMark.get('m1-2')).toBe('')
    expect(rendered.textByMark.get('m1-3')).toBe('')
    expect(rendered.textByMark.get('m1-4')).toBe('')
  })

  it('strips a byte order mark, which fix offsets do not count', () => {
    const rendered = renderedText(report([resultFor('\uFEFFabc def', [finding('word', [1, 5], [1, 8], {actual: 'def'})])]), 1)
    expect(rendered.lines).toEqual(['abc def'])
    expect(rendered.textByMark.get('m1-1')).toBe('def')
  })
})

describe('fixes', () => {
  const html = report(fixtureResults)

  it('shows a safe fix as the replaced text and its replacement', () => {
    expect(html).toContain(
      '<div class="fix fix-safe"><span class="fix-kind">safe fix (--fix)</span> <del><span class="ws"> </span>,</del> <span class="arrow" aria-label="becomes">→</span> <ins>,<span class="ws"> </span></ins></div>',
    )
    expect(html).toContain('<del>,</del> <span class="arrow" aria-label="becomes">→</span> <ins>，</ins>')
    expect(html).toContain('<ins><span class="nothing">nothing</span></ins>')
  })

  it('shows a suggestion as an unsafe fix: actual → expected[0], with the other candidates', () => {
    expect(html).toContain(
      '<div class="fix fix-unsafe"><span class="fix-kind">unsafe fix (--fix-unsafe)</span> <del>Teh</del> <span class="arrow" aria-label="becomes">→</span> <ins>The</ins> <span class="alternatives">or <ins>Ten</ins></span></div>',
    )
  })

  it('labels an expected text without an edit as a suggestion for a person', () => {
    const page = report([resultFor('colour', [finding('spelling', [1, 1], [1, 7], {actual: 'colour', expected: ['color']})])])
    expect(page).toContain('<div class="fix fix-manual"><span class="fix-kind">suggestion (no automatic fix)</span> <del>colour</del>')
  })

  it('shows no fix for a finding that proposes none', () => {
    const page = report([resultFor('text', [finding('note', [1, 1], [1, 5])])])
    expect(page).not.toContain('class="fix ')
  })
})

describe('files without their text', () => {
  it('lists their messages, without highlights', () => {
    const html = report(fixtureResults)
    const section = html.slice(html.indexOf('<section class="file" id="file-3"'))
    expect(section).toContain('The text of this file is not available')
    expect(section).toContain(
      '<li><span class="position">1:1</span> <span class="badge sev-error">error</span> <code>(file not linted)</code>' +
        '<div class="message">Could not read file: EACCES: permission denied</div></li>',
    )
    expect(section.slice(0, section.indexOf('</section>'))).not.toContain('<mark')
  })

  it('has no section for a clean file', () => {
    const html = report(fixtureResults)
    expect(html).not.toContain('id="file-2"')
  })
})
