/**
 * The rule contract: metadata plus a check that reads the document index and
 * returns hooks for one walk over the document's blocks, reporting
 * VFileMessages with `ruleId`, `source`, `url`, `place`, `actual`,
 * `expected[]` and a fix applicability. The engine runs the hooks of every
 * enabled rule in one shared walk; each rule is also a unified plugin that
 * walks the blocks for itself.
 */
import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {walkBlocks} from '../document/block-walk.js'
import {isFixableSpan} from '../document/fixable.js'
import type {Block, DocumentIndex} from '../document/types.js'
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

/**
 * Hooks a rule's check returns to take part in the walk over the document's
 * blocks. A check that returns none does all its work when it is called.
 */
export interface RuleVisitor {
  /**
   * Visits one block; called for every block, in document order. During the
   * call a prose block's `paragraph` holds its nlcst paragraph, which is
   * dropped afterwards: keep what later hooks need, not the tree.
   * @param block The block.
   */
  block?(block: Block): void
  /**
   * Whether the `block` hook reads `block.paragraph` (default true). A hook
   * that reads only `block.tokens`, and calls `paragraphOf(block)` where it
   * needs the tree, says false: a walk whose hooks all say so builds no nlcst
   * nodes.
   */
  paragraphs?: boolean
  /** Called once after the last block: for findings that need the whole document. */
  end?(): void
}

/** Extra fields bilint sets on VFileMessages. */
export interface BilintMessageFields {
  /** Applicability of `expected[0]` as a fix. */
  fixApplicability?: FixApplicability
}

/** A rule: its metadata, its defaults, its start on a file and its unified plugin. */
export interface RuleModule<Options extends object = Record<string, unknown>> {
  /** Metadata. */
  meta: RuleMeta
  /** Option defaults. */
  defaults: Options
  /**
   * Starts the rule on one file whose document index is on `file.data`: runs
   * its check and returns its hooks, for the engine's walk over the blocks.
   * @param file The file being linted.
   * @param settings Severity and options (default: the rule's).
   */
  start(file: VFile, settings?: RuleSettings<Options>): RuleVisitor
  /**
   * The unified plugin, used as `.use(rule.plugin, settings)`: it starts the
   * rule on the file and walks the blocks for it alone.
   */
  plugin: Plugin<[RuleSettings<Options>?], Root>
}

/**
 * Defines a rule from its metadata, option defaults and check function.
 * @param meta The rule's metadata.
 * @param defaults Option defaults.
 * @param check Reads the index and reports findings, at once or from the hooks it returns.
 */
export function defineRule<Options extends object>(
  meta: RuleMeta,
  defaults: Options,
  check: (context: RuleContext<Options>) => RuleVisitor | void,
): RuleModule<Options> {
  const start = (file: VFile, settings?: RuleSettings<Options>): RuleVisitor => {
    const severity = settings?.severity ?? (meta.defaultSeverity === 'error' ? 2 : 1)
    const options = {...defaults, ...settings?.options}
    const index = indexOf(file, meta.id)
    const lines = index.lines
    return (
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
      }) ?? {}
    )
  }
  const plugin: Plugin<[RuleSettings<Options>?], Root> = function (settings) {
    return (_tree, file) => {
      const visitor = start(file, settings)
      if (visitor.block) walkBlocks(indexOf(file, meta.id), (block) => visitor.block!(block), {paragraphs: visitor.paragraphs !== false})
      visitor.end?.()
    }
  }
  Object.defineProperty(plugin, 'name', {value: meta.id})
  return {meta, defaults, start, plugin}
}

/** The document index on a file, which the engine or bilint's parser put there. */
function indexOf(file: VFile, ruleId: string): DocumentIndex {
  const index = file.data[indexDataKey] as DocumentIndex | undefined
  if (!index) throw new Error(`${ruleId}: the document index is missing; parse with bilint's parser`)
  return index
}
