/**
 * V8 settings for a command that runs once and exits.
 *
 * A lint run is short: much of it runs before its hot functions are
 * optimized, and V8's optimizing compiler (Turbofan) compiles them on
 * background threads that compete with the linting for the machine's cores
 * (every worker thread compiles everything again). Its most expensive passes
 * pay off in long-running code, not here. So the command line turns off:
 *
 * - inlining callees into hot functions, on every Node version. In the
 *   benchmark: about 9% less wall time on a 1 MB file and 5% on 1,000 small
 *   files, 8–20% less CPU, the same on a 4 KB file, and 3–8% more wall time
 *   on a 10 MB file, whose run is long enough for inlined code to pay off;
 * - on V8 11 (Node 20), where they were measured, six more passes that cost
 *   compile time and gain little in a short run: loop peeling, escape
 *   analysis, splitting, move optimization, control-flow optimization and
 *   allocation folding. With them off, the optimizing compiles of a run over
 *   1,000 small files take about 20% less time; wall time drops about 5% on
 *   1,000 small files and on a 1 MB file, and stays the same on a 4 KB and a
 *   10 MB file. A V8 that no longer knows a flag would print an error for
 *   it on every run, so other versions do without them.
 *
 * The language server and uses of the package API are long-lived and keep
 * V8's defaults, as does a run whose Node options set a Turbofan flag.
 */
import {setFlagsFromString} from 'node:v8'

/** The Turbofan passes turned off on the V8 versions they were measured on. */
const measuredPasses = ['loop-peeling', 'escape', 'splitting', 'move-optimization', 'cf-optimization', 'allocation-folding']

/** Major versions of V8 the passes above were measured on (11: Node 20). */
const measuredV8Majors = new Set([11])

/**
 * The V8 flags for a command line, or null to keep V8's defaults: none for
 * the language server (`--lsp`), nor when the user set a Turbofan flag
 * (`--turbo-…` or `--no-turbo-…`) on Node's command line or in `NODE_OPTIONS`.
 * @param argv The command's arguments.
 * @param nodeArguments Node's own arguments (`process.execArgv`) and `NODE_OPTIONS`.
 * @param v8Version V8's version (`process.versions.v8`).
 */
export function shortRunFlags(argv: readonly string[], nodeArguments: readonly string[], v8Version: string): string | null {
  if (argv.includes('--lsp')) return null
  if (nodeArguments.some((option) => /--(?:no[-_])?turbo[-_]/.test(option))) return null
  const passes = measuredV8Majors.has(Number.parseInt(v8Version, 10)) ? measuredPasses : []
  return ['inlining', ...passes].map((pass) => `--no-turbo-${pass}`).join(' ')
}

/** Applies {@link shortRunFlags} to this process and its worker threads; must run before bilint's code is compiled. */
export function tuneCompilerForShortRuns(): void {
  const flags = shortRunFlags(process.argv.slice(2), [...process.execArgv, process.env.NODE_OPTIONS ?? ''], process.versions.v8)
  if (flags) setFlagsFromString(flags)
}
