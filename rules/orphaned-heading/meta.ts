/** The metadata of orphaned-heading: what the configuration, the presets and the reports need, without the rule's code. */
import {ruleUrl} from '../../src/rule-url.js'
import type {RuleMeta} from '../../src/types.js'

/** orphaned-heading's id, description, type, languages, fixability, default severity, option schema, page and presets. */
export const meta: RuleMeta = {
  id: 'orphaned-heading',
  description: 'Heading with no body before the next heading of the same or a higher level',
  type: 'suggestion',
  languages: ['en', 'zh'],
  fixable: 'never',
  defaultSeverity: 'warn',
  schema: {type: 'object', properties: {}, additionalProperties: false},
  url: ruleUrl('orphaned-heading'),
  presets: ['recommended', 'zh-typography'],
}
