/** The metadata of punctuation-width: what the configuration, the presets and the reports need, without the rule's code. */
import {ruleUrl} from '../../src/rule-url.js'
import type {RuleMeta} from '../../src/types.js'

/** punctuation-width's id, description, type, languages, fixability, default severity, option schema, page and presets. */
export const meta: RuleMeta = {
  id: 'punctuation-width',
  description: 'Full-width punctuation in English text, or half-width punctuation in Chinese text',
  type: 'layout',
  languages: ['en', 'zh'],
  fixable: 'sometimes',
  defaultSeverity: 'error',
  schema: {
    type: 'object',
    properties: {
      allowEnglishListsInChinese: {type: 'boolean'},
      allowCurlyQuotesInEnglish: {type: 'boolean'},
    },
    additionalProperties: false,
  },
  url: ruleUrl('punctuation-width'),
  presets: ['recommended', 'zh-typography'],
}
