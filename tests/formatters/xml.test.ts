/** The checkstyle and JUnit reports are well-formed XML that keeps the message text. */

import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadFormatter} from '../../src/formatters/index.js'
import {cdataSection, escapeXmlAttribute, removeCharactersNotAllowedInXml} from '../../src/formatters/xml.js'
import {fixtureContext, fixtureResults, messageNeedingEscapes} from './fixture-results.js'
import {findElements, parseXml, textContent} from './xml-parser.js'

/** The message as an XML reader gets it back: without the control character XML cannot hold. */
const messageAsReadBack = messageNeedingEscapes.replace('\u0007', '')

/** Where xmllint would be, when the system has it. */
const xmllintPath = '/usr/bin/xmllint'

describe('XML helpers', () => {
  it('escapes markup characters and keeps white space in attribute values', () => {
    expect(escapeXmlAttribute(`a<b>&"c'\td\ne\r`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;&#9;d&#10;e&#13;')
    expect(escapeXmlAttribute(12)).toBe('12')
  })

  it('removes characters XML 1.0 cannot hold', () => {
    expect(removeCharactersNotAllowedInXml('a\u0000b\u0007c\u001Bd\uFFFEe\uFFFFf')).toBe('abcdef')
    expect(removeCharactersNotAllowedInXml('lone \uD800 high, lone \uDC00 low')).toBe('lone  high, lone  low')
    expect(removeCharactersNotAllowedInXml('kept: \t\n\r 中文 😀 \uE000')).toBe('kept: \t\n\r 中文 😀 \uE000')
  })

  it('splits "]]>" across CDATA sections', () => {
    const section = cdataSection('a]]>b]]>')
    expect(section).toBe('<![CDATA[a]]]]><![CDATA[>b]]]]><![CDATA[>]]>')
    expect(textContent(parseXml(`<r>${section}</r>`))).toBe('a]]>b]]>')
  })
})

describe('the test XML parser', () => {
  it.each([
    ['a mismatched end tag', '<a><b></a></b>'],
    ['a bare ampersand', '<a>x & y</a>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['a control character', '<a>\u0007</a>'],
    ['a reference to a control character', '<a>&#7;</a>'],
    ['"]]>" in text', '<a>]]></a>'],
    ['"<" in an attribute', '<a b="<"/>'],
    ['a duplicate attribute', '<a b="1" b="2"/>'],
    ['an unquoted attribute', '<a b=1/>'],
    ['two root elements', '<a/><b/>'],
    ['an unclosed element', '<a><b/>'],
    ['a lone surrogate', '<a>\uD800</a>'],
  ])('rejects %s', (_problem, text) => {
    expect(() => parseXml(text)).toThrow(SyntaxError)
  })

  it('accepts a small document and decodes it', () => {
    const root = parseXml('<?xml version="1.0" encoding="utf-8"?>\n<a x="1&#10;2&amp;">t&lt;<b/><![CDATA[<&>]]></a>\n')
    expect(root.attributes).toEqual({x: '1\n2&'})
    expect(textContent(root)).toBe('t<<&>')
  })
})

describe.each(['checkstyle', 'junit'] as const)('%s output', (name) => {
  it('is well-formed and keeps the message text', async () => {
    const output = (await loadFormatter(name))(fixtureResults, fixtureContext())
    const root = parseXml(output)
    const problemElements = name === 'checkstyle' ? findElements(root, 'error') : [...findElements(root, 'failure'), ...findElements(root, 'error')]
    const messages = problemElements.map((element) => element.attributes['message'])
    expect(messages).toContain(messageAsReadBack)
    expect(messages).toHaveLength(8)
  })

  it.skipIf(!existsSync(xmllintPath))('passes xmllint', async () => {
    const output = (await loadFormatter(name))(fixtureResults, fixtureContext())
    const directory = mkdtempSync(path.join(tmpdir(), 'bilint-xml-'))
    try {
      const file = path.join(directory, `${name}.xml`)
      writeFileSync(file, output)
      const run = spawnSync(xmllintPath, ['--noout', file], {encoding: 'utf8'})
      expect(run.stderr).toBe('')
      expect(run.status).toBe(0)
    } finally {
      rmSync(directory, {recursive: true, force: true})
    }
  })
})

describe('junit output', () => {
  it('counts tests, failures and errors per file and keeps the CDATA details', async () => {
    const root = parseXml((await loadFormatter('junit'))(fixtureResults, fixtureContext()))
    const suites = findElements(root, 'testsuite').map((suite) => suite.attributes)
    expect(suites).toEqual([
      {package: 'org.bilint', time: '0', tests: '7', failures: '7', errors: '0', name: 'docs/guide.md'},
      {package: 'org.bilint', time: '0', tests: '1', failures: '0', errors: '0', name: 'README.md'},
      {package: 'org.bilint', time: '0', tests: '1', failures: '0', errors: '1', name: 'notes/读我 #1.md'},
    ])
    const firstFailure = findElements(root, 'failure')[0]
    expect(firstFailure && textContent(firstFailure)).toBe(`line 3, col 15, Error - ${messageAsReadBack} (untranslated-chinese)`)
  })
})
