import {describe, expect, it} from 'vitest'
import {
  chineseNumeralValue,
  formatMarker,
  inlineStyles,
  parseMarker,
  toChineseNumeral,
  type NumberingStyle,
} from '../../src/document/numbering.js'
import {Outline} from '../../src/document/outline.js'

describe('parseMarker', () => {
  const markers: Array<[string, NumberingStyle, number, string]> = [
    ['1. Scope', 'decimal-dot', 1, '1.'],
    ['12.统筹兼顾', 'decimal-dot', 12, '12.'],
    ['3) Cool it', 'decimal-paren-right', 3, '3)'],
    ['(2) Test the water', 'decimal-paren', 2, '(2)'],
    ['（3）重点河流', 'decimal-fullwidth-paren', 3, '（3）'],
    ['4、公开透明', 'decimal-dun', 4, '4、'],
    ['二、职责分工', 'cn-dun', 2, '二、'],
    ['十二、附则', 'cn-dun', 12, '十二、'],
    ['（一）适用范围', 'cn-paren', 1, '（一）'],
    ['(三)监督', 'cn-paren', 3, '(三)'],
    ['一是加强领导', 'cn-shi', 1, '一是'],
    ['第二，要落实', 'cn-di', 2, '第二，'],
    ['第三章 附则', 'cn-chapter', 3, '第三章'],
    ['第十条 本办法', 'cn-chapter', 10, '第十条'],
    ['② 乙', 'circled', 2, '②'],
    ['IV. Results', 'roman-upper', 4, 'IV.'],
    ['ii. second', 'roman-lower', 2, 'ii.'],
    ['B. Methods', 'alpha-upper', 2, 'B.'],
    ['c) third', 'alpha-lower', 3, 'c)'],
    ['First, we agree', 'ordinal-comma', 1, 'First,'],
    ['Secondly, we act', 'ordinal-comma', 2, 'Secondly,'],
    ['First of all, we agree', 'ordinal-comma', 1, 'First of all,'],
    ['The third is to act', 'ordinal-is', 3, 'The third is'],
    ['Step 4 Serve', 'step', 4, 'Step 4'],
    ['1.2 Scope', 'outline', 1, '1.2'],
    ['2.1.3. Terms', 'outline', 2, '2.1.3.'],
    ['1.1概述', 'outline', 1, '1.1'],
    ['1.1.概述', 'outline', 1, '1.1.'],
  ]
  for (const [text, style, value, markerText] of markers) {
    it(`reads ${JSON.stringify(text)} as ${style} ${value}`, () => {
      expect(parseMarker(text)).toEqual({style, value, text: markerText, start: 0, end: markerText.length})
    })
  }

  const notMarkers = [
    '1.5 million people moved',
    '2.5 times more',
    '3.14 is close to pi',
    '1.5亿元投资',
    '2.3万吨',
    '1.5',
    '3.0.2 / 2018-07-19',
    '1.2.0 (2020-01-01)',
    '1.2 2020',
    '20.x releases',
    '2024. A good year',
    '1.6.2024: the report',
    'Article 3 applies',
    'Figure 2 shows',
    'Finally, we rest',
    'The sixtieth is',
    'e.g. this',
    'i.e. that',
    '第一次会议',
    '一个问题',
  ]
  for (const text of notMarkers) {
    it(`finds no marker in ${JSON.stringify(text)}`, () => {
      expect(parseMarker(text)).toBeNull()
    })
  }

  it('reads at an offset and reports offsets in the text', () => {
    expect(parseMarker('Done. Second, we act.', 6)).toEqual({style: 'ordinal-comma', value: 2, text: 'Second,', start: 6, end: 13})
  })

  it('keeps to the styles asked for', () => {
    expect(parseMarker('1. Scope', 0, inlineStyles)).toBeNull()
    expect(parseMarker('The second is to act', 0, inlineStyles)?.style).toBe('ordinal-is')
  })

  it('reads in linear time on long input', () => {
    const long = `${'1.'.repeat(50_000)} x`
    const started = performance.now()
    for (let offset = 0; offset < 2000; offset++) parseMarker(long, offset)
    expect(performance.now() - started).toBeLessThan(2000)
  })
})

describe('formatMarker', () => {
  const formats: Array<[NumberingStyle, number, string]> = [
    ['decimal-dot', 2, '2.'],
    ['decimal-paren', 3, '(3)'],
    ['cn-dun', 12, '十二、'],
    ['cn-paren', 3, '（三）'],
    ['cn-shi', 2, '二是'],
    ['cn-di', 4, '第四，'],
    ['circled', 5, '⑤'],
    ['roman-upper', 9, 'IX.'],
    ['alpha-lower', 3, 'c.'],
    ['ordinal-comma', 5, 'Fifth,'],
    ['ordinal-is', 2, 'The second is'],
    ['step', 3, 'Step 3'],
  ]
  for (const [style, value, text] of formats) {
    it(`writes ${style} ${value} as ${text}`, () => {
      expect(formatMarker(style, value)).toBe(text)
      if (style !== 'step') expect(parseMarker(`${text} x`)).toMatchObject({style, value})
    })
  }
})

describe('Chinese numerals', () => {
  it('reads and writes 1–99', () => {
    for (let value = 1; value < 100; value++) expect(chineseNumeralValue(toChineseNumeral(value))).toBe(value)
  })

  it('rejects what is not a numeral', () => {
    expect(chineseNumeralValue('')).toBe(0)
    expect(chineseNumeralValue('十十')).toBe(0)
    expect(chineseNumeralValue('一二三四')).toBe(0)
  })
})

describe('Outline', () => {
  /** Places markers given as text and returns their levels. */
  function levels(texts: string[]): number[] {
    const outline = new Outline()
    return texts.map((text) => outline.place(parseMarker(text)!, parseMarker(text)!).level)
  }

  it('nests GB/T 9704 levels and returns to an open style', () => {
    expect(levels(['一、', '（一）', '1. x', '（1）', '（2）', '2. x', '（二）', '二、'])).toEqual([0, 1, 2, 3, 3, 2, 1, 0])
  })

  it('keeps a style switch that does not start at 1 on the current level', () => {
    expect(levels(['First, x', '二、', '3. x'])).toEqual([0, 0, 0])
  })

  it('starts a new sequence when a style counts from 1 again', () => {
    const outline = new Outline<string>()
    outline.place(parseMarker('1. x')!, 'a')
    outline.place(parseMarker('2. x')!, 'b')
    expect(outline.place(parseMarker('1. x')!, 'c')).toMatchObject({level: 0, opened: true, previous: null})
  })
})
