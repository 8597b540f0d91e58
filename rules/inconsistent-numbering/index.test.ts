import {existsSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {applyEdits, editsOf} from '../../src/fix/apply-fixes.js'
import {lintWithRule, runRuleTests, type CaseSettings} from '../../tests/rule-tester.js'
import inconsistentNumbering from './index.js'

/** GB/T 9704 nesting: `一、` › `（一）` › `1.` › `（1）`, then back up. */
const officialNesting = [
  '一、总体要求',
  '（一）适用范围',
  '本办法适用于全市河流和湖泊。',
  '（二）工作原则',
  '1.统筹兼顾，突出重点。',
  '2.分类施策，一河一策。',
  '（1）重点河流每月监测一次。',
  '（2）一般河流每季度监测一次。',
  '3.公开透明，接受监督。',
  '二、职责分工',
  '（一）市生态环境局负责统一监督。',
  '（二）各区政府负责本辖区河流。',
].join('\n\n')

runRuleTests(inconsistentNumbering, {
  valid: [
    {name: 'dates', text: 'The plan began on 12 May 2024.\n\n1.5.2024: the first report.\n\n1.6.2024: the second report.\n', filePath: 'dates.txt'},
    {name: 'dates in Markdown', text: '2024年5月1日，计划启动。\n\n2024年6月1日，第一次评估。\n'},
    {name: 'decimals', text: '1.5 million people moved to the coast.\n\n2.5 million stayed inland.\n\n1.2 million moved abroad.\n', filePath: 'decimals.txt'},
    {name: 'decimals in Markdown', text: '1.5 million people moved to the coast.\n\n2.5 million stayed inland.\n\n1.2 million moved abroad.\n'},
    {name: 'Chinese decimals', text: '1.5亿人口生活在沿海。\n\n2.3亿人口生活在内地。\n', filePath: 'decimals-zh.txt'},
    {name: 'articles and figures', text: 'Article 3 sets the limits. Article 5 sets the fines.\n\nFigure 2 shows the rivers. Figure 4 shows the lakes.\n'},
    {
      name: 'articles and figures in plain text',
      text: 'Article 3 sets the limits.\n\nArticle 5 sets the fines.\n\nFigure 2 shows the rivers.\n\nFigure 4 shows the lakes.\n',
      filePath: 'references.txt',
    },
    {
      name: 'lists restart after a heading',
      text: '## Before baking\n\n1. Mix the flour\n2. Knead the dough\n\n## After baking\n\n1. Let it cool\n2. Slice it\n',
    },
    {
      name: 'numbered paragraphs restart after a heading',
      text: 'Before you bake\n\n1. Mix the flour and the water.\n\n2. Knead the dough for ten minutes.\n\nAfter baking\n\n1. Let the bread cool.\n\n2. Slice it with a sharp knife.\n',
      filePath: 'bread.txt',
    },
    {
      name: 'consistent outline numbering',
      text: '## 1. Scope\n\n### 1.1 Terms\n\n### 1.2 Units\n\n## 2. Methods\n\n### 2.1 Sampling\n\n### 2.2 Analysis\n',
    },
    {
      name: 'consistent outline numbering in plain text',
      text: 'Water report\n\n1.1 Terms\n\nThe terms follow the national standard.\n\n1.2 Units\n\nAll values are in micrograms per cubic metre.\n\n2.1 Sampling\n\nSamples were taken every week.\n',
      filePath: 'outline.txt',
    },
    {name: 'a single numbered heading', text: '## 3. Results\n\nThe rivers are cleaner than last year.\n'},
    {name: 'a single numbered paragraph', text: 'Second, the lakes are cleaner than last year.\n', filePath: 'single.txt'},
    {name: 'GB/T 9704 nesting in Chinese plain text', text: `${officialNesting}\n`, filePath: 'nesting.txt'},
    {name: 'GB/T 9704 nesting in Chinese Markdown', text: `${officialNesting}\n`},
    {
      name: 'GB/T 9704 nesting in Chinese Markdown headings',
      text: '## 一、总则\n\n### （一）目的\n\n### （二）范围\n\n## 二、职责\n\n### （一）分工\n',
    },
    {name: 'lazy Markdown numbering', text: '1. Mix the flour\n1. Knead the dough\n1. Bake the bread\n'},
    {name: 'a Markdown list may start at any number', text: '3. Let it cool\n4. Slice it\n5. Serve it\n'},
    {
      name: 'a new article restarts the count',
      text: [
        'Cleaner rivers for the city',
        '1. Test every river',
        'The city tested every river this spring.',
        '2. Close the old outfalls',
        'Two outfalls were closed in May.',
        'Greener streets for the city',
        'II. Plant trees on the main roads',
        'A thousand trees were planted.',
        'III. Open new parks',
        'Three parks opened in the summer.',
      ].join('\n\n'),
      filePath: 'articles.txt',
    },
    {
      name: 'a numbered paragraph between numbered plain-text headings',
      text: 'Water report\n\n1. Introduction\n\nThe city checks its water.\n\n2. The system has three parts.\n\n3. Results\n\nThe water is clean.\n',
      filePath: 'bridge.txt',
    },
    {
      name: 'sentences continue the paragraph sequence',
      text: 'First, we cleaned the rivers.\n\nSecond, we planted trees. Third, we opened the data.\n\nFourth, we trained the inspectors.\n',
    },
    {
      name: 'a list nested in a paragraph',
      text: 'First, tighten the rules on factories. First, we must inspect every plant. Second, we must publish the results.\n\nSecond, fund the new labs.\n',
    },
    {name: 'sentence markers nested by style', text: 'First, clean the rivers. (1) Test the water. (2) Close the outfalls. Second, plant trees.\n'},
    {name: 'consistent sentence markers', text: 'The first is to clean the rivers. The second is to plant trees. The third is to open the data.\n'},
    {name: 'ordinal variants of one style', text: 'First of all, we cleaned the rivers. Secondly, we planted trees. Third, we opened the data.\n'},
    {name: 'Chinese clauses', text: '今年的工作有三项：一是治理河流；二是恢复湿地；三是公开数据。\n'},
    {name: 'Chinese clauses with a nested list', text: '一是加强领导，（1）建立台账；（2）明确责任；二是完善制度。\n'},
    {
      name: 'chapters, sections and articles count apart',
      text: '第一章 总则\n\n第一节 一般规定\n\n第一条 为了保护河流，制定本办法。\n\n第二条 本办法适用于全市。\n\n第二节 监督管理\n\n第三条 市生态环境局负责监督。\n',
      filePath: 'law.txt',
    },
    {name: 'letters that are also Roman numerals', text: 't. Tin is soft.\n\nu. Uranium is heavy.\n\nv. Vanadium is hard.\n', filePath: 'letters.txt'},
    {name: 'heading levels restart deeper sequences', text: '## 1. Rivers\n\n### 1) Tests\n\n### 2) Outfalls\n\n## 2. Lakes\n\n### 1) Tests\n'},
    {
      name: 'checkInline off',
      text: 'First, the city cleaned its rivers. The second is to plant trees on the banks.\n',
      options: {checkInline: false},
    },
    {
      name: 'checkChineseInEnglish off',
      text: '# River plan\n\n## 二、Shared duties of the provinces\n\nEach province reports twice a year to the ministry.\n',
      options: {checkChineseInEnglish: false},
    },
    {name: 'Chinese numbering in a Chinese document', text: '## 二、职责分工\n\n各区政府负责本辖区的河流。\n'},
    {name: 'versions counting down', text: 'Other versions:\n\n- [20.x](v20.md)\n- [19.x](v19.md)\n- [18.x](v18.md)\n'},
    {name: 'changelog headings', text: '3.0.2 / 2018-07-19\n==================\n\n* Fix a crash.\n\n3.0.1 / 2017-04-27\n==================\n\n* Fix a leak.\n'},
    {name: 'a countdown', text: '3. Take your seats.\n\n2. Switch off your phones.\n\n1. Enjoy the film.\n', filePath: 'countdown.txt'},
    {name: 'a jump too long for a gap', text: '1. Open the file.\n\n40. List the arguments.\n', filePath: 'jump.txt'},
    {name: 'questions and answers', text: 'Q. How often are rivers tested?\n\nEvery month.\n\nQ. Who pays for the tests?\n\nThe province.\n', filePath: 'faq.txt'},
    {
      name: 'a list restarts at 1 under a numbered paragraph',
      text: 'Editing guide\n\n1. Introduction to editing files.\n\n1. Read the file into a buffer.\n\n2. Change the buffer.\n',
      filePath: 'guide.txt',
    },
    {
      name: 'a hard-wrapped list in plain text',
      text: '1. Mix the flour.\n2. Knead the dough.\n3. Bake the bread.\n\n4. Slice it when it is cool.\n',
      filePath: 'wrapped.txt',
    },
    {
      name: 'a letter list nested in the lines of a paragraph',
      text: '1. Load the defaults.\n\n2. Read the settings.\n\n3. Search three places:\n   a. the user file;\n   b. the system file;\n   c. the project file.\n\nd. If nothing is found, use the defaults.\n\n4. Load the plugins.\n',
      filePath: 'startup.txt',
    },
  ],
  invalid: [
    {
      name: 'a heading switches style',
      text: '# River plan\n\n## 1. Clean water for every town\n\nTowns test their water each month.\n\n## 二、Shared duties of the provinces\n\nEach province reports twice a year.\n',
      errors: [
        {
          line: 7,
          column: 4,
          endLine: 7,
          endColumn: 6,
          message: 'Unexpected numbering `二、` in a sequence of `1.`-style markers, expected `2.`',
          expected: '2. ',
        },
      ],
    },
    {
      name: 'a heading switches style in plain text',
      text: 'River plan\n\n1. Clean water for every town\n\nTowns test their water each month.\n\n二、Shared duties of the provinces\n\nEach province reports twice a year.\n',
      filePath: 'plan.txt',
      errors: [{line: 7, column: 1, endLine: 7, endColumn: 3, message: /`二、` in a sequence of `1\.`-style markers/, expected: '2. '}],
    },
    {
      name: '`5.` after `Fourth,`',
      text: '## First, clean the rivers\n## Second, restore the wetlands\n## Third, protect the coast\n## Fourth, watch the air\n## 5. Fund the research\n',
      errors: [
        {line: 5, column: 4, endLine: 5, endColumn: 6, message: 'Unexpected numbering `5.` in a sequence of `First,`-style markers, expected `Fifth,`'},
      ],
    },
    {
      name: '`5.` after `Fourth,` in plain text',
      text: 'Air plan\n\nFirst, clean the rivers\n\nThe rivers come first.\n\nSecond, restore the wetlands\n\nThe wetlands come next.\n\nThird, protect the coast\n\nThe coast is long.\n\nFourth, watch the air\n\nThe air is better.\n\n5. Fund the research\n\nResearch needs money.\n',
      filePath: 'air.txt',
      errors: [{line: 19, column: 1, endLine: 19, endColumn: 3, message: /`5\.` in a sequence of `First,`-style markers, expected `Fifth,`$/}],
    },
    {
      name: '`一是` then `The second is` in an English document',
      text: 'Our goals for the year\n\n一是治理河流。\n\nThe second is to restore the wetlands along the coast, with help from local farmers and schools.\n\nThe third is to publish the data every month on the city website.\n',
      filePath: 'goals.txt',
      errors: [
        {line: 3, column: 1, endLine: 3, endColumn: 3, message: 'Unexpected Chinese numbering `一是` in an English document'},
        {line: 5, column: 1, endLine: 5, endColumn: 14, message: 'Unexpected numbering `The second is` in a sequence of `一是`-style markers, expected `二是`'},
        {line: 7, column: 1, endLine: 7, endColumn: 13, message: /`The third is` in a sequence of `一是`-style markers, expected `三是`$/},
      ],
    },
    {
      name: '`一是` then `The second is` in Markdown',
      text: '一是治理河流。\n\nThe second is to restore the wetlands along the coast, with help from local farmers and schools.\n',
      language: 'en',
      errors: [
        {line: 1, column: 1, endLine: 1, endColumn: 3, message: /^Unexpected Chinese numbering/},
        {line: 3, column: 1, endLine: 3, endColumn: 14, message: /^Unexpected numbering `The second is`/},
      ],
    },
    {
      name: '`First,` then `二、` then `3.`',
      text: 'City water report\n\nFirst, the rivers are cleaner\n\nMost rivers met the standard this year.\n\n二、The lakes need more work\n\nTwo lakes failed the standard in summer.\n\n3. The sea is stable\n\nCoastal readings did not change.\n',
      filePath: 'report.txt',
      errors: [
        {line: 7, column: 1, endLine: 7, endColumn: 3, message: 'Unexpected numbering `二、` in a sequence of `First,`-style markers, expected `Second,`'},
        {line: 11, column: 1, endLine: 11, endColumn: 3, message: 'Unexpected numbering `3.` in a sequence of `First,`-style markers, expected `Third,`'},
      ],
    },
    {
      name: '`First,` then `二、` then `3.` in Markdown headings',
      text: '## First, the rivers are cleaner\n\n## 二、The lakes need more work\n\n## 3. The sea is stable\n',
      errors: [
        {line: 3, column: 4, endLine: 3, endColumn: 6},
        {line: 5, column: 4, endLine: 5, endColumn: 6},
      ],
    },
    {
      name: 'a gap, reported once',
      text: 'First, we cleaned the rivers.\n\nSecond, we planted trees along the banks.\n\nFourth, we opened the data to the public.\n\nFifth, we trained the inspectors.\n',
      errors: [{line: 5, column: 1, endLine: 5, endColumn: 8, message: 'Unexpected `Fourth,` after `Second,`, expected `Third,`', expected: 'Third,'}],
    },
    {
      name: 'a gap in plain text',
      text: 'First, we cleaned the rivers.\n\nSecond, we planted trees along the banks.\n\nFourth, we opened the data to the public.\n\nFifth, we trained the inspectors.\n',
      filePath: 'steps.txt',
      errors: [{line: 5, column: 1, endLine: 5, endColumn: 8, message: 'Unexpected `Fourth,` after `Second,`, expected `Third,`'}],
    },
    {
      name: 'a gap between sentences',
      text: 'First, we cleaned the rivers. Second, we planted trees. Fourth, we opened the data. Fifth, we trained the inspectors.\n',
      errors: [{line: 1, column: 57, endLine: 1, endColumn: 64, message: 'Unexpected `Fourth,` after `Second,`, expected `Third,`'}],
    },
    {
      name: 'a gap through Markdown emphasis',
      text: '**First**, we cleaned the rivers. **Third**, we opened the data.\n',
      errors: [{line: 1, column: 37, endLine: 1, endColumn: 45, message: 'Unexpected `Third,` after `First,`, expected `Second,`'}],
    },
    {
      name: 'a repeat in a Markdown list',
      text: '1. Mix\n2. Bake\n2. Cool\n4. Serve\n',
      errors: [{line: 3, column: 1, endLine: 3, endColumn: 3, message: 'Unexpected `2.` after `2.`, expected `3.`', expected: '3.'}],
    },
    {
      name: 'a list restarting inside one Markdown list',
      text: '1. Mix\n2. Bake\n3. Cool\n1. Serve\n',
      errors: [{line: 4, column: 1, endLine: 4, endColumn: 3, message: 'Unexpected `1.` after `3.`, expected `4.`'}],
    },
    {
      name: 'a repeat in numbered paragraphs',
      text: '1. Mix the flour and water.\n\n2. Bake for an hour.\n\n2. Let it cool.\n\n4. Serve warm.\n',
      filePath: 'recipe.txt',
      errors: [{line: 5, column: 1, endLine: 5, endColumn: 3, message: 'Unexpected `2.` after `2.`, expected `3.`', expected: '3.'}],
    },
    {
      name: 'a repeat between sentences',
      text: 'The first is to clean the rivers. The second is to plant trees. The second is to open the data.\n',
      errors: [
        {line: 1, column: 65, endLine: 1, endColumn: 78, message: 'Unexpected `The second is` after `The second is`, expected `The third is`', expected: 'The third is'},
      ],
    },
    {
      name: 'Chinese numbering in an English document, first of its sequence',
      text: '# River plan\n\n## 二、Shared duties of the provinces\n\nEach province reports twice a year to the ministry.\n',
      errors: [{line: 3, column: 4, endLine: 3, endColumn: 6, message: 'Unexpected Chinese numbering `二、` in an English document', expected: '2. '}],
    },
    {
      name: 'Chinese numbering in an English plain-text document',
      text: 'River plan\n\n（一）Shared duties of the provinces\n\nEach province reports twice a year to the ministry.\n',
      filePath: 'plan-zh.txt',
      errors: [{line: 3, column: 1, endLine: 3, endColumn: 4, message: 'Unexpected Chinese numbering `（一）` in an English document', expected: '(1) '}],
    },
    {
      name: 'sentence markers switch style',
      text: 'First, the city cleaned its rivers. The second is to plant trees on the banks. The third is to open the data. Fourth, the city trained inspectors. Fifth, it fined polluters.\n',
      errors: [
        {line: 1, column: 37, endLine: 1, endColumn: 50, message: 'Unexpected numbering `The second is` in a sequence of `First,`-style markers, expected `Second,`'},
        {line: 1, column: 80, endLine: 1, endColumn: 92, message: 'Unexpected numbering `The third is` in a sequence of `First,`-style markers, expected `Third,`'},
      ],
    },
    {
      name: 'sentence markers switch style in plain text',
      text: 'First, the city cleaned its rivers. The second is to plant trees on the banks. The third is to open the data. Fourth, the city trained inspectors. Fifth, it fined polluters.\n',
      filePath: 'city.txt',
      errors: [
        {line: 1, column: 37, endLine: 1, endColumn: 50},
        {line: 1, column: 80, endLine: 1, endColumn: 92},
      ],
    },
    {
      name: 'a leading marker that does not open its sentences stays in the paragraph sequence',
      text: 'First, tighten the rules on factories. First, we must inspect every plant. Second, we must publish the results.\n\nThird, fund the new labs.\n',
      errors: [{line: 3, column: 1, endLine: 3, endColumn: 7, message: 'Unexpected `Third,` after `First,`, expected `Second,`'}],
    },
    {
      name: 'an outline number skipped',
      text: '## 1.1 Scope\n\nText.\n\n## 1.3 Terms\n\nText.\n',
      errors: [{line: 5, column: 4, endLine: 5, endColumn: 7, message: 'Unexpected `1.3` after `1.1`, expected `1.2`', expected: '1.2'}],
    },
    {
      name: 'an outline number skipped in plain text',
      text: 'Water report\n\n1.1 Terms\n\nThe terms follow the national standard.\n\n1.3 Units\n\nAll values are in micrograms.\n',
      filePath: 'outline-gap.txt',
      errors: [{line: 7, column: 1, endLine: 7, endColumn: 4, message: 'Unexpected `1.3` after `1.1`, expected `1.2`'}],
    },
    {
      name: 'a Chinese clause skipped',
      text: '今年的工作有三项：一是治理河流；二是恢复湿地；四是公开数据。\n',
      errors: [{line: 1, column: 24, endLine: 1, endColumn: 26, message: 'Unexpected `四是` after `二是`, expected `三是`', expected: '三是'}],
    },
    {
      name: 'a Chinese list item skipped',
      text: '- 一、总则\n- 三、附则\n',
      errors: [{line: 2, column: 3, endLine: 2, endColumn: 5, message: 'Unexpected `三、` after `一、`, expected `二、`'}],
    },
    {
      name: 'the expected marker is written like the first of its sequence',
      text: 'a) Mix the flour.\n\nb) Knead the dough.\n\nb) Bake the bread.\n\nFirstly, clean. Secondly, plant. Fourthly, open.\n',
      filePath: 'variants.txt',
      errors: [
        {line: 5, column: 1, endLine: 5, endColumn: 3, message: 'Unexpected `b)` after `b)`, expected `c)`'},
        {line: 7, column: 34, endLine: 7, endColumn: 43, message: 'Unexpected `Fourthly,` after `Secondly,`, expected `Thirdly,`'},
      ],
    },
    {
      name: 'GB/T 9704 nesting with a level switched',
      text: '一、总体要求\n\n（一）适用范围\n\n本办法适用于全市河流。\n\n（二）工作原则\n\n本办法坚持统筹兼顾。\n\n3、公开透明\n\n本办法坚持公开透明。\n\n二、职责分工\n\n市生态环境局负责监督。\n',
      filePath: 'nesting-switch.txt',
      errors: [{line: 11, column: 1, endLine: 11, endColumn: 3, message: 'Unexpected numbering `3、` in a sequence of `（一）`-style markers, expected `（三）`', expected: '（三）'}],
    },
  ],
})

/** Lints a case and applies the unsafe fixes once. */
async function fixUnsafe(settings: CaseSettings): Promise<string> {
  const messages = await lintWithRule(inconsistentNumbering, settings)
  return applyEdits(settings.text, editsOf(messages, true)).text
}

describe('inconsistent-numbering unsafe fixes', () => {
  const cases: Array<CaseSettings & {fixed: string}> = [
    {text: 'River plan\n\n1. Clean water\n\nTowns test it.\n\n二、Shared duties\n\nProvinces report.\n', filePath: 'plan.txt', fixed: 'River plan\n\n1. Clean water\n\nTowns test it.\n\n2. Shared duties\n\nProvinces report.\n'},
    {text: '## 一、总则\n\n## 二、职责\n\n## 3、附则\n', language: 'zh', fixed: '## 一、总则\n\n## 二、职责\n\n## 三、附则\n'},
    {text: 'The first is to clean. The second is to plant. The second is to open.\n', fixed: 'The first is to clean. The second is to plant. The third is to open.\n'},
    {name: 'no fix for a gap', text: 'First, clean.\n\nSecond, plant.\n\nFourth, open.\n', fixed: 'First, clean.\n\nSecond, plant.\n\nFourth, open.\n'},
    {name: 'no fix into a marker that is part of the sentence', text: 'First, clean. The second is to plant.\n', fixed: 'First, clean. The second is to plant.\n'},
    {text: '（一）Clean the rivers.\n', language: 'en', fixed: '(1) Clean the rivers.\n'},
    {name: 'no fix that turns a Markdown paragraph into a list', text: '一、Clean the rivers.\n', language: 'en', fixed: '一、Clean the rivers.\n'},
  ]
  for (const {fixed, ...settings} of cases) {
    it(settings.name ?? JSON.stringify(settings.text.slice(0, 40)), async () => {
      expect(await fixUnsafe(settings)).toBe(fixed)
    })
  }
})

describe('inconsistent-numbering on the clean fixtures', () => {
  for (const name of ['clean-zh-manual.md', 'clean-en-report.md']) {
    it(`reports nothing in fixtures/${name}`, async () => {
      const text = readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')
      expect(await lintWithRule(inconsistentNumbering, {text, filePath: name})).toEqual([])
    })
  }
})

const seed = new URL('../../../shared/corpus/seed.txt', import.meta.url)

describe('inconsistent-numbering on the shared seed translation', () => {
  it.skipIf(!existsSync(seed))('reports the switched, Chinese and mixed markers of the seven articles', async () => {
    const messages = await lintWithRule(inconsistentNumbering, {text: readFileSync(seed, 'utf8'), filePath: 'seed.txt'})
    expect(messages.map((message) => `${message.line}:${message.actual}`)).toEqual([
      '7:二、',
      '9:The second is',
      '9:The third is',
      '15:The second is',
      '19:The second is',
      '19:The third is',
      '20:5.',
      '21:The second is',
      '21:The third is',
      '26:一是',
      '27:The second is',
      '28:The third is',
      '35:二、',
      '37:3.',
      '39:The second is',
      '46:The second is',
      '46:The third is',
      '47:The second is',
      '47:The third is',
      '53:The second is',
      '55:The fourth is',
    ])
    const byLine = (line: number): string[] => messages.filter((message) => message.line === line).map((message) => message.message)
    expect(byLine(7)).toEqual(['Unexpected numbering `二、` in a sequence of `1.`-style markers, expected `2.`'])
    expect(byLine(20)).toEqual(['Unexpected numbering `5.` in a sequence of `First,`-style markers, expected `Fifth,`'])
    expect(byLine(26)).toEqual(['Unexpected Chinese numbering `一是` in an English document'])
    expect(byLine(27)).toEqual(['Unexpected numbering `The second is` in a sequence of `一是`-style markers, expected `二是`'])
    expect(byLine(35)).toEqual(['Unexpected numbering `二、` in a sequence of `First,`-style markers, expected `Second,`'])
    expect(byLine(37)).toEqual(['Unexpected numbering `3.` in a sequence of `First,`-style markers, expected `Third,`'])
    expect(byLine(9)).toEqual([
      'Unexpected numbering `The second is` in a sequence of `First,`-style markers, expected `Second,`',
      'Unexpected numbering `The third is` in a sequence of `First,`-style markers, expected `Third,`',
    ])
  })
})
