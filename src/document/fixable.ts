/**
 * Where a fix may write: inside one prose block, on text copied verbatim from
 * the source. Markup (`**`, `~2~`, `<sub>`), code, entities, escapes, URLs
 * and front matter are never rewritten.
 */
import type {DocumentIndex} from './types.js'

/**
 * Whether a fix may replace the source range `[start, end)`. Called only for
 * reported fixes, so a scan over the blocks is cheap enough.
 * @param index The document index.
 * @param start Start offset.
 * @param end End offset (exclusive).
 */
export function isFixableSpan(index: DocumentIndex, start: number, end: number): boolean {
  for (const block of index.blocks) {
    if (block.start > start) break
    if (block.prose && block.end >= end && block.prose.isVerbatim(start, end)) return true
  }
  return false
}
