/**
 * Where a run started from a code-cached bundle (see `run-bundle.ts`) leaves
 * the function that writes its code cache, for the engine to call once the
 * run has linted something (see `src/engine/cache-flush.ts`): a global,
 * because the bundle and its launcher are separate scripts.
 */
export const saveCodeCacheKey = Symbol.for('bilint.saveCodeCache')
