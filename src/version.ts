/**
 * bilint's version, read from its package.json (found by walking up from this
 * module, which sits at different depths in `src/` and `dist/src/`).
 */
import {existsSync, readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

let cachedVersion: string | undefined

/** The version in bilint's package.json. */
export function bilintVersion(): string {
  if (cachedVersion) return cachedVersion
  let folder = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const candidate = join(folder, 'package.json')
    if (existsSync(candidate)) {
      const manifest = JSON.parse(readFileSync(candidate, 'utf8')) as {name?: string; version?: string}
      if (manifest.name === 'bilint' && manifest.version) return (cachedVersion = manifest.version)
    }
    const parent = dirname(folder)
    if (parent === folder) return (cachedVersion = '0.0.0')
    folder = parent
  }
}
