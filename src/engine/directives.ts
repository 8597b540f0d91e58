/**
 * `<!-- bilint-disable -->` comments: which messages they silence.
 *
 * `bilint-disable [rules]` silences from its line on, until a matching
 * `bilint-enable [rules]`; `bilint-enable rule` after a bare
 * `bilint-disable` turns just that rule back on (as in ESLint);
 * `bilint-disable-line [rules]` silences its own line;
 * `bilint-disable-next-line [rules]` the line after the comment. Without
 * rule ids a comment applies to every rule.
 */
import type {Directive} from '../document/types.js'

/** Answers whether a message is silenced by the document's directives. */
export class DirectiveFilter {
  /** Range directives (`disable`, `enable`) in document order. */
  private readonly ranges: Directive[]
  /** Line directives: line → rule ids (empty set: all rules). */
  private readonly lines = new Map<number, Set<string> | 'all'>()

  /**
   * @param directives The document's directives, in order.
   */
  constructor(directives: readonly Directive[]) {
    this.ranges = directives.filter((directive) => directive.kind === 'disable' || directive.kind === 'enable')
    for (const directive of directives) {
      if (directive.kind === 'disable-line') {
        for (let line = directive.line; line <= directive.endLine; line++) this.silenceLine(line, directive.ruleIds)
      } else if (directive.kind === 'disable-next-line') {
        this.silenceLine(directive.endLine + 1, directive.ruleIds)
      }
    }
  }

  private silenceLine(line: number, ruleIds: readonly string[]): void {
    const current = this.lines.get(line)
    if (current === 'all') return
    if (ruleIds.length === 0) {
      this.lines.set(line, 'all')
      return
    }
    const set = current ?? new Set<string>()
    for (const id of ruleIds) set.add(id)
    this.lines.set(line, set)
  }

  /** The state after each range directive, computed once: queries are a binary search. */
  private snapshots: Array<{line: number; allOff: boolean; off: ReadonlySet<string>; backOn: ReadonlySet<string>}> | null = null

  /**
   * Whether a message of `ruleId` starting on `line` is silenced.
   * @param ruleId The rule.
   * @param line 1-based line.
   */
  isSilenced(ruleId: string, line: number): boolean {
    const onLine = this.lines.get(line)
    if (onLine === 'all' || onLine?.has(ruleId)) return true
    const snapshots = (this.snapshots ??= this.replay())
    let low = 0
    let high = snapshots.length - 1
    let found = -1
    while (low <= high) {
      const middle = (low + high) >> 1
      if (snapshots[middle]!.line <= line) {
        found = middle
        low = middle + 1
      } else {
        high = middle - 1
      }
    }
    if (found === -1) return false
    const state = snapshots[found]!
    return state.off.has(ruleId) || (state.allOff && !state.backOn.has(ruleId))
  }

  /** Replays the range comments once, keeping the state after each. */
  private replay(): NonNullable<DirectiveFilter['snapshots']> {
    const snapshots: NonNullable<DirectiveFilter['snapshots']> = []
    let allOff = false
    let off = new Set<string>()
    let backOn = new Set<string>()
    for (const directive of this.ranges) {
      const ids = directive.ruleIds
      off = new Set(off)
      backOn = new Set(backOn)
      if (directive.kind === 'disable') {
        if (ids.length === 0) {
          allOff = true
          backOn.clear()
        } else {
          for (const id of ids) {
            off.add(id)
            backOn.delete(id)
          }
        }
      } else if (ids.length === 0) {
        allOff = false
        off.clear()
        backOn.clear()
      } else {
        for (const id of ids) {
          off.delete(id)
          if (allOff) backOn.add(id)
        }
      }
      snapshots.push({line: directive.line, allOff, off, backOn})
    }
    return snapshots
  }
}
