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
 * - `dist/src/bundle/manifest.json`: a hash of each bundle, which names its
 *   code cache.
 * - `dist/src/cli.js` (the bin) and `dist/src/bundle/worker.js` (what
 *   `parallel.js` starts, found as `./worker.js` beside the bundle, as it is
 *   beside `dist/src/engine/parallel.js` in the unbundled package API):
 *   launchers, one ES module each.
 *
 * The package API (`dist/src/index.js`) stays as `tsc` wrote it. Dictionary
 * packages stay external: they read their files relative to themselves.
 */
import {createHash} from 'node:crypto'
import {readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {build} from 'esbuild'

const bundleFolder = 'dist/src/bundle'
const common = {bundle: true, platform: 'node', target: 'node20', legalComments: 'none', minify: true, logLevel: 'warning'}

await rm(bundleFolder, {recursive: true, force: true})
await build({
  ...common,
  entryPoints: {cli: 'dist/src/cli/main.js', worker: 'dist/src/engine/worker.js'},
  outdir: bundleFolder,
  outExtension: {'.js': '.cjs'},
  format: 'cjs',
  external: ['dictionary-en', 'dictionary-en-gb'],
  // Lazy `require`s in place of `import()`: a script compiled by `node:vm` has no module loader.
  supported: {'dynamic-import': false},
  // Code that finds files beside itself (the worker, the package root) reads the bundle's own URL.
  define: {'import.meta.url': 'bilintBundleUrl'},
  banner: {js: "var bilintBundleUrl = require('node:url').pathToFileURL(__filename).href;"},
})

const manifest = {}
for (const name of ['cli.cjs', 'worker.cjs']) {
  manifest[name] = createHash('sha256').update(await readFile(path.join(bundleFolder, name))).digest('hex').slice(0, 16)
}
await writeFile(path.join(bundleFolder, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)

await build({
  ...common,
  entryPoints: {cli: 'dist/src/cli.js', 'bundle/worker': 'dist/src/launch/worker.js'},
  outdir: 'dist/src',
  allowOverwrite: true,
  format: 'esm',
  // The unbundled program, for a build without bundles, stays a separate module.
  external: ['./cli/main.js'],
})
