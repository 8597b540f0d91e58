import {describe, expect, it} from 'vitest'
import {DirectiveFilter} from '../../src/engine/directives.js'

describe('DirectiveFilter', () => {
  it('silences ranges, single lines and next lines, per rule or for all', () => {
    const filter = new DirectiveFilter([
      {kind: 'disable', ruleIds: ['a', 'b'], line: 2, endLine: 2},
      {kind: 'enable', ruleIds: ['a'], line: 5, endLine: 5},
      {kind: 'disable-next-line', ruleIds: [], line: 7, endLine: 7},
      {kind: 'disable-line', ruleIds: ['c'], line: 9, endLine: 9},
      {kind: 'enable', ruleIds: [], line: 12, endLine: 12},
    ])
    expect(filter.isSilenced('a', 1)).toBe(false)
    expect(filter.isSilenced('a', 3)).toBe(true)
    expect(filter.isSilenced('a', 6)).toBe(false)
    expect(filter.isSilenced('b', 6)).toBe(true)
    expect(filter.isSilenced('b', 13)).toBe(false)
    expect(filter.isSilenced('z', 8)).toBe(true)
    expect(filter.isSilenced('z', 9)).toBe(false)
    expect(filter.isSilenced('c', 9)).toBe(true)
    expect(filter.isSilenced('c', 3)).toBe(false)
  })

  it('keeps an unclosed disable to the end', () => {
    const filter = new DirectiveFilter([{kind: 'disable', ruleIds: [], line: 3, endLine: 3}])
    expect(filter.isSilenced('any', 1_000_000)).toBe(true)
    expect(filter.isSilenced('any', 2)).toBe(false)
  })

  it('turns one rule back on after a bare disable, as ESLint does', () => {
    const filter = new DirectiveFilter([
      {kind: 'disable', ruleIds: [], line: 1, endLine: 1},
      {kind: 'enable', ruleIds: ['a'], line: 4, endLine: 4},
      {kind: 'disable', ruleIds: ['a'], line: 8, endLine: 8},
    ])
    expect(filter.isSilenced('a', 3)).toBe(true)
    expect(filter.isSilenced('a', 5)).toBe(false)
    expect(filter.isSilenced('b', 5)).toBe(true)
    expect(filter.isSilenced('a', 9)).toBe(true)
  })
})
