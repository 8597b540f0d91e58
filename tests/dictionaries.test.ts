/**
 * Every word list in dictionaries/ is sorted (by UTF-16 code unit), free of
 * duplicates, has a `#` header naming its source, and is described in
 * dictionaries/README.md.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {parseWordList} from '../src/dictionaries.js'

const folder = new URL('../dictionaries/', import.meta.url)
const lists = readdirSync(folder).filter((name) => name.endsWith('.txt'))
const readme = readFileSync(new URL('README.md', folder), 'utf8')

describe('dictionaries', () => {
  for (const name of lists) {
    it(`${name} is sorted, unique, sourced and described`, () => {
      const text = readFileSync(new URL(name, folder), 'utf8')
      expect(text.startsWith('#'), 'starts with a # header').toBe(true)
      const entries = parseWordList(text)
      expect(entries.length).toBeGreaterThan(0)
      const sorted = [...entries].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      expect(entries).toEqual(sorted)
      expect(entries.filter((entry, index) => entries.indexOf(entry) !== index)).toEqual([])
      expect(readme).toContain(`\`${name}\``)
    })
  }
})
