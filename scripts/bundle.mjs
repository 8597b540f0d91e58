/**
 * Bundles the command line after `tsc`. Each process or worker thread then
 * loads one script instead of hundreds of modules, and the launcher can
 * keep a V8 code cache of it (see `src/launch/run-bundle.ts`), which spares
 * a run most of the compiling it would do on top of Node's own start.
 *
 * - `dist/src/bundle/cli.cjs` (the program, from `dist/src/cli/main.js`) and
 *   `dist/src/bundle/worker.cjs` (a lint worker, from
 *   `dist/src/engine/worker.js`): CommonJS, so that `node:vm` can compile them
 *   with a code cache. The source's dynamic imports become lazy `require`s
 *   of code inside the bundle: a module that a run does not use (Markdown
 *   parsers, franc's language data, YAML, ajv, the language server) is never
 *   run, and never compiled beyond a first parse that the code cache skips.
 * - `dist/src/bundle/lazy/*.cjs`: large modules that few runs load, each a
 *   CommonJS bundle of its own that the two bundles `require` where the
 *   source imports it dynamically: franc's language data (only for Latin
 *   text that does not look English), ajv (rule options in a configuration
 *   file), YAML (a YAML configuration) and the remark parser (Markdown the
 *   simple reader leaves to it). They are two-thirds of the code: left out,
 *   a run without a code cache (the first one after installing, or a CI
 *   job) has that much less to parse.
 * - `dist/src/bundle/manifest.json`: a hash of each bundle, which names its
 *   code cache.
 * - `dist/src/cli.cjs` (the bin) and `dist/src/bundle/worker.cjs`'s
 *   launcher `dist/src/bundle/worker-launcher.cjs`: CommonJS scripts. An ES
 *   module entry would start Node's module loader, and importing a built-in
 *   module from one reads every export it has, which loads Node's
 *   file-stream, readline and fs-promises code. With the configuration and
 *   file lookups made synchronous, a run over a 4 KB file no longer loads
 *   any of it: 172 → 156 ms, median of 100 interleaved runs.
 *
 * The package API (`dist/src/index.js`) stays as `tsc` wrote it. Dictionary
 * packages stay external: they read their files relative to themselves.
 */
import {createHash} from 'node:crypto'
import {readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const bundleFolder = 'dist/src/bundle'
const common = {bundle: true, platform: 'node', target: 'node20', legalComments: 'none', minify: true, logLevel: 'warning'}

/** Modules that the source imports dynamically and that get a lazy bundle of their own: specifier → entry file. */
const lazyModules = new Map([
  ['franc', fileURLToPath(import.meta.resolve('franc'))],
  ['ajv', fileURLToPath(import.meta.resolve('ajv'))],
  ['yaml', fileURLToPath(import.meta.resolve('yaml'))],
  ['./markdown-remark.js', 'dist/src/parser/markdown-remark.js'],
])

/** The lazy bundle's name for a specifier: `franc`, `markdown-remark`. */
const lazyName = (/** @type {string} */ specifier) => path.basename(specifier, '.js')

/** Sends the source's dynamic imports of {@link lazyModules} to their lazy bundles. */
const lazyImports = {
  name: 'lazy-bundles',
  setup(/** @type {import('esbuild').PluginBuild} */ pluginBuild) {
    const escaped = [...lazyModules.keys()].map((specifier) => specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    pluginBuild.onResolve({filter: new RegExp(`^(?:${escaped.join('|')})$`)}, (args) => {
      if (args.kind !== 'dynamic-import') return undefined
      return {path: `./lazy/${lazyName(args.path)}.cjs`, external: true}
    })
  },
}

const commonJs = {
  ...common,
  outExtension: {'.js': '.cjs'},
  format: 'cjs',
  external: ['dictionary-en', 'dictionary-en-gb'],
  // Lazy `require`s in place of `import()`: a script compiled by `node:vm` has no module loader.
  supported: {'dynamic-import': false},
  // Code that finds files beside itself (the worker, the package root) reads the bundle's own URL.
  define: {'import.meta.url': 'bilintBundleUrl'},
  banner: {js: "var bilintBundleUrl = require('node:url').pathToFileURL(__filename).href;"},
}

await rm(bundleFolder, {recursive: true, force: true})
await build({...commonJs, entryPoints: {cli: 'dist/src/cli/main.js', worker: 'dist/src/engine/worker.js'}, outdir: bundleFolder, plugins: [lazyImports]})
await build({
  ...commonJs,
  entryPoints: Object.fromEntries([...lazyModules].map(([specifier, entry]) => [lazyName(specifier), entry])),
  outdir: path.join(bundleFolder, 'lazy'),
})

const manifest = {}
for (const name of ['cli.cjs', 'worker.cjs']) {
  manifest[name] = createHash('sha256').update(await readFile(path.join(bundleFolder, name))).digest('hex').slice(0, 16)
}
await writeFile(path.join(bundleFolder, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)

await build({
  ...common,
  entryPoints: {cli: 'dist/src/cli.js', 'bundle/worker-launcher': 'dist/src/launch/worker.js'},
  outdir: 'dist/src',
  outExtension: {'.js': '.cjs'},
  format: 'cjs',
  define: {'import.meta.url': 'bilintLauncherUrl'},
  banner: {js: "var bilintLauncherUrl = require('node:url').pathToFileURL(__filename).href;"},
  // The unbundled program, for a build without bundles, stays a separate module.
  external: ['./cli/main.js'],
})
// The ES module bin `tsc` wrote: the CommonJS one above takes its place.
for (const output of ['cli.js', 'cli.js.map', 'cli.d.ts']) await rm(path.join('dist/src', output))
