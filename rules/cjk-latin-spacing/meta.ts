/** The metadata of cjk-latin-spacing: what the configuration, the presets and the reports need, without the rule's code. */
import {ruleUrl} from '../../src/rule-url.js'
import type {RuleMeta} from '../../src/types.js'

/** cjk-latin-spacing's id, description, type, languages, fixability, default severity, option schema, page and presets. */
export const meta: RuleMeta = {
  id: 'cjk-latin-spacing',
  description: 'Missing space between Chinese and Latin letters or digits, or a space beside full-width punctuation',
  type: 'layout',
  languages: ['zh'],
  fixable: 'always',
  defaultSeverity: 'warn',
  schema: {
    type: 'object',
    properties: {numbers: {type: 'boolean'}},
    additionalProperties: false,
  },
  url: ruleUrl('cjk-latin-spacing'),
  presets: ['zh-typography'],
}
