/**
 * Caches that rules keep between runs (the spelling rule's suggestions):
 * each registers how to write what it learned, and the engine writes them
 * when a batch of files is done, on a worker before it answers and on the
 * main thread at the end of `lintFiles`.
 */

const flushers = new Set<() => void>()

/**
 * Registers a cache to write after each batch of files.
 * @param flush Writes the cache; must not throw for a cache it cannot write.
 */
export function onCacheFlush(flush: () => void): void {
  flushers.add(flush)
}

/** Writes every registered cache; a cache that fails is skipped. */
export function flushRuleCaches(): void {
  for (const flush of flushers) {
    try {
      flush()
    } catch {
      // A cache is an optimisation: failing to write one never fails a run.
    }
  }
}
