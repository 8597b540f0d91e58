/**
 * Where a fix may write: inside one prose block, on text copied verbatim from
 * the source. Markup (`**`, `~2~`, `<sub>`), code, entities, escapes, URLs
 * and front matter are never rewritten.
 */
import type {DocumentIndex} from './types.js'

/** How many blocks before the last one starting at or before a span are tried (nested blocks share starts). */
const nestedBlockReach = 8

/**
 * Whether a fix may replace the source range `[start, end)`.
 * @param index The document index.
 * @param start Start offset.
 * @param end End offset (exclusive).
 */
export function isFixableSpan(index: DocumentIndex, start: number, end: number): boolean {
  const blocks = index.blocks
  // The last block that starts at or before `start`: blocks are in document order.
  let low = 0
  let high = blocks.length - 1
  let found = -1
  while (low <= high) {
    const middle = (low + high) >> 1
    if (blocks[middle]!.start <= start) {
      found = middle
      low = middle + 1
    } else {
      high = middle - 1
    }
  }
  for (let position = found; position >= 0 && position > found - nestedBlockReach; position--) {
    const block = blocks[position]!
    if (block.prose && block.end >= end && block.prose.isVerbatim(start, end)) return true
  }
  return false
}
