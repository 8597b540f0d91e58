/**
 * Bundles the command line into one file after `tsc`: `dist/src/cli.js`
 * (and its worker, `dist/src/worker.js`) then load as one module each
 * instead of hundreds, which is most of bilint's start-up time. The package
 * API (`dist/src/index.js`) stays unbundled. Dictionary packages stay
 * external: they read their files relative to themselves.
 */
import {build} from 'esbuild'

const shared = {
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
}

await build({...shared, entryPoints: ['dist/src/cli.js'], outfile: 'dist/src/cli.js'})
await build({...shared, entryPoints: ['dist/src/engine/worker.js'], outfile: 'dist/src/worker.js'})
