import {existsSync, readFileSync} from 'node:fs'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {fixWithRule, lintWithRule, runRuleTests} from '../../tests/rule-tester.js'
import cjkLatinSpacing from './index.js'

runRuleTests(cjkLatinSpacing, {
  valid: [
    {name: 'spaced', text: '部署到 heroku 有问题，仓库里共 3 个分支。'},
    {name: 'spaced, plain text', text: '部署到 heroku 有问题，仓库里共 3 个分支。', filePath: 'deploy.txt'},
    {name: 'units attach to their number', text: '温度为 20°C，湿度为 10%，水温 5℃，增长了 15% 的用户。'},
    {name: 'no space around full-width punctuation', text: '接口（API）文档见下文：请求参数、返回值。'},
    {name: 'inline code and URLs are not read', text: '执行 `npm ci`命令，再访问 https://example.com/docs 查看说明。'},
    {name: 'e-mail addresses and file names', text: '联系support@example.com或打开config.yaml文件。'},
    {name: 'full-width letters and other scripts', text: 'ＡＢＣ公司与α粒子'},
    {name: 'kana is not Han', text: 'カタカナABC'},
    {name: 'a hard break after a full-width mark', text: '中文，  \n下一行'},
    {name: 'a code block', text: '```\n代码块里的中文English不检查。\n```\n'},
    {name: 'numbers not checked', text: '2025年3月发布了2个版本。', options: {numbers: false}},
    {name: 'a marker comment after a Chinese sentence', text: '中文。 <!-- {cjk-latin-spacing} -->'},
    {name: 'marks shared with English keep their spaces', text: '他说 …… 然后 —— 走了。'},
    {name: 'a full-width mark in an English paragraph is left to punctuation-width', text: 'The job failed ， and then it ran again.'},
    {name: 'English with a Chinese name in brackets', text: 'Poyang Lake (鄱阳湖) lies just outside the region.'},
    {name: 'spaces around emphasis', text: '本节介绍 **数据同步** Service 的用法。'},
  ],
  invalid: [
    {
      name: 'Latin letters glued to Chinese',
      text: '部署到heroku有问题',
      output: '部署到 heroku 有问题',
      errors: [
        {line: 1, column: 3, endLine: 1, endColumn: 5, expected: '到 h', message: 'Missing space between `部署到` and `heroku`'},
        {column: 9, endColumn: 11, expected: 'u 有'},
      ],
    },
    {
      name: 'Latin letters glued to Chinese, plain text',
      text: '部署到heroku有问题',
      filePath: 'deploy.txt',
      output: '部署到 heroku 有问题',
      errors: [{column: 3, endColumn: 5}, {column: 9, endColumn: 11}],
    },
    {
      name: 'digits glued to Chinese',
      text: '共3个',
      output: '共 3 个',
      errors: [{column: 1, endColumn: 3, expected: '共 3'}, {column: 2, endColumn: 4, expected: '3 个'}],
    },
    {
      name: 'a percentage glued to Chinese',
      text: '增长了10%的用户',
      output: '增长了 10% 的用户',
      errors: [{column: 3, endColumn: 5}, {column: 6, endColumn: 8, expected: '% 的'}],
    },
    {
      name: 'letters only when numbers are not checked',
      text: '共3台Linux服务器',
      options: {numbers: false},
      output: '共3台 Linux 服务器',
      errors: [{column: 3, endColumn: 5}, {column: 8, endColumn: 10}],
    },
    {
      name: 'a formula glued to Chinese',
      text: 'PM2.5浓度超过 75 μg/m³',
      output: 'PM2.5 浓度超过 75 μg/m³',
      errors: [{column: 5, endColumn: 7, expected: '5 浓'}],
    },
    {
      name: 'a Han character glued to English in an English paragraph',
      text: 'The character 霾means haze.',
      output: 'The character 霾 means haze.',
      errors: [{column: 15, endColumn: 17}],
    },
    {
      name: 'a space before a full-width comma',
      text: '中文 ，英文',
      output: '中文，英文',
      errors: [{column: 3, endColumn: 4, expected: '', message: 'Unexpected space before full-width `，`'}],
    },
    {
      name: 'a space after a full-width bracket',
      text: '（注） 见下文',
      output: '（注）见下文',
      errors: [{column: 4, endColumn: 5, message: 'Unexpected space after full-width `）`'}],
    },
    {
      name: 'a space between a full-width colon and English in a Chinese paragraph',
      text: '说明如下： API 接口',
      output: '说明如下：API 接口',
      errors: [{column: 6, endColumn: 7}],
    },
    {
      name: 'Markdown: the space goes after closing emphasis',
      text: '**粗体**English',
      output: '**粗体** English',
      errors: [{column: 7, endColumn: 8, expected: ' E'}],
    },
    {
      name: 'Markdown: the space goes before opening emphasis',
      text: 'English**粗体**',
      output: 'English **粗体**',
      errors: [{column: 7, endColumn: 8, expected: 'h '}],
    },
    {
      name: 'Markdown: emphasis around the Latin word',
      text: '中文**English**',
      output: '中文 **English**',
      errors: [{column: 2, endColumn: 3}],
    },
    {
      name: 'Markdown: emphasis inside one Han run',
      text: '- 列表**粗体**English',
      output: '- 列表**粗体** English',
      errors: [{column: 11, endColumn: 12}],
    },
    {
      name: 'Markdown: links',
      text: '详见[文档](https://example.com/a_b)English和English[文档](https://example.com)。',
      output: '详见[文档](https://example.com/a_b) English 和 English [文档](https://example.com)。',
      errors: [{column: 32, endColumn: 33}, {column: 38, endColumn: 40}, {column: 39, endColumn: 41}, {column: 46, endColumn: 47, expected: 'h '}],
    },
    {
      name: 'Markdown: strikethrough, a footnote and a block quote',
      text: '> ~~删除~~English 和中文[^1]English\n\n[^1]: 注释\n',
      output: '> ~~删除~~ English 和中文[^1] English\n\n[^1]: 注释\n',
      errors: [{column: 9, endColumn: 10}, {column: 24, endColumn: 25}],
    },
    {
      name: 'Markdown: a table cell',
      text: '| 名称 | 说明 |\n| - | - |\n| **粗体**English | 中文x |\n',
      output: '| 名称 | 说明 |\n| - | - |\n| **粗体** English | 中文 x |\n',
      errors: [{line: 3, column: 9}, {line: 3, column: 20}],
    },
    {
      name: 'Markdown: closing and opening markup back to back has no fix',
      text: '**粗体**[English](https://example.com)',
      errors: [{column: 4, endColumn: 9}],
    },
    {
      name: 'Markdown: a space inside emphasis has no fix',
      text: '中文 **，**',
      errors: [{column: 3, endColumn: 4}],
    },
    {
      name: 'an entity has no fix',
      text: '中&#x41;文',
      errors: [{column: 1, endColumn: 3}, {column: 2, endColumn: 9}],
    },
  ],
})

const seed = new URL('../../../shared/corpus/seed.txt', import.meta.url)

describe('cjk-latin-spacing on the shared seed translation', () => {
  it.skipIf(!existsSync(seed))('is silent: its Chinese lines meet English only at punctuation', async () => {
    const messages = await lintWithRule(cjkLatinSpacing, {text: readFileSync(seed, 'utf8'), filePath: 'seed.txt'})
    expect(messages.map((message) => `${message.line}: ${message.message}`)).toEqual([])
  })
})

describe('cjk-latin-spacing on the clean fixtures', () => {
  it('is silent on clean-en-report.md', async () => {
    const text = readFileSync(new URL('../../fixtures/clean-en-report.md', import.meta.url), 'utf8')
    expect(await lintWithRule(cjkLatinSpacing, {text, filePath: 'clean-en-report.md'})).toEqual([])
  })

  it('reports only `PM2.5浓度` in clean-zh-manual.md', async () => {
    const text = readFileSync(new URL('../../fixtures/clean-zh-manual.md', import.meta.url), 'utf8')
    const messages = await lintWithRule(cjkLatinSpacing, {text, filePath: 'clean-zh-manual.md'})
    expect(messages.map((message) => `${message.line}:${message.actual}`)).toEqual(['56:5浓'])
  })
})

describe('cjk-latin-spacing fixes, on random mixed text', () => {
  const pieces = ['中文', '部署', 'heroku', 'API', '3', '10', '%', '℃', ' ', '  \n', '\n', '，', '。', '（', '）', '**', '*', '~~', '[', '](u)', '`x`', '&amp;', '\\*', '> ', '- ']
  it('insert or remove spaces only, and leave nothing to fix', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...pieces), {maxLength: 24}), fc.constantFrom('a.md', 'a.txt'), async (parts, filePath) => {
        const text = parts.join('')
        const fixed = await fixWithRule(cjkLatinSpacing, {text, filePath})
        expect(fixed.replace(/\s/g, '')).toBe(text.replace(/\s/g, ''))
        const again = await lintWithRule(cjkLatinSpacing, {text: fixed, filePath})
        expect(again.filter((message) => message.fix)).toEqual([])
      }),
      {numRuns: 200},
    )
  })
})
