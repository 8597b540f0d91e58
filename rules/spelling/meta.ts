/** The metadata of spelling: what the configuration, the presets and the reports need, without the rule's code. */
import {ruleUrl} from '../../src/rule-url.js'
import type {RuleMeta} from '../../src/types.js'

/** spelling's id, description, type, languages, fixability, default severity, option schema, page and presets. */
export const meta: RuleMeta = {
  id: 'spelling',
  description: 'Unknown English word: a typo, or a term the dictionary lacks',
  type: 'suggestion',
  languages: ['en'],
  fixable: 'never',
  defaultSeverity: 'warn',
  schema: {
    type: 'object',
    properties: {
      maxSuggestions: {type: 'integer', minimum: 0},
      locale: {enum: ['en-US', 'en-GB']},
      ignore: {type: 'array', items: {type: 'string', minLength: 1}, uniqueItems: true},
    },
    additionalProperties: false,
  },
  url: ruleUrl('spelling'),
  presets: ['recommended', 'zh-typography'],
}
