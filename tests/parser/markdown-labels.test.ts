/**
 * Link labels as micromark matches them, and the over-approximations the
 * Markdown reader plans with: which labels a document may define, which
 * pieces may refer to them.
 */
import {describe, expect, it} from 'vitest'
import {frontMatterEnd} from '../../src/parser/markdown-front-matter.js'
import {definitionKeys, labelKey, mayReference, referencedKeys} from '../../src/parser/markdown-labels.js'

describe('labelKey', () => {
  it.each([
    ['Foo', 'FOO'],
    ['  foo \t\n bar  ', 'FOO BAR'],
    ['ß', 'SS'],
    ['a\\]b', 'A\\]B'],
  ])('keys %j as %j', (label, key) => {
    expect(labelKey(label)).toBe(key)
  })
})

describe('definitionKeys', () => {
  it.each([
    ['[Foo]: /u\n', ['FOO']],
    ['[^Note]: text\n', ['^NOTE', '^NOTE']],
    ['> [foo\n> bar]: /u\n', ['FOO > BAR', 'FOO BAR']],
    ['text \\[a]: b and [a\\]: c and [a]b]: d\n', []],
    ['no definitions here\n', []],
  ])('finds the labels %j may define', (text, keys) => {
    expect([...definitionKeys(text)].sort()).toEqual([...new Set(keys)].sort())
  })
})

describe('mayReference', () => {
  const keys = new Set(['FOO', '^1'])
  it.each([
    ['see [Foo] here', true],
    ['see [text][ foo ] here', true],
    ['see [^1] here', true],
    ['see [a [foo] b](u) here', true],
    ['see [bar] and \\[foo] here', false],
    ['see [foo bar] here', false],
  ])('%j may refer to [foo] or [^1]: %s', (text, expected) => {
    expect(mayReference(text, 0, text.length, keys)).toBe(expected)
  })

  it('collects the defined keys a range refers to', () => {
    const found: string[] = []
    const text = 'a [foo] b [^1] c [bar] d [FOO]'
    referencedKeys(text, 0, text.length, new Map([['FOO', ''], ['^1', '']]), (key) => found.push(key))
    expect(new Set(found)).toEqual(new Set(['FOO', '^1']))
  })
})

describe('frontMatterEnd', () => {
  it.each([
    ['---\ntitle: x\n---\ntext\n', 17],
    ['+++\na = 1\n\nb = 2\n+++  \r\ntext\n', 24],
    ['---\n---', 7],
    ['---\ntitle: x\n', 0],
    ['--- x\ntitle: x\n---\n', 0],
    ['text\n---\n', 0],
  ])('finds where the front matter of %j ends', (text, end) => {
    expect(frontMatterEnd(text)).toBe(end)
  })
})
