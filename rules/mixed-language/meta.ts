/** The metadata of mixed-language: what the configuration, the presets and the reports need, without the rule's code. */
import {ruleUrl} from '../../src/rule-url.js'
import type {RuleMeta} from '../../src/types.js'

/** mixed-language's id, description, type, languages, fixability, default severity, option schema, page and presets. */
export const meta: RuleMeta = {
  id: 'mixed-language',
  description: 'Chinese left untranslated in English text, or English in Chinese text',
  type: 'problem',
  languages: ['en', 'zh'],
  fixable: 'never',
  defaultSeverity: 'error',
  schema: {
    type: 'object',
    properties: {
      allowedTerms: {type: 'array', items: {type: 'string', minLength: 1}, uniqueItems: true},
      minRunLength: {type: 'integer', minimum: 1},
      minEnglishWords: {type: 'integer', minimum: 1},
    },
    additionalProperties: false,
  },
  url: ruleUrl('mixed-language'),
  presets: ['recommended', 'zh-typography'],
}
