/**
 * `--shard i/n`: a deterministic split of the file list, so that n CI runners
 * each lint one part of a large documentation tree. A file belongs to shard
 * `hash(path) mod n + 1`, where the path is relative to the working directory
 * with `/` separators: the same on every runner, whatever the file order.
 */
import path from 'node:path'

/** One shard out of several. */
export interface Shard {
  /** 1-based shard number. */
  index: number
  /** Number of shards. */
  count: number
}

/**
 * Parses `i/n` (1 ≤ i ≤ n).
 * @param text The option's value.
 * @returns The shard, or null when the text is not of that form.
 */
export function parseShard(text: string): Shard | null {
  const match = /^(\d{1,6})\/(\d{1,6})$/.exec(text.trim())
  if (!match) return null
  const index = Number(match[1])
  const count = Number(match[2])
  return index >= 1 && index <= count ? {index, count} : null
}

/** 32-bit FNV-1a over UTF-16 code units. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash
}

/**
 * The files of one shard, in their original order.
 * @param files Absolute paths.
 * @param shard The shard.
 * @param cwd Directory the hashed paths are relative to.
 */
export function filesOfShard(files: readonly string[], shard: Shard, cwd: string): string[] {
  return files.filter((file) => fnv1a(path.relative(cwd, file).split(path.sep).join('/')) % shard.count === shard.index - 1)
}
