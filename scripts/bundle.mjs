/**
 * Bundles the command line after `tsc`: `dist/src/cli.js` and its worker
 * then load as a few modules instead of hundreds, which is most of bilint's
 * start-up time. The bundle is split at the source's dynamic imports, so a
 * run loads only what it uses: `--version` and a run answered from the
 * cache never parse Markdown parsers, franc's language data, YAML, ajv or
 * the language server. The shared chunks and the worker's entry
 * (`bundle/worker.js`) sit together in `dist/src/bundle/`, where the chunk
 * holding `parallel.js` finds the worker as `./worker.js`, as it does beside
 * `dist/src/engine/parallel.js` in the unbundled package API
 * (`dist/src/index.js`), which stays as `tsc` wrote it. Dictionary packages
 * stay external: they read their files relative to themselves.
 */
import {rm} from 'node:fs/promises'
import {build} from 'esbuild'

await rm('dist/src/bundle', {recursive: true, force: true})
await build({
  entryPoints: {cli: 'dist/src/cli.js', 'bundle/worker': 'dist/src/engine/worker.js'},
  outdir: 'dist/src',
  chunkNames: 'bundle/[name]-[hash]',
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  allowOverwrite: true,
  legalComments: 'none',
  minify: true,
  logLevel: 'warning',
  external: ['dictionary-en', 'dictionary-en-gb'],
  // CommonJS dependencies inside an ES module bundle still call `require`.
  banner: {js: "import {createRequire as bilintCreateRequire} from 'node:module'; const require = bilintCreateRequire(import.meta.url);"},
})
