#!/usr/bin/env node
/**
 * Writes schema/bilintrc.schema.json, the JSON Schema of bilint's
 * configuration files, from the rules' metadata in the BUILT package
 * (`dist/`: run `npm run build` first; `npm run schema` does both).
 *
 *   node scripts/generate-schema.mjs           write the file
 *   node scripts/generate-schema.mjs --check   exit 1 when the file differs from what would be written
 */
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const repoRoot = fileURLToPath(new URL('../', import.meta.url))
const {ruleMetas} = await import(new URL('../dist/src/rule-metas.js', import.meta.url).href)
const {configSchemaText, schemaFilePath} = await import(new URL('../dist/src/schema/config-schema.js', import.meta.url).href)

const target = path.join(repoRoot, schemaFilePath)
const text = configSchemaText(ruleMetas)
const current = await readFile(target, 'utf8').catch((error) => {
  if (error.code === 'ENOENT') return null
  throw error
})

if (process.argv.includes('--check')) {
  if (current !== text) {
    console.error(`${schemaFilePath} is out of date: run \`npm run schema\``)
    process.exitCode = 1
  }
} else if (current === text) {
  console.log(`${schemaFilePath} is up to date (${ruleMetas.length} rules)`)
} else {
  await writeFile(target, text)
  console.log(`wrote ${schemaFilePath} (${ruleMetas.length} rules)`)
}
