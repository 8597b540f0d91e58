/**
 * The metadata of the rules bilint ships, in the order they run, without
 * their code: configuration, presets and reports need only this, so a run
 * answered from the cache, `--version` or `--list-rules` loads no rule.
 */
import {meta as cjkLatinSpacing} from '../rules/cjk-latin-spacing/meta.js'
import {meta as gluedSubscript} from '../rules/glued-subscript/meta.js'
import {meta as inconsistentNumbering} from '../rules/inconsistent-numbering/meta.js'
import {meta as mixedLanguage} from '../rules/mixed-language/meta.js'
import {meta as orphanedHeading} from '../rules/orphaned-heading/meta.js'
import {meta as punctuationWidth} from '../rules/punctuation-width/meta.js'
import {meta as spelling} from '../rules/spelling/meta.js'
import type {RuleMeta} from './types.js'

/** Metadata of every rule, in the order the rules run. */
export const ruleMetas: readonly RuleMeta[] = [mixedLanguage, gluedSubscript, orphanedHeading, inconsistentNumbering, spelling, punctuationWidth, cjkLatinSpacing]
