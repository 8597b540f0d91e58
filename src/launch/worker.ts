/**
 * A lint worker thread's entry in the command line's bundle
 * (`dist/src/bundle/worker-launcher.cjs`, built from this file): runs the worker's
 * bundle with its code cache (see `run-bundle.ts`).
 */
import {runBundle} from './run-bundle.js'

if (!runBundle(new URL('./worker.cjs', import.meta.url))) throw new Error('bilint: the worker bundle `worker.cjs` is missing: run `npm run build`')
