/**
 * A fixed set of lint results that exercises every formatter: a file with
 * errors and warnings (safe fixes, a suggestion, a multi-line span, a
 * message full of characters that need escaping), a clean file, and a file
 * that could not be read.
 */

import type {FormatContext} from '../../src/formatters/index.js'
import type {LintMessage, LintResult, RuleMeta} from '../../src/types.js'

/** The working directory the fixture paths live under. */
export const fixtureCwd = '/project'

/** The text of the linted file `docs/guide.md`. */
export const guideSource = [
  '# Guide',
  '',
  'This text has 未翻译的中文 inside.',
  'Teh cat sat on the mat ,and left.',
  '中文里混用了英文标点,比如这里.',
  '',
  'A long paragraph that goes on',
  'and on across two lines.',
  '',
  'Visit the website ( example ) today.',
  '',
  'Last line with trailing spaces   ',
].join('\n')

/** A message text with XML markup characters, a CDATA end, `%`, `,`, `:`, a line break, Chinese and a control character. */
export const messageNeedingEscapes =
  'Untranslated Chinese "未翻译的中文" <&>"\' ]]> 100%, see: docs,\nthen translate\u0007 it'

/** Returns the offset of `fragment` in the guide text, failing when it is missing. */
function offsetOf(fragment: string): number {
  const offset = guideSource.indexOf(fragment)
  if (offset < 0) throw new Error(`fixture text lacks ${JSON.stringify(fragment)}`)
  return offset
}

/** Returns the documentation URL of a fixture rule. */
function ruleUrl(ruleId: string): string {
  return `https://github.com/bilint/bilint/blob/main/rules/${ruleId}/README.md`
}

/** The messages of `docs/guide.md`, in document order. */
const guideMessages: LintMessage[] = [
  {
    ruleId: 'untranslated-chinese',
    severity: 2,
    message: messageNeedingEscapes,
    line: 3,
    column: 15,
    endLine: 3,
    endColumn: 21,
    actual: '未翻译的中文',
    url: ruleUrl('untranslated-chinese'),
  },
  {
    ruleId: 'spelling',
    severity: 1,
    message: 'Unknown word “Teh”.',
    line: 4,
    column: 1,
    endLine: 4,
    endColumn: 4,
    actual: 'Teh',
    expected: ['The', 'Ten'],
    suggestions: [
      {desc: 'Replace with “The”', fix: {range: [offsetOf('Teh'), offsetOf('Teh') + 3], text: 'The'}},
      {desc: 'Replace with “Ten”', fix: {range: [offsetOf('Teh'), offsetOf('Teh') + 3], text: 'Ten'}},
    ],
  },
  {
    ruleId: 'space-before-punctuation',
    severity: 2,
    message: 'Unexpected space before “,”.',
    line: 4,
    column: 23,
    endLine: 4,
    endColumn: 25,
    fix: {range: [offsetOf(' ,and'), offsetOf(' ,and') + 2], text: ', '},
  },
  {
    ruleId: 'fullwidth-punctuation',
    severity: 1,
    message: 'Use the fullwidth comma “，” in Chinese text.',
    line: 5,
    column: 11,
    endLine: 5,
    endColumn: 12,
    fix: {range: [offsetOf(',比如'), offsetOf(',比如') + 1], text: '，'},
  },
  {
    ruleId: 'sentence-length',
    severity: 1,
    message: 'Sentence is long.',
    line: 7,
    column: 1,
    endLine: 8,
    endColumn: 25,
  },
  {
    ruleId: 'spacing-in-parentheses',
    severity: 2,
    message: 'No space inside parentheses.',
    line: 10,
    column: 19,
    endLine: 10,
    endColumn: 30,
  },
  {
    ruleId: 'trailing-spaces',
    severity: 1,
    message: 'Trailing spaces.',
    line: 12,
    column: 31,
    endLine: 12,
    endColumn: 34,
    fix: {range: [offsetOf('   '), offsetOf('   ') + 3], text: ''},
  },
]

/** The results: a file with problems, a clean file, and an unreadable file. */
export const fixtureResults: LintResult[] = [
  {
    filePath: '/project/docs/guide.md',
    messages: guideMessages,
    errorCount: 3,
    warningCount: 4,
    fatalErrorCount: 0,
    fixableErrorCount: 1,
    fixableWarningCount: 2,
    source: guideSource,
  },
  {
    filePath: '/project/README.md',
    messages: [],
    errorCount: 0,
    warningCount: 0,
    fatalErrorCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  },
  {
    filePath: '/project/notes/读我 #1.md',
    messages: [
      {
        ruleId: null,
        severity: 2,
        fatal: true,
        message: 'Could not read file: EACCES: permission denied',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
      },
    ],
    errorCount: 1,
    warningCount: 0,
    fatalErrorCount: 1,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  },
]

/** Returns the metadata of a fixture rule. */
function ruleMeta(id: string, description: string, type: RuleMeta['type'], languages: RuleMeta['languages']): RuleMeta {
  return {
    id,
    description,
    type,
    languages,
    fixable: 'sometimes',
    defaultSeverity: type === 'problem' ? 'error' : 'warn',
    schema: {},
    url: ruleUrl(id),
    presets: ['recommended'],
  }
}

/** Metadata of the fixture rules; `sentence-length` is left out on purpose, as an unknown rule. */
export const fixtureRulesMeta: Record<string, RuleMeta> = {
  'untranslated-chinese': ruleMeta('untranslated-chinese', 'Chinese text left in an English document.', 'problem', ['en']),
  spelling: ruleMeta('spelling', 'Words missing from the dictionary.', 'suggestion', ['en']),
  'space-before-punctuation': ruleMeta('space-before-punctuation', 'Spaces before punctuation.', 'problem', ['en']),
  'fullwidth-punctuation': ruleMeta('fullwidth-punctuation', 'Halfwidth punctuation in Chinese text.', 'layout', ['zh']),
  'spacing-in-parentheses': ruleMeta('spacing-in-parentheses', 'Spaces just inside parentheses.', 'layout', ['en']),
  'trailing-spaces': ruleMeta('trailing-spaces', 'Spaces at the end of lines.', 'layout', ['en', 'zh']),
}

/** Returns the fixture context, colour off, with `overrides` applied. */
export function fixtureContext(overrides: Partial<FormatContext> = {}): FormatContext {
  return {cwd: fixtureCwd, color: false, rulesMeta: fixtureRulesMeta, version: '1.2.3', ...overrides}
}
