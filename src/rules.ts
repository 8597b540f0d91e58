/**
 * The rules bilint ships, in the order they run.
 */
import gluedSubscript from '../rules/glued-subscript/index.js'
import inconsistentNumbering from '../rules/inconsistent-numbering/index.js'
import mixedLanguage from '../rules/mixed-language/index.js'
import orphanedHeading from '../rules/orphaned-heading/index.js'
import spelling from '../rules/spelling/index.js'
import punctuationWidth from '../rules/punctuation-width/index.js'
import cjkLatinSpacing from '../rules/cjk-latin-spacing/index.js'
import type {RuleModule} from './engine/rule.js'

/** Every rule, by id. */
export const ruleModules: ReadonlyMap<string, RuleModule<object>> = new Map(
  ([mixedLanguage, gluedSubscript, orphanedHeading, inconsistentNumbering, spelling, punctuationWidth, cjkLatinSpacing] as Array<RuleModule<object>>).map((rule) => [rule.meta.id, rule]),
)
