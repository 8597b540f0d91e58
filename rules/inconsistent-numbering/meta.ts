/** The metadata of inconsistent-numbering: what the configuration, the presets and the reports need, without the rule's code. */
import {ruleUrl} from '../../src/rule-url.js'
import type {RuleMeta} from '../../src/types.js'

/** inconsistent-numbering's id, description, type, languages, fixability, default severity, option schema, page and presets. */
export const meta: RuleMeta = {
  id: 'inconsistent-numbering',
  description: 'Numbering that switches style, skips or repeats a number, or stays Chinese in an English document',
  type: 'suggestion',
  languages: ['en', 'zh'],
  fixable: 'sometimes',
  defaultSeverity: 'warn',
  schema: {
    type: 'object',
    properties: {
      checkInline: {type: 'boolean'},
      checkChineseInEnglish: {type: 'boolean'},
    },
    additionalProperties: false,
  },
  url: ruleUrl('inconsistent-numbering'),
  presets: ['recommended', 'zh-typography'],
}
