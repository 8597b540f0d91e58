import {existsSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {lintWithRule, runRuleTests} from '../../tests/rule-tester.js'
import gluedSubscript from './index.js'

runRuleTests(gluedSubscript, {
  valid: [
    'PM2.5 concentrations fell by 6% last year.',
    'Emissions are given in CO2-equivalent tonnes.',
    {text: 'PM2.5浓度下降，CO2排放减少。', language: 'zh'},
    'Water (H2O) and oxygen (O2) are not pollutants.',
    'During COVID-19 the MP3 player showed 4K video on A4 paper.',
    'Install v2.3beta on the iPhone15 or on Win10.',
    'Report CO2e and CO2eq figures separately.',
    'The class CO2SensorReading parses the feed.',
    'Call `PM2.5Caused()` in the test.',
    {text: 'NOX EMISSIONS FELL IN 2025', filePath: 'caps.txt'},
    'The company COmpany is not a formula.',
    'NOx and SOx come from combustion; VOCs from solvents.',
    {text: 'Ethane (C2H6) levels rose.', options: {formulas: ['C2H6']}},
  ],
  invalid: [
    {
      text: 'caused by PM2.5Caused (minus dust)',
      output: 'caused by PM2.5 caused (minus dust)',
      errors: [{line: 1, column: 11, endLine: 1, endColumn: 22, expected: 'PM2.5 caused', severity: 2}],
    },
    {
      text: 'The O3More days and O3Exceeding days.',
      output: 'The O3 more days and O3 exceeding days.',
      errors: [
        {column: 5, endColumn: 11, message: 'Unexpected `O3More`, expected `O3 more`: the formula `O3` is glued to the next word'},
        {column: 21, endColumn: 32},
      ],
    },
    {
      text: 'PM2.5Concentration and PM2.5and SO2Exceeding rose.',
      output: 'PM2.5 concentration and PM2.5 and SO2 exceeding rose.',
      errors: [{column: 1, endColumn: 19}, {column: 24, endColumn: 32}, {column: 33, endColumn: 45}],
    },
    {
      text: 'Plants cut CO2emissions and CH4Emissions.',
      output: 'Plants cut CO2 emissions and CH4 emissions.',
      errors: [{column: 12, endColumn: 24}, {column: 29, endColumn: 41}],
    },
    {
      name: 'lost subscript case',
      text: 'Nitrogen oxides (NOX) and SOX rose.',
      output: 'Nitrogen oxides (NOx) and SOx rose.',
      errors: [{column: 18, endColumn: 21, expected: 'NOx'}, {column: 27, endColumn: 30, expected: 'SOx'}],
    },
    {
      name: 'lost subscript case in a Chinese sentence',
      text: '氮氧化物（NOX）主要来自交通。',
      language: 'zh',
      output: '氮氧化物（NOx）主要来自交通。',
      errors: [{line: 1, column: 6, endColumn: 9, expected: 'NOx'}],
    },
    {
      name: 'stray subscript with its formula named',
      text: 'Fine particulate matter (PM) weighs on public senses2.5Heavier than ozone.',
      errors: [{column: 47, endColumn: 63, message: /`2\.5` between `senses` and `Heavier`: it belongs to `PM2\.5`/}],
    },
    {
      name: 'stray subscript, no formula in the paragraph',
      text: 'Precision, science, and law2.5As the main direction.',
      errors: [{column: 25, endColumn: 33, message: /a formula lost it$/}],
    },
    {
      name: 'two-letter word keeps its case',
      text: 'It rose with PM2.5As expected.',
      output: 'It rose with PM2.5 As expected.',
      errors: [{column: 14, endColumn: 21, expected: 'PM2.5 As'}],
    },
    {
      name: 'Markdown: positions through emphasis and a list indent',
      text: '- First item\n  with **PM2.5Caused** haze\n',
      filePath: 'list.md',
      output: '- First item\n  with **PM2.5 caused** haze\n',
      errors: [{line: 2, column: 10, endLine: 2, endColumn: 21}],
    },
    {
      name: 'formulas from options',
      text: 'Ethane C2H6Levels rose.',
      options: {formulas: ['C2H6']},
      output: 'Ethane C2H6 levels rose.',
      errors: [{column: 8, endColumn: 18}],
    },
  ],
})

const seed = new URL('../../../shared/corpus/seed.txt', import.meta.url)

describe('glued-subscript on the shared seed translation', () => {
  it.skipIf(!existsSync(seed))('reports the glued formulas of lines 13 and 60', async () => {
    const messages = await lintWithRule(gluedSubscript, {text: readFileSync(seed, 'utf8'), filePath: 'seed.txt'})
    const found = messages.map((message) => `${message.line}:${message.actual}`)
    expect(found).toEqual([
      '13:senses2.5Heavier',
      '13:O3More',
      '13:PM2.5Caused',
      '13:O3Exceeding',
      '13:PM2.5Concentration',
      '13:NOX',
      '13:PM2.5and',
      '13:O3Contaminate',
      '60:law2.5As',
    ])
  })
})
