#!/usr/bin/env node
/**
 * The `bilint` command (built into `dist/src/cli.cjs`): runs the command line's bundle with its code cache
 * (see `launch/run-bundle.ts`), or the unbundled program when the build
 * made no bundle.
 */
import {tuneCompilerForShortRuns} from './launch/v8-tuning.js'
import {runBundle} from './launch/run-bundle.js'

tuneCompilerForShortRuns()
// No top-level await: the build turns this module into a CommonJS script (`dist/src/cli.cjs`).
if (!runBundle(new URL('./bundle/cli.cjs', import.meta.url))) void import('./cli/main.js')
