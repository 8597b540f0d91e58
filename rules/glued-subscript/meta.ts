/** The metadata of glued-subscript: what the configuration, the presets and the reports need, without the rule's code. */
import {ruleUrl} from '../../src/rule-url.js'
import type {RuleMeta} from '../../src/types.js'

/** glued-subscript's id, description, type, languages, fixability, default severity, option schema, page and presets. */
export const meta: RuleMeta = {
  id: 'glued-subscript',
  description: 'Formula or unit glued to the next word after its subscript was lost',
  type: 'problem',
  languages: ['en', 'zh'],
  fixable: 'sometimes',
  defaultSeverity: 'error',
  schema: {
    type: 'object',
    properties: {formulas: {type: 'array', items: {type: 'string', minLength: 1}, uniqueItems: true}},
    additionalProperties: false,
  },
  url: ruleUrl('glued-subscript'),
  presets: ['recommended', 'zh-typography'],
}
