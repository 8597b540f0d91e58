import {existsSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {lintWithRule, runRuleTests} from '../../tests/rule-tester.js'
import mixedLanguage from './index.js'

/** A French paragraph long enough for franc to call the document French. */
const frenchParagraph =
  'La campagne pour le ciel bleu, appelée 蓝天保卫战 dans les documents officiels, a réduit la pollution de l’air dans toutes les grandes villes du pays. Les stations de mesure publient leurs données chaque heure et les autorités locales doivent rendre des comptes deux fois par an.'

runRuleTests(mixedLanguage, {
  valid: [
    // Glosses: the original beside its translation or romanization.
    {name: 'gloss in parentheses', text: 'Poyang Lake (鄱阳湖) is the largest freshwater lake in the country.\n'},
    {name: 'romanized name', text: 'Officials such as Wang Lei（王磊）spoke at the opening of the meeting.\n', filePath: 'names.txt'},
    {name: 'original first, gloss after', text: '鄱阳湖 (Poyang Lake) lies in the north of the province, close to the river.\n'},
    {name: 'full-width gloss after', text: 'Flood season on 洞庭湖（Dongting Lake）starts in early summer every year.\n', filePath: 'lakes.txt'},
    {name: 'gloss after a quoted name', text: 'The plan, known as the "Blue Sky Defence Battle" (蓝天保卫战), set targets.\n'},
    // Chinese as the subject of the text.
    {name: 'cited after character', text: 'The character 霾 means haze, and it is common in weather reports.\n'},
    {name: 'cited after written', text: 'The country name is written 中国 and pronounced Zhōngguó in Mandarin.\n', filePath: 'written.txt'},
    {name: 'cited after known as', text: 'The lake region is known as 鱼米之乡 because of its fish and rice.\n'},
    {name: 'curly quotes', text: 'Villagers painted “绿水青山就是金山银山” on the wall of the old school.\n'},
    {name: 'straight quotes', text: 'The banner said "保护环境" in red letters above the gate.\n', filePath: 'banner.txt'},
    {name: 'corner brackets', text: 'Shop signs show 「营业中」 in the morning and 「休息」 at night.\n'},
    {name: 'book-title marks', text: 'The novel 《红楼梦》 has been translated into English many times.\n'},
    {name: 'Japanese, not Chinese', text: 'The poster at the station reads 東京へようこそ in large letters.\n'},
    // Code, options, tables and other languages.
    {name: 'inline code', text: 'Run `echo 你好` in the terminal to check that the font works.\n'},
    {name: 'code block', text: 'Print a greeting:\n\n```text\n你好，世界\n```\n\nThe output should match the text above.\n'},
    {name: 'link text', text: 'The [生态环境部](https://www.mee.gov.cn) publishes the data every month.\n'},
    {name: 'glossary table row', text: '| Chinese | English |\n| --- | --- |\n| 蓝天保卫战 | Blue Sky Defence Battle |\n| 碧水保卫战 | Clear Water Defence Battle |\n'},
    {name: 'allowed term', text: 'Every branch sells 小米 phones next to the laptops.\n', options: {allowedTerms: ['小米']}},
    {name: 'run shorter than minRunLength', text: 'Item 二 is missing from the list of results.\n', options: {minRunLength: 2}},
    {name: 'reference entry', text: 'The figures come from the official bulletin of the ministry, published every spring.\n\n[3] 生态环境部. 2023年中国生态环境状况公报. Beijing, 2024.\n'},
    {name: 'French document', text: `${frenchParagraph}\n`},
    // Short English terms, names and products in Chinese text.
    '本手册中的 API 接口和 Web 页面都基于 React 组件开发。\n',
    {text: '备用发电机的 CO2 排放量按 0.8 kg/kWh 估算，PM2.5 超标时关闭新风。\n', filePath: 'units.txt'},
    {text: '请使用 Visual Studio Code 打开项目，并安装 Node.js 20 和 PostgreSQL 15。\n', filePath: 'tools.txt'},
    {name: 'institution name', text: '该报告由 Ministry of Ecology and Environment 发布，每年更新一次。\n'},
    {name: 'English in book-title marks', text: '他写了一篇文章《why you should not use a global store in the app》，影响很大。\n', language: 'zh'},
    {name: 'English in Chinese quotes', text: '报错信息为“cannot read the value of an undefined property”，请检查配置。\n', filePath: 'error.txt', language: 'zh'},
    {name: 'English gloss after Chinese', text: '绿水青山就是金山银山（lucid waters and lush mountains are invaluable assets），这是我们的理念。\n'},
    {name: 'Chinese gloss after English', text: '系统的设计目标是 the single source of truth for all of the data（唯一可信数据源）。\n', language: 'zh'},
    {name: 'English in inline code', text: '运行 `git commit -m "fix the bug in the parser for all of us"` 提交修改。\n'},
    {name: 'English link text', text: '详见 [how to use the API in your own project](https://example.com/guide)，其中有完整示例。\n', language: 'zh'},
    {name: 'short phrase under minEnglishWords', text: '然后 save it to the disk 即可，无需重启服务。\n'},
    {name: 'allowed English phrase', text: '页脚写着 Made with love for the open web，不必翻译。\n', options: {allowedTerms: ['Made with love for the open web']}, language: 'zh'},
    {name: 'English reference entry', text: '[1] Smith J. Deep learning for the analysis of air quality data in the delta. Nature, 2020.\n', filePath: 'refs.txt', language: 'zh'},
    {name: 'short English heading', text: '# 部署手册\n\n## Quick start\n\n先安装依赖，再启动服务，最后检查日志。\n'},
    {name: 'English title in a Chinese document', text: '# 数据同步服务\n\nData Sync Service for the Enterprise Edition\n\n本文介绍企业版的安装方法和常见问题。\n', filePath: 'title.txt'},
  ],
  invalid: [
    {
      name: 'Chinese run mid-sentence',
      text: 'The new plan will 加强监测 of rivers and lakes in the region.\n',
      filePath: 'plan.txt',
      errors: [{line: 1, column: 19, endLine: 1, endColumn: 23, severity: 2, message: 'Unexpected untranslated Chinese `加强监测` in English text'}],
    },
    {
      name: 'Chinese heading in an English document',
      text: '# Annual report\n\n## 二、加强领导\n\nThe plan sets targets for every city in the region and reports on them twice a year.\n',
      errors: [{line: 3, column: 4, endLine: 3, endColumn: 10, severity: 2, message: 'Unexpected untranslated Chinese heading `二、加强领导` in English text'}],
    },
    {
      name: 'mostly Chinese paragraph: one message',
      text: 'The report has three parts, each with its own targets.\n\n一是加强监测，扩大覆盖范围，and improve the data.\n\nThe second part covers funding for the stations.\n',
      errors: [{line: 3, column: 1, endLine: 3, endColumn: 36, message: 'Unexpected untranslated Chinese paragraph `一是加强监测，扩大覆盖范…` in English text'}],
    },
    {
      name: 'numbering marker glued to English',
      text: '二、Resolutely protect the rivers and lakes of the whole region\n',
      filePath: 'marker.txt',
      errors: [{line: 1, column: 1, endLine: 1, endColumn: 3, message: 'Unexpected untranslated Chinese `二、` in English text'}],
    },
    {
      name: 'full-width parenthesised marker',
      text: '（一）Scope of application of the new air quality standards\n',
      errors: [{line: 1, column: 1, endLine: 1, endColumn: 4, message: 'Unexpected untranslated Chinese `（一）` in English text'}],
    },
    {
      name: 'Chinese run with a glued comma before English',
      text: 'Part 二、加强党的领导,Resolutely uphold the leadership over the work\n',
      filePath: 'comma.txt',
      errors: [{line: 1, column: 6, endLine: 1, endColumn: 15, message: 'Unexpected untranslated Chinese `二、加强党的领导,` in English text'}],
    },
    {
      name: 'two runs in one list item',
      text: '- Check the 水质 every day and send the 报告 to the office.\n',
      errors: [
        {line: 1, column: 13, endColumn: 15},
        {line: 1, column: 39, endColumn: 41},
      ],
    },
    {
      name: 'English sentence in a Chinese paragraph is a warning',
      text: '安装插件后，它会把方法挂载到全局变量上。For example, to also use the store API, you can do:\n',
      language: 'zh',
      errors: [
        {
          line: 1,
          column: 21,
          endLine: 1,
          endColumn: 72,
          severity: 1,
          message: 'Unexpected untranslated English `For example, to also use the…` in Chinese text',
        },
      ],
    },
    {
      name: 'English sentence with inline code stays one run',
      text: '配置完成后，请重新启动服务。Then run `npm start` to open the page in the browser. 如果失败，请查看日志。\n',
      language: 'zh',
      errors: [{line: 1, column: 15, endColumn: 68, severity: 1}],
    },
    {
      name: 'whole English paragraph in a Chinese document',
      text: '# 安装指南\n\n首先下载安装包，然后解压到指定目录，并按照说明修改配置文件。\n\nThis step copies the configuration files to the data folder and restarts the service.\n\n最后检查服务状态，确认所有进程都已启动。\n',
      errors: [
        {
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 86,
          severity: 1,
          message: 'Unexpected untranslated English paragraph `This step copies the…` in Chinese text',
        },
      ],
    },
    {
      name: 'minRunLength keeps longer runs',
      text: 'The plan will 加强 the monitoring of 水 quality in every city.\n',
      options: {minRunLength: 2},
      errors: [{line: 1, column: 15, endColumn: 17}],
    },
    {
      name: 'allowedTerms leaves the other runs',
      text: 'Every 小米 store and every 华为 store opened on the same day.\n',
      options: {allowedTerms: ['小米']},
      errors: [{line: 1, column: 26, endColumn: 28}],
    },
    {
      name: 'minEnglishWords lowered',
      text: '然后 save it to the disk 即可，无需重启服务。\n',
      options: {minEnglishWords: 4},
      errors: [{line: 1, column: 4, endColumn: 23, severity: 1}],
    },
    {
      name: 'forced English document',
      text: '今天的会议讨论了三个问题。\n',
      filePath: 'forced.txt',
      language: 'en',
      errors: [{line: 1, column: 1, endColumn: 14, message: 'Unexpected untranslated Chinese paragraph `今天的会议讨论了三个问题…` in English text'}],
    },
  ],
})

describe('mixed-language on clean documents', () => {
  for (const name of ['clean-zh-manual.md', 'clean-en-report.md']) {
    it(`reports nothing in fixtures/${name}`, async () => {
      const text = readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')
      const messages = await lintWithRule(mixedLanguage, {text, filePath: name})
      expect(messages.filter((message) => message.ruleId === 'mixed-language')).toEqual([])
    })
  }
})

const seed = new URL('../../../shared/corpus/seed.txt', import.meta.url)

describe('mixed-language on the shared seed translation', () => {
  it.skipIf(!existsSync(seed))('reports the untranslated marker, run and paragraph on lines 7, 35 and 26', async () => {
    const text = readFileSync(seed, 'utf8')
    const messages = (await lintWithRule(mixedLanguage, {text, filePath: 'seed.txt'})).filter(
      (message) => message.ruleId === 'mixed-language',
    )
    expect(messages.map((message) => message.line)).toEqual([7, 26, 35])
    const paragraph = messages[1]!
    const paragraphLength = text.split('\n')[25]!.length
    expect([paragraph.column, paragraph.endLine, paragraph.endColumn]).toEqual([1, 26, paragraphLength + 1])
    expect(messages.every((message) => message.severity === 2)).toBe(true)
  })
})
