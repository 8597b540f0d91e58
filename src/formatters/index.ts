/**
 * The output formats of bilint: their names, the context they receive, and a
 * loader that imports only the formatter a run needs.
 */

import type {LintResult, RuleMeta} from '../types.js'

/** The name of an output format, as given to `--format`. */
export type FormatName = 'stylish' | 'json' | 'sarif' | 'github' | 'unix' | 'checkstyle' | 'junit' | 'html'

/** Every output format name, the default (`stylish`) first. */
export const formatNames: readonly FormatName[] = Object.freeze([
  'stylish',
  'json',
  'sarif',
  'github',
  'unix',
  'checkstyle',
  'junit',
  'html',
])

/** What a formatter knows about the run besides the results. */
export interface FormatContext {
  /** Directory that printed paths are relative to. */
  cwd: string
  /** Whether ANSI colours may be used (only the `stylish` format uses them). */
  color: boolean
  /** Metadata of the known rules, by rule id. */
  rulesMeta: Record<string, RuleMeta>
  /** The bilint version, reported by formats that name the tool. */
  version: string
}

/**
 * Turns lint results into the complete text of a report. The text is either
 * empty or ends with a newline, so the caller writes it out unchanged.
 */
export type Formatter = (results: LintResult[], context: FormatContext) => string

/** A module that default-exports a formatter. */
interface FormatterModule {
  default: Formatter
  /** The same report in pieces that, joined, equal the formatter's string: for reports too large to hold whole. */
  pieces?: (results: LintResult[], context: FormatContext) => Iterable<string>
}

/** One import per format, so that a run loads only the formatter it uses. */
const formatterImports: Record<FormatName, () => Promise<FormatterModule>> = {
  stylish: () => import('./stylish.js'),
  json: () => import('./json.js'),
  sarif: () => import('./sarif.js'),
  github: () => import('./github.js'),
  unix: () => import('./unix.js'),
  checkstyle: () => import('./checkstyle.js'),
  junit: () => import('./junit.js'),
  html: () => import('./html.js'),
}

/** Tells whether `name` is one of the output format names. */
export function isFormatName(name: string): name is FormatName {
  return (formatNames as readonly string[]).includes(name)
}

/** Imports the formatter for the format `name`, and nothing else. */
export async function loadFormatter(name: FormatName): Promise<Formatter> {
  const formatterModule = await formatterImports[name]()
  return formatterModule.default
}

/**
 * A format's report as pieces to write one after the other: the format's
 * own pieces where it has them (`json`), otherwise its whole string.
 * @param name The format.
 */
export async function loadPiecewiseFormatter(name: FormatName): Promise<(results: LintResult[], context: FormatContext) => Iterable<string>> {
  const formatterModule = await formatterImports[name]()
  return formatterModule.pieces ?? ((results, context) => [formatterModule.default(results, context)])
}
