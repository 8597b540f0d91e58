/**
 * Caches that rules keep between runs (the spelling rule's suggestions):
 * each registers how to write what it learned, and the engine writes them
 * when a batch of files is done, on a worker before it answers and on the
 * main thread at the end of `lintFiles`. The code cache of a bundled run
 * (see `src/launch/run-bundle.ts`) is written then too, once this thread has
 * linted a file, so that it holds the code that linting compiles.
 */
import {saveCodeCacheKey} from '../launch/code-cache-key.js'

const flushers = new Set<() => void>()

/** Whether this thread linted a file since the caches were last written. */
let lintedSinceFlush = false

/**
 * Registers a cache to write after each batch of files.
 * @param flush Writes the cache; must not throw for a cache it cannot write.
 */
export function onCacheFlush(flush: () => void): void {
  flushers.add(flush)
}

/** Notes that this thread linted a file (not answered from the lint cache). */
export function noteLinted(): void {
  lintedSinceFlush = true
}

/** Writes every registered cache, and the code cache once a file was linted; a cache that fails is skipped. */
export function flushRuleCaches(): void {
  for (const flush of flushers) {
    try {
      flush()
    } catch {
      // A cache is an optimisation: failing to write one never fails a run.
    }
  }
  if (!lintedSinceFlush) return
  lintedSinceFlush = false
  const saveCodeCache = (globalThis as Record<symbol, unknown>)[saveCodeCacheKey]
  if (typeof saveCodeCache === 'function') saveCodeCache()
}
