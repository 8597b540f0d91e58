/**
 * `<!-- bilint-disable -->` comments: which messages they silence.
 *
 * `bilint-disable [rules]` silences from its line until a matching
 * `bilint-enable [rules]`; `bilint-disable-line [rules]` silences its own
 * line; `bilint-disable-next-line [rules]` the line after the comment.
 * Without rule ids a comment applies to every rule.
 */
import type {Directive} from '../document/types.js'

/** A silenced line range for some or all rules. */
interface Silence {
  fromLine: number
  toLine: number
  /** Empty for every rule. */
  ruleIds: ReadonlySet<string>
}

/** Answers whether a message is silenced by the document's directives. */
export class DirectiveFilter {
  private readonly silences: Silence[] = []

  /**
   * @param directives The document's directives, in order.
   */
  constructor(directives: readonly Directive[]) {
    const open: Array<{line: number; ruleIds: string[]}> = []
    for (const directive of directives) {
      switch (directive.kind) {
        case 'disable-line':
          this.add(directive.line, directive.endLine, directive.ruleIds)
          break
        case 'disable-next-line':
          this.add(directive.endLine + 1, directive.endLine + 1, directive.ruleIds)
          break
        case 'disable':
          open.push({line: directive.line, ruleIds: directive.ruleIds})
          break
        case 'enable':
          for (let index = open.length - 1; index >= 0; index--) {
            const entry = open[index]!
            const closesAll = directive.ruleIds.length === 0
            const shared = entry.ruleIds.filter((id) => directive.ruleIds.includes(id))
            if (!closesAll && shared.length === 0 && entry.ruleIds.length > 0) continue
            if (closesAll || entry.ruleIds.length === 0 || shared.length === entry.ruleIds.length) {
              this.add(entry.line, directive.line, entry.ruleIds)
              open.splice(index, 1)
            } else {
              // Enabling some of the rules a comment disabled: the rest stay off.
              this.add(entry.line, directive.line, shared)
              entry.ruleIds = entry.ruleIds.filter((id) => !shared.includes(id))
            }
          }
          break
      }
    }
    for (const entry of open) this.add(entry.line, Number.POSITIVE_INFINITY, entry.ruleIds)
  }

  private add(fromLine: number, toLine: number, ruleIds: readonly string[]): void {
    this.silences.push({fromLine, toLine, ruleIds: new Set(ruleIds)})
  }

  /**
   * Whether a message of `ruleId` starting on `line` is silenced.
   * @param ruleId The rule.
   * @param line 1-based line.
   */
  isSilenced(ruleId: string, line: number): boolean {
    for (const silence of this.silences) {
      if (line < silence.fromLine || line > silence.toLine) continue
      if (silence.ruleIds.size === 0 || silence.ruleIds.has(ruleId)) return true
    }
    return false
  }
}
