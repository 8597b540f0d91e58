#!/usr/bin/env node
/**
 * The `bilint` command: runs the command line's bundle with its code cache
 * (see `launch/run-bundle.ts`), or the unbundled program when the build
 * made no bundle.
 */
import {tuneCompilerForShortRuns} from './launch/v8-tuning.js'
import {runBundle} from './launch/run-bundle.js'

tuneCompilerForShortRuns()
if (!runBundle(new URL('./bundle/cli.cjs', import.meta.url))) await import('./cli/main.js')
