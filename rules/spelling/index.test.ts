import {existsSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {lintWithRule, runRuleTests} from '../../tests/rule-tester.js'
import spelling from './index.js'

const french =
  'Le gouvernement a publié un rapport sur la qualité de l’air dans les grandes villes du pays, et les résultats ' +
  'montrent une amélioration nette des concentrations de particules fines depuis plusieurs années consécutives ' +
  'grâce aux nouvelles mesures prises par les autorités locales.'

runRuleTests(spelling, {
  valid: [
    'The environment of the lake improved after the new rules.',
    'Our GDP grew while NIMBY protests and VOCs made headlines.',
    'About 35 of the 120 stations reported 3rd-quarter data in 2024.',
    'Read https://example.org/enviroment for details.',
    'Write to press@exmaple.org with questions.',
    'Open enviroment.md before the meeting.',
    'Run `enviroment --chek` first.',
    {name: 'code block', text: '```\nenviroment chek\n```\n'},
    'A well-known, state-of-the-art, eco-friendly and socio-economic plan; pre- and post-war data.',
    "The EU's targets, Jinping’s speech and the ministries' plans.",
    'It’s the agency’s view, and it’s final: don’t wait.',
    "Zhao Yingmin and Liao Xiyuan met in Xi'an, Haidian and Wanliu.",
    {name: 'project words', text: 'The Qwzx sensor feeds the bilint dashboard; Bilint reads it.', projectWords: ['Qwzx', 'bilint']},
    {name: 'ignore', text: 'The Xqzv index rose.', options: {ignore: ['Xqzv']}},
    {name: 'Han text', text: '生态环境部发布了年度报告，各地污染物排放持续减少。', language: 'zh'},
    {name: 'Latin words inside a Chinese sentence', text: '水质 enviroment 很好，各地污染物排放持续减少了很多。'},
    'PM2.5Caused most haze days, and O3More days followed.',
    'Deploy it with macOS, iPhone and TypeScript.',
    'The café served a naïve rosé.',
    'Desertification, informatization and tailings ponds; NOx and SOx fell.',
    'e.g. and i.e. are fine, as is snake_case_name.',
    {name: 'all-capitals heading', text: '# ENVIROMENT REPORT\n'},
    {name: 'a French document', text: french, filePath: 'rapport.txt'},
  ],
  invalid: [
    {
      text: 'The enviroment is fine.',
      errors: [
        {line: 1, column: 5, endLine: 1, endColumn: 15, severity: 2, message: 'Unexpected unknown word `enviroment`, expected `environment`'},
      ],
    },
    {
      name: 'capitalised typos are not pinyin names',
      text: 'Enviroment reports reach the Goverment.',
      errors: [
        {column: 1, endColumn: 11, expected: 'Environment'},
        {column: 30, endColumn: 39, expected: 'Government'},
      ],
    },
    {
      name: 'hyphenated word: only the misspelled part',
      text: 'A well-knwon fact.',
      errors: [{column: 8, endColumn: 13, expected: 'known'}],
    },
    {
      name: 'possessive: the stem, with straight and curly apostrophes',
      text: "The Goverment's plan and the goverment’s budget.",
      errors: [
        {column: 5, endColumn: 14, message: 'Unexpected unknown word `Goverment`, expected `Government`'},
        {column: 30, endColumn: 39, expected: 'government'},
      ],
    },
    {
      name: 'English paragraph of a Chinese document',
      text: '生态环境部发布了年度报告。\n\nThe report covers the enviroment of rivers.\n',
      language: 'zh',
      errors: [{line: 3, column: 23, endColumn: 33, expected: 'environment'}],
    },
    {
      name: 'Markdown heading and list item',
      text: '## Anual report\n\n- The enviroment\n',
      errors: [
        {line: 1, column: 4, endColumn: 9, expected: 'Annual'},
        {line: 3, column: 7, endColumn: 17, expected: 'environment'},
      ],
    },
    {
      name: 'suggestions are capped per file; a repeated word keeps its suggestions',
      text: 'The enviroment, the goverment and the enviroment again.',
      options: {maxSuggestions: 1},
      errors: [
        {column: 5, endColumn: 15, expected: 'environment'},
        {column: 21, endColumn: 30, message: 'Unexpected unknown word `goverment`'},
        {column: 39, endColumn: 49, expected: 'environment'},
      ],
    },
    {
      name: 'several suggestions, swaps first',
      text: 'Read teh report.',
      errors: [{column: 6, endColumn: 9, message: /^Unexpected unknown word `teh`, expected `the`, `\w+` or `\w+`$/}],
    },
    {
      name: 'no suggestion attempt on words over 20 letters',
      text: 'The xqzvbnmlkjxqzvbnmlkj value.',
      errors: [{column: 5, endColumn: 25, message: 'Unexpected unknown word `xqzvbnmlkjxqzvbnmlkj`'}],
    },
    {
      name: 'a combining form alone',
      text: 'An eco approach.',
      options: {maxSuggestions: 0},
      errors: [{column: 4, endColumn: 7, message: 'Unexpected unknown word `eco`'}],
    },
    {
      name: 'five pinyin syllables are no name',
      text: 'Lilalilali went home.',
      options: {maxSuggestions: 0},
      errors: [{column: 1, endColumn: 11}],
    },
    {
      name: 'ignore is exact and case-sensitive',
      text: 'The xqzv and Xqzv values.',
      options: {ignore: ['xqzv'], maxSuggestions: 0},
      errors: [{column: 14, endColumn: 18}],
    },
    {
      name: 'a Capitalised project word does not accept lower case',
      text: 'The qwzx sensor.',
      projectWords: ['Qwzx'],
      options: {maxSuggestions: 0},
      errors: [{column: 5, endColumn: 9}],
    },
  ],
})

/** 1-based line and column of an offset. */
function placeOf(text: string, offset: number): {line: number; column: number} {
  const before = text.slice(0, offset)
  return {line: before.split('\n').length, column: offset - before.lastIndexOf('\n')}
}

/** Replaces the `occurrence`-th (1-based) whole-word `word` in `text`. */
function plant(text: string, word: string, typo: string, occurrence: number): string {
  let seen = 0
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    const before = text[at - 1] ?? ' '
    const after = text[at + word.length] ?? ' '
    if (/[A-Za-z]/.test(before) || /[A-Za-z]/.test(after)) continue
    if (++seen === occurrence) return text.slice(0, at) + typo + text.slice(at + word.length)
  }
  throw new Error(`the seed has no occurrence ${occurrence} of ${word}`)
}

const seed = new URL('../../../shared/corpus/seed.txt', import.meta.url)

describe('spelling on the shared seed translation', () => {
  it.skipIf(!existsSync(seed))('finds nothing in the seed', async () => {
    const messages = await lintWithRule(spelling, {text: readFileSync(seed, 'utf8'), filePath: 'seed.txt'})
    expect(messages.map((message) => `${message.line}:${message.actual}`)).toEqual([])
  })

  it.skipIf(!existsSync(seed))('finds exactly the eight typos planted in it', async () => {
    const typos: Array<[word: string, typo: string, occurrence: number]> = [
      ['environment', 'enviroment', 3],
      ['responsibility', 'responsibilty', 2],
      ['pollution', 'polution', 5],
      ['development', 'developement', 4],
      ['Secretary', 'Secretery', 6],
      ['Ministry', 'Ministery', 2],
      ['Conference', 'Conferance', 3],
      ['Environmental', 'Enviromental', 4],
    ]
    let text = readFileSync(seed, 'utf8')
    for (const [word, typo, occurrence] of typos) text = plant(text, word, typo, occurrence)
    const expected = typos
      .map(([word, typo]) => {
        const offset = text.indexOf(typo)
        expect(text.indexOf(typo, offset + 1), `${typo} is planted once`).toBe(-1)
        return {...placeOf(text, offset), actual: typo, word}
      })
      .sort((a, b) => a.line - b.line || a.column - b.column)
    const messages = await lintWithRule(spelling, {text, filePath: 'seed.txt'})
    expect(messages.map((message) => ({line: message.line, column: message.column, actual: message.actual}))).toEqual(
      expected.map(({line, column, actual}) => ({line, column, actual})),
    )
    // The intended word is among the suggestions: nspell's ranking may put another first (`Secretery` → `Secretory`).
    for (const [index, entry] of expected.entries()) expect(messages[index]?.expected, entry.actual).toContain(entry.word)
  })
})

describe('locale en-GB', () => {
  it('accepts British spellings with dictionary-en-gb', async () => {
    const messages = await lintWithRule(spelling, {text: 'The colour of the organised centre.', options: {locale: 'en-GB'}})
    expect(messages).toEqual([])
  })

  it('reports American spellings under en-GB only where en-GB lacks them', async () => {
    const messages = await lintWithRule(spelling, {text: 'The colour of the enviroment.', options: {locale: 'en-GB'}})
    expect(messages.map((message) => message.actual)).toEqual(['enviroment'])
  })
})
