import {existsSync, readFileSync} from 'node:fs'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {fixWithRule, lintWithRule, runRuleTests} from '../../tests/rule-tester.js'
import punctuationWidth from './index.js'

runRuleTests(punctuationWidth, {
  valid: [
    {name: 'a full-width mark at a seam between Chinese and English', text: '全局变量 Vue 上。For example, this works.'},
    {name: 'a seam, in plain text', text: '全局变量 Vue 上。For example, this works.', filePath: 'seam.txt'},
    {name: 'an English list in a Chinese sentence, English commas', text: '支持 JPG, PNG, GIF 格式。'},
    {name: 'an English list in a Chinese sentence, Chinese commas', text: '支持 JPG，PNG，GIF 格式。'},
    {name: 'an English run that opens a Chinese sentence', text: 'React，Vue 和 Angular 都是前端框架。'},
    {name: 'numbers in Chinese', text: '价格为 3,000 元，增长 1.5 倍，时间 10:30。'},
    {name: 'numbers in English', text: 'Prices rose 3,000 yuan, or 1.5 times, at 10:30 sharp.'},
    {name: 'a full-width comma between digits', text: '总计 1，000 元。'},
    {name: 'emoticons in English', text: 'Nice work :) and ^_^ and ;-) and :D too.'},
    {name: 'emoticons in Chinese', text: '太好了:)明天见^_^'},
    {name: 'numbering in brackets', text: '完成步骤(1)后再继续。'},
    {name: 'an emoticon in brackets', text: '今天很开心(^_^)。'},
    {name: 'the Chinese ellipsis', text: '真的……我不知道。'},
    {name: 'the English ellipsis', text: 'Well... I do not know… yet.'},
    {name: 'Chinese quotes around Chinese', text: '他说“国之大者”是关键。'},
    {name: 'Chinese quotes around English in Chinese', text: '点击“Save”按钮保存。'},
    {name: 'curly quotes around Chinese in English', text: 'The plan is known as “蓝天保卫战” in Chinese.'},
    {name: 'an English sentence quoted in Chinese', text: '乔布斯说：“Stay hungry, stay foolish.”'},
    {name: 'half-width parentheses around Chinese in English', text: 'Poyang Lake (鄱阳湖) lies just outside the region.'},
    {name: 'full-width marks around English in Chinese', text: '数据同步服务（Data Sync Service，简称 DSS）。'},
    {name: 'English at the end of a Chinese paragraph', text: '我们使用的框架是 React。'},
    {name: 'a half-width comma at a seam, spaced the English way', text: 'The character 霾, meaning haze, is common in winter.'},
    {name: 'inline code', text: '运行 `npm ci,npm test` 命令。'},
    {name: 'a code block', text: '```\n代码块里的标点,不检查。\n```\n'},
    {name: 'URLs', text: '详见 https://example.com/a,b?x=1 上的说明。'},
    {name: 'e-mail addresses and file names', text: '联系 a.b@example.com，或打开 data_v1.2.csv。'},
    {name: 'numbering after a Chinese numeral', text: '一.概述', filePath: 'heading.txt'},
    {name: 'a marker comment after a Chinese sentence', text: '中文，标点。 <!-- {punctuation-width} -->'},
    {name: 'a Chinese heading with numbering', text: '## （一）适用范围'},
    {name: 'curly quotes allowed', text: 'We said “hello” to the new team.', options: {allowCurlyQuotesInEnglish: true}},
    {name: 'front matter', text: '---\ntitle: 标题,副标题\n---\n\n正文。\n'},
  ],
  invalid: [
    {
      name: 'a full stop at the end of an English paragraph',
      text: 'Thanks to all visitors。',
      output: 'Thanks to all visitors.',
      errors: [{line: 1, column: 23, endLine: 1, endColumn: 24, expected: '.', message: 'Unexpected full-width `。` in English text, expected `.`'}],
    },
    {
      name: 'a full stop at the end of an English paragraph, plain text',
      text: 'Thanks to all visitors。',
      filePath: 'thanks.txt',
      output: 'Thanks to all visitors.',
      errors: [{column: 23, endColumn: 24}],
    },
    {
      name: 'comma, exclamation and question marks in English get their spaces',
      text: 'Hello，world！ How are you？',
      output: 'Hello, world! How are you?',
      errors: [
        {column: 6, endColumn: 7, expected: ', '},
        {column: 12, endColumn: 13, expected: '!'},
        {column: 25, endColumn: 26, expected: '?'},
      ],
    },
    {
      name: 'colon and semicolon in English',
      text: 'Note：restart the server；then check the logs.',
      output: 'Note: restart the server; then check the logs.',
      errors: [{column: 5, endColumn: 6, expected: ': '}, {column: 24, endColumn: 25, expected: '; '}],
    },
    {
      name: 'full-width parentheses in English',
      text: 'Use the API （see below） to upload files.',
      output: 'Use the API (see below) to upload files.',
      errors: [{column: 13, endColumn: 14, expected: '('}, {column: 23, endColumn: 24, expected: ')'}],
    },
    {
      name: 'full-width parentheses glued to English words',
      text: 'We said（hello）to them.',
      output: 'We said (hello) to them.',
      errors: [{column: 8, endColumn: 9, expected: ' ('}, {column: 14, endColumn: 15, expected: ') '}],
    },
    {
      name: 'full-width parentheses are reported with curly quotes allowed',
      text: 'We said（hello）to them.',
      options: {allowCurlyQuotesInEnglish: true},
      output: 'We said (hello) to them.',
      errors: [{column: 8}, {column: 14}],
    },
    {
      name: 'full-width parentheses around Chinese in an English sentence',
      text: 'Poyang Lake （鄱阳湖） lies outside the region.',
      output: 'Poyang Lake (鄱阳湖) lies outside the region.',
      errors: [{column: 13, endColumn: 14}, {column: 17, endColumn: 18}],
    },
    {
      name: 'curly quotes around English words in English',
      text: 'We said “hello” to the new team.',
      output: 'We said "hello" to the new team.',
      errors: [{column: 9, endColumn: 10, expected: '"'}, {column: 15, endColumn: 16, expected: '"'}],
    },
    {
      name: 'curly quotes glued to English words',
      text: 'It was the“four changes”of the plan.',
      output: 'It was the "four changes" of the plan.',
      errors: [{column: 11, endColumn: 12, expected: ' "'}, {column: 24, endColumn: 25, expected: '" '}],
    },
    {
      name: 'a comma after a bracketed Chinese name in English',
      text: 'Officials such as Xi Jinping (习近平)，Huang Runqiu (黄润秋) and others spoke.',
      output: 'Officials such as Xi Jinping (习近平), Huang Runqiu (黄润秋) and others spoke.',
      errors: [{column: 35, endColumn: 36, expected: ', '}],
    },
    {
      name: 'the Chinese ellipsis and enumeration comma in English',
      text: 'Wait……files、folders and links are gone.',
      output: 'Wait... files, folders and links are gone.',
      errors: [{column: 5, endColumn: 7, expected: '... '}, {column: 12, endColumn: 13, expected: ', '}],
    },
    {
      name: 'a space before a full-width mark in English is taken in',
      text: 'The job failed ， again.',
      output: 'The job failed, again.',
      errors: [{column: 15, endColumn: 17, expected: ','}],
    },
    {
      name: 'an English sentence in a Chinese paragraph: unsafe',
      text: '前面是一段比较长的中文说明文字，用来让整段的语言判定为中文。Hello，world.',
      errors: [{column: 36, endColumn: 37, expected: ', '}],
    },
    {
      name: 'half-width comma between Chinese characters',
      text: '本协议内容必须完整,不得删改。',
      output: '本协议内容必须完整，不得删改。',
      errors: [{line: 1, column: 10, endLine: 1, endColumn: 11, expected: '，', message: 'Unexpected half-width `,` in Chinese text, expected `，`'}],
    },
    {
      name: 'half-width comma between Chinese characters, plain text',
      text: '对出现偏差的,省级部门应当复核。',
      filePath: 'review.txt',
      output: '对出现偏差的，省级部门应当复核。',
      errors: [{column: 7, endColumn: 8}],
    },
    {
      name: 'half-width parentheses between Chinese characters',
      text: '若有问题(见附件)请及时处理。',
      output: '若有问题（见附件）请及时处理。',
      errors: [{column: 5, endColumn: 6, expected: '（'}, {column: 9, endColumn: 10, expected: '）'}],
    },
    {
      name: 'half-width parentheses around English in Chinese, with their spaces',
      text: '中文 (English) 中文',
      output: '中文（English）中文',
      errors: [{column: 3, endColumn: 5, expected: '（'}, {column: 12, endColumn: 14, expected: '）'}],
    },
    {
      name: 'only the half-width one of a mixed pair',
      text: '若有问题(见附件）请处理。',
      output: '若有问题（见附件）请处理。',
      errors: [{column: 5, endColumn: 6}],
    },
    {
      name: 'colon, semicolon and exclamation mark in Chinese take in their spaces',
      text: '注意: 请先备份数据; 然后重启服务!',
      output: '注意：请先备份数据；然后重启服务！',
      errors: [
        {column: 3, endColumn: 5, expected: '：'},
        {column: 11, endColumn: 13, expected: '；'},
        {column: 19, endColumn: 20, expected: '！'},
      ],
    },
    {
      name: 'a question mark at the end of a Chinese paragraph',
      text: '你确定要删除吗?',
      output: '你确定要删除吗？',
      errors: [{column: 8, endColumn: 9, expected: '？'}],
    },
    {
      name: 'straight quotes in Chinese',
      text: '他说"明天见"然后离开了。',
      output: '他说“明天见”然后离开了。',
      errors: [{column: 3, endColumn: 4, expected: '“'}, {column: 7, endColumn: 8, expected: '”'}],
    },
    {
      name: 'the English ellipsis and full stops in Chinese',
      text: '还有很多问题...以后再说.这是第二句.',
      output: '还有很多问题……以后再说。这是第二句。',
      errors: [{column: 7, endColumn: 10, expected: '……'}, {column: 14, endColumn: 15, expected: '。'}, {column: 20, endColumn: 21}],
    },
    {
      name: 'spaces around a half-width comma in Chinese are taken in',
      text: '内容完整 , 不得删改。',
      output: '内容完整，不得删改。',
      errors: [{column: 5, endColumn: 8, expected: '，'}],
    },
    {
      name: 'a comma after a number and after a quotation in Chinese',
      text: '共有 3,然后他说“你好”,再见。',
      output: '共有 3，然后他说“你好”，再见。',
      errors: [{column: 5, endColumn: 6}, {column: 14, endColumn: 15}],
    },
    {
      name: 'Markdown: a colon after emphasis',
      text: '**注意**: 请先备份。',
      output: '**注意**：请先备份。',
      errors: [{column: 7, endColumn: 9}],
    },
    {
      name: 'Markdown: a comma after inline code and a URL',
      text: '运行 `npm ci`,然后打开 https://example.com/a,再重启。',
      output: '运行 `npm ci`，然后打开 https://example.com/a，再重启。',
      errors: [{column: 12, endColumn: 13}, {column: 39, endColumn: 40}],
    },
    {
      name: 'Markdown: a list item and a block quote',
      text: '- 第一项,说明\n\n> 引用的内容(附注)结束\n',
      output: '- 第一项，说明\n\n> 引用的内容（附注）结束\n',
      errors: [{line: 1, column: 6}, {line: 3, column: 8}, {line: 3, column: 11}],
    },
    {
      name: 'a half-width comma glued between Chinese and English: unsafe',
      text: '一是认真学习会议精神,Resolutely carry out the plan。',
      errors: [{column: 11, endColumn: 12, expected: '，', message: /glued between Chinese and English/}],
    },
    {
      name: 'a half-width comma glued between English and Chinese: unsafe',
      text: '他只回了一句 Hello,你好。',
      errors: [{column: 13, endColumn: 14, expected: ', '}],
    },
    {
      name: 'half-width comma between Chinese words in an English paragraph: unsafe',
      text: 'The cities 北京,上海 and 广州 are large cities in the north and south of the country.',
      errors: [{column: 14, endColumn: 15, expected: '，'}],
    },
    {
      name: 'English lists in Chinese, when not allowed: unsafe',
      text: '支持 JPG, PNG, GIF 格式。',
      options: {allowEnglishListsInChinese: false},
      errors: [{column: 7, endColumn: 9, expected: '，'}, {column: 12, endColumn: 14, expected: '，'}],
    },
    {
      name: 'a comma written as an entity: no fix',
      text: '内容完整&#44;不得删改。',
      errors: [{column: 5, endColumn: 6, expected: '，'}],
    },
  ],
})

describe('punctuation-width unsafe fixes', () => {
  const cases = [
    {text: '一是认真学习会议精神,Resolutely carry out the plan。', replacement: '，', fixed: '一是认真学习会议精神，Resolutely carry out the plan。'},
    {text: '他只回了一句 Hello,你好。', replacement: ', ', fixed: '他只回了一句 Hello, 你好。'},
    {
      text: '前面是一段比较长的中文说明文字，用来让整段的语言判定为中文。Hello，world.',
      replacement: ', ',
      fixed: '前面是一段比较长的中文说明文字，用来让整段的语言判定为中文。Hello, world.',
    },
  ]
  for (const {text, replacement, fixed} of cases) {
    it(`are offered as suggestions only: ${JSON.stringify(text.slice(0, 30))}`, async () => {
      const [message, ...rest] = await lintWithRule(punctuationWidth, {text})
      expect(rest).toEqual([])
      expect(message?.fix).toBeUndefined()
      const edit = message?.suggestions?.[0]?.fix
      expect(edit?.text).toBe(replacement)
      expect(text.slice(0, edit!.range[0]) + edit!.text + text.slice(edit!.range[1])).toBe(fixed)
    })
  }
})

const seed = new URL('../../../shared/corpus/seed.txt', import.meta.url)

describe('punctuation-width on the shared seed translation', () => {
  it.skipIf(!existsSync(seed))('reports the half-width marks of the Chinese lines 26 and 35', async () => {
    const messages = await lintWithRule(punctuationWidth, {text: readFileSync(seed, 'utf8'), filePath: 'seed.txt'})
    const found = messages.map((message) => `${message.line}:${message.actual}:${message.fix ? 'safe' : 'unsafe'}`)
    expect(found).toEqual([
      // `精神,Resolutely`: glued between Chinese and English.
      '26:,:unsafe',
      ...Array<string>(11).fill('26:,:safe'),
      // `标志性战役;同时`
      '26:;:safe',
      ...Array<string>(9).fill('26:,:safe'),
      // `全面领导,Resolutely`
      '35:,:unsafe',
    ])
    // Line 26 ends its English clause with `China。生态…`: a seam, left alone.
    expect(messages.some((message) => message.actual === '。')).toBe(false)
  })
})

describe('punctuation-width on the clean fixtures', () => {
  for (const name of ['clean-zh-manual.md', 'clean-en-report.md']) {
    it(`is silent on ${name}`, async () => {
      const text = readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')
      const messages = await lintWithRule(punctuationWidth, {text, filePath: name})
      expect(messages.map((message) => `${message.line}: ${message.message}`)).toEqual([])
    })
  }
})

/** Characters the fixes may change, mapped to one form, and white space dropped. */
function withoutWidthAndSpaces(text: string): string {
  const halfWidth: Record<string, string> = {'，': ',', '。': '.', '；': ';', '：': ':', '！': '!', '？': '?', '（': '(', '）': ')', '“': '"', '”': '"', '、': ',', '…': '.'}
  return text
    .replace(/\s/g, '')
    .replace(/[，。；：！？（）“”、…]/g, (mark) => halfWidth[mark]!)
    .replace(/\.+/g, '.')
}

describe('punctuation-width fixes, on random mixed text', () => {
  const pieces = ['中文', '完整', 'Hello', 'world', 'JPG', '3', '1.5', ' ', '\n', ',', '，', '。', '.', '...', '……', '(', ')', '（', '）', '"', '“', '”', ':', '：', '!', '？', '、', '**', '`x`', ':)', '&amp;', '<!-- c -->']
  it('change only the width of marks and the spaces beside them, and leave nothing to fix', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...pieces), {maxLength: 24}), fc.constantFrom('a.md', 'a.txt'), async (parts, filePath) => {
        const text = parts.join('')
        const fixed = await fixWithRule(punctuationWidth, {text, filePath})
        expect(withoutWidthAndSpaces(fixed)).toBe(withoutWidthAndSpaces(text))
        const again = await lintWithRule(punctuationWidth, {text: fixed, filePath})
        expect(again.filter((message) => message.fix)).toEqual([])
      }),
      {numRuns: 200},
    )
  })
})
