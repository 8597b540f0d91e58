/**
 * Keyed debouncing: a burst of calls for one key runs the job once, after
 * the burst has been quiet for the delay.
 */

/** The delay after the last edit or configuration change before linting runs, in milliseconds. */
export const debounceDelayMs = 150

/** Runs one job per key after a quiet period; a newer job for a key replaces the waiting one. */
export class Debouncer {
  /** Waiting timers by key. */
  readonly #timers = new Map<string, NodeJS.Timeout>()

  /** @param delayMs How long a key must stay quiet before its job runs. */
  constructor(private readonly delayMs: number = debounceDelayMs) {}

  /**
   * Schedules a job for a key, replacing the one waiting for it.
   *
   * @param key What the job is about (a document URI, say).
   * @param job The job; it is not awaited, so it must handle its own errors.
   */
  schedule(key: string, job: () => void): void {
    this.cancel(key)
    const timer = setTimeout(() => {
      this.#timers.delete(key)
      job()
    }, this.delayMs)
    this.#timers.set(key, timer)
  }

  /**
   * Drops the job waiting for a key, if any.
   *
   * @param key The key.
   */
  cancel(key: string): void {
    const timer = this.#timers.get(key)
    if (timer === undefined) return
    clearTimeout(timer)
    this.#timers.delete(key)
  }

  /** Drops every waiting job. */
  cancelAll(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer)
    this.#timers.clear()
  }
}
