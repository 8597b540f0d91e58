/**
 * The rule contract: metadata plus a unified plugin that reads the document
 * index and reports VFileMessages with `ruleId`, `source`, `url`, `place`,
 * `actual`, `expected[]` and a fix applicability.
 */
import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {isFixableSpan} from '../document/fixable.js'
import type {DocumentIndex} from '../document/types.js'
import type {FixApplicability, RuleMeta, Severity} from '../types.js'

/** Where the engine keeps the document index on the VFile. */
export const indexDataKey = 'bilintIndex'

/** Where the engine keeps the project's words (config `words` and `.bilint-words.txt`) on the VFile. */
export const projectWordsDataKey = 'bilintProjectWords'

/** Settings the engine passes to a rule plugin. */
export interface RuleSettings<Options> {
  /** 1 = warning, 2 = error. */
  severity: Severity
  /** The rule's options, merged over its defaults. */
  options: Options
}

/** One finding, as a rule reports it. */
export interface RuleReport {
  /** Message text ("Unexpected `X`, expected `Y`"). */
  message: string
  /** Start offset in the file text. */
  start: number
  /** End offset (exclusive). */
  end: number
  /** The text objected to; defaults to the reported slice. */
  actual?: string
  /** Replacements, best first; `expected[0]` is the fix when `fix` is set. */
  expected?: string[]
  /** Applicability of replacing the span with `expected[0]`. */
  fix?: FixApplicability
  /** Report one level lower than configured (an error rule's warning case). */
  lowerSeverity?: boolean
}

/** What a rule's check function receives. */
export interface RuleContext<Options> {
  /** The document index. */
  index: DocumentIndex
  /** The file being linted. */
  file: VFile
  /** Options merged over the defaults. */
  options: Options
  /** Project words: the configuration's `words` and the `.bilint-words.txt` beside it. */
  projectWords: readonly string[]
  /** Reports a finding. */
  report(finding: RuleReport): void
}

/** Extra fields bilint sets on VFileMessages. */
export interface BilintMessageFields {
  /** Applicability of `expected[0]` as a fix. */
  fixApplicability?: FixApplicability
}

/** A rule: its metadata, its defaults and its unified plugin. */
export interface RuleModule<Options extends object = Record<string, unknown>> {
  /** Metadata. */
  meta: RuleMeta
  /** Option defaults. */
  defaults: Options
  /** The unified plugin, used as `.use(rule.plugin, settings)`. */
  plugin: Plugin<[RuleSettings<Options>?], Root>
}

/**
 * Defines a rule from its metadata, option defaults and check function.
 * @param meta The rule's metadata.
 * @param defaults Option defaults.
 * @param check Reads the index and reports findings.
 */
export function defineRule<Options extends object>(
  meta: RuleMeta,
  defaults: Options,
  check: (context: RuleContext<Options>) => void,
): RuleModule<Options> {
  const plugin: Plugin<[RuleSettings<Options>?], Root> = function (settings) {
    const severity = settings?.severity ?? (meta.defaultSeverity === 'error' ? 2 : 1)
    const options = {...defaults, ...settings?.options}
    return (_tree, file) => {
      const index = file.data[indexDataKey] as DocumentIndex | undefined
      if (!index) throw new Error(`${meta.id}: the document index is missing; parse with bilint's parser`)
      const lines = index.lines
      check({
        index,
        file,
        options,
        projectWords: (file.data[projectWordsDataKey] as readonly string[] | undefined) ?? [],
        report(finding) {
          const message = file.message(finding.message, {
            place: {start: lines.point(finding.start), end: lines.point(finding.end)},
            ruleId: meta.id,
            source: 'bilint',
          })
          message.url = meta.url
          message.actual = finding.actual ?? index.text.slice(finding.start, finding.end)
          if (finding.expected) message.expected = finding.expected
          message.fatal = severity === 2 && !finding.lowerSeverity
          // Fixes touch prose only: never markup, code, entities or subscript syntax.
          if (finding.fix && finding.expected?.length && isFixableSpan(index, finding.start, finding.end)) {
            ;(message as typeof message & BilintMessageFields).fixApplicability = finding.fix
          }
        },
      })
    }
  }
  Object.defineProperty(plugin, 'name', {value: meta.id})
  return {meta, defaults, plugin}
}

/**
 * Documentation URL of a rule page.
 * @param id The rule id.
 */
export function ruleUrl(id: string): string {
  return `https://github.com/bilint/bilint/blob/main/rules/${id}/README.md`
}
