/**
 * A table-driven rule tester, after ESLint's RuleTester and markdownlint's
 * test runner.
 *
 * It checks that: valid cases produce no message of the rule; invalid cases
 * produce exactly the listed messages at the listed places; `output` is given
 * exactly when safe fixes change the text, and equals the fixed text; the
 * fixed text has no safe-fixable message left; every message carries
 * `ruleId`, `url` and a message text; no case is listed twice.
 */
import {describe, expect, it} from 'vitest'
import {lintDocument, formatOfPath} from '../src/engine/lint-text.js'
import type {RuleModule} from '../src/engine/rule.js'
import {applyEdits, editsOf} from '../src/fix/apply-fixes.js'
import type {LintMessage, Severity} from '../src/types.js'

/** A rule of any options type. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = RuleModule<any>

/** A valid case: a text, or a text with its settings. */
export type ValidCase = string | CaseSettings

/** Settings of one case. */
export interface CaseSettings {
  /** The text to lint. */
  text: string
  /** A name whose extension decides Markdown or plain text (default `test.md`). */
  filePath?: string
  /** Forces the document language. */
  language?: 'en' | 'zh'
  /** Rule options. */
  options?: Record<string, unknown>
  /** Why this case exists (shown in the test name). */
  name?: string
  /** Project words, as from the configuration's `words`. */
  projectWords?: string[]
}

/** An expected message; only the fields given are compared. */
export interface ExpectedMessage {
  line?: number
  column?: number
  endLine?: number
  endColumn?: number
  /** Exact text, or a pattern. */
  message?: string | RegExp
  severity?: Severity
  /** Expected replacement (`expected[0]`). */
  expected?: string
}

/** An invalid case. */
export interface InvalidCase extends CaseSettings {
  /** The messages, in document order. */
  errors: ExpectedMessage[]
  /** The text after applying the safe fixes; required exactly when they change the text. */
  output?: string
}

/**
 * Lints a text with one rule on at error severity.
 * @param rule The rule.
 * @param settings The case.
 */
export async function lintWithRule(rule: AnyRule, settings: CaseSettings): Promise<LintMessage[]> {
  const filePath = settings.filePath ?? 'test.md'
  const result = await lintDocument(
    settings.text,
    new Map([[rule.meta.id, {severity: 2 as const, options: settings.options ?? {}}]]),
    {
      filePath,
      format: formatOfPath(filePath),
      language: settings.language,
      projectWords: settings.projectWords,
      registry: new Map([[rule.meta.id, rule as RuleModule<object>]]),
    },
  )
  const crashes = result.messages.filter((message) => message.ruleId === 'internal-error')
  expect(crashes, 'the rule crashed').toEqual([])
  return result.messages
}

/**
 * Applies safe fixes until nothing changes (at most 10 passes).
 * @param rule The rule.
 * @param settings The case.
 */
export async function fixWithRule(rule: AnyRule, settings: CaseSettings): Promise<string> {
  let text = settings.text
  for (let pass = 0; pass < 10; pass++) {
    const messages = await lintWithRule(rule, {...settings, text})
    const fixed = applyEdits(text, editsOf(messages))
    if (fixed.applied === 0) break
    text = fixed.text
  }
  return text
}

function caseName(settings: CaseSettings): string {
  const text = settings.text.length > 60 ? `${settings.text.slice(0, 57)}...` : settings.text
  return `${settings.name ? `${settings.name}: ` : ''}${JSON.stringify(text)}${settings.filePath ? ` (${settings.filePath})` : ''}`
}

/**
 * Runs a rule's table of cases as vitest tests.
 * @param rule The rule.
 * @param cases Valid and invalid cases.
 */
export function runRuleTests(rule: AnyRule, cases: {valid: ValidCase[]; invalid: InvalidCase[]}): void {
  const valid = cases.valid.map((entry) => (typeof entry === 'string' ? {text: entry} : entry))
  describe(rule.meta.id, () => {
    it('lists no case twice', () => {
      const keys = [...valid, ...cases.invalid].map((entry) => JSON.stringify([entry.text, entry.filePath, entry.language, entry.options]))
      expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([])
    })

    describe('valid', () => {
      for (const settings of valid) {
        it(caseName(settings), async () => {
          const messages = await lintWithRule(rule, settings)
          expect(messages.filter((message) => message.ruleId === rule.meta.id)).toEqual([])
        })
      }
    })

    describe('invalid', () => {
      for (const settings of cases.invalid) {
        it(caseName(settings), async () => {
          const messages = (await lintWithRule(rule, settings)).filter((message) => message.ruleId === rule.meta.id)
          expect(messages.length, JSON.stringify(messages.map((message) => message.message))).toBe(settings.errors.length)
          settings.errors.forEach((expected, index) => {
            const actual = messages[index]!
            expect(actual.ruleId).toBe(rule.meta.id)
            expect(actual.url).toBeTruthy()
            expect(actual.message.length).toBeGreaterThan(0)
            for (const key of ['line', 'column', 'endLine', 'endColumn', 'severity'] as const) {
              if (expected[key] !== undefined) expect(actual[key], `${key} of message ${index}`).toBe(expected[key])
            }
            if (typeof expected.message === 'string') expect(actual.message).toBe(expected.message)
            else if (expected.message) expect(actual.message).toMatch(expected.message)
            if (expected.expected !== undefined) expect(actual.expected?.[0]).toBe(expected.expected)
          })
          const fixed = await fixWithRule(rule, settings)
          if (settings.output === undefined) {
            expect(fixed, 'the rule fixed the text: give `output`').toBe(settings.text)
          } else {
            expect(settings.output, '`output` given but nothing was fixed').not.toBe(settings.text)
            expect(fixed).toBe(settings.output)
            const again = await lintWithRule(rule, {...settings, text: fixed})
            expect(again.filter((message) => message.ruleId === rule.meta.id && message.fix)).toEqual([])
          }
        })
      }
    })
  })
}
