/**
 * The configuration schema `schema/bilintrc.schema.json`: it is what the
 * generator produces from the rules now (so it cannot go stale), it is a
 * valid draft-07 schema, it agrees with `validateConfig`, and every example
 * configuration in the documentation passes both.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {Ajv, type ValidateFunction} from 'ajv'
import {describe, expect, it} from 'vitest'
import {ConfigError} from '../../src/config/errors.js'
import {CONFIG_KEYS, validateConfig} from '../../src/config/validate.js'
import {ruleMetas} from '../../src/rule-metas.js'
import {buildConfigSchema, configSchemaText, packagedSchemaReference, schemaFilePath} from '../../src/schema/config-schema.js'

const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
const schemaPath = path.join(repoRoot, schemaFilePath)
const committedText = readFileSync(schemaPath, 'utf8')
const schema = JSON.parse(committedText) as Record<string, unknown>

/** The schema compiled with ajv in strict mode, so any keyword ajv does not know fails here. */
function compileSchema(): ValidateFunction {
  const ajv = new Ajv({strict: true, allErrors: true})
  return ajv.compile(schema)
}

const validateWithSchema = compileSchema()

/** Whether `validateConfig` accepts a configuration. */
async function validatorAccepts(config: unknown): Promise<boolean> {
  try {
    await validateConfig(config, '/project/.bilintrc.json', ruleMetas)
    return true
  } catch (error) {
    if (error instanceof ConfigError) return false
    throw error
  }
}

/** A ```json block of a Markdown page, with where it is. */
interface JsonBlock {
  /** `README.md:123`. */
  where: string
  /** The block's text. */
  text: string
}

/** Every ```json fenced block of a Markdown file. */
function jsonBlocks(filePath: string): JsonBlock[] {
  const text = readFileSync(filePath, 'utf8')
  const blocks: JsonBlock[] = []
  for (const match of text.matchAll(/^```json[ \t]*\r?\n([\s\S]*?)^```[ \t]*$/gm)) {
    const line = text.slice(0, match.index).split('\n').length
    blocks.push({where: `${path.relative(repoRoot, filePath)}:${line}`, text: match[1]!})
  }
  return blocks
}

/** The documentation pages: the README and every rule page. */
function documentationPages(): string[] {
  const rulesFolder = path.join(repoRoot, 'rules')
  const rulePages = readdirSync(rulesFolder)
    .map((name) => path.join(rulesFolder, name, 'README.md'))
    .filter((page) => existsSync(page))
    .sort()
  return [path.join(repoRoot, 'README.md'), ...rulePages]
}

/** The example configurations of the documentation: ```json blocks whose value is an object with a top-level `rules` key. */
function documentedConfigs(): Array<JsonBlock & {config: Record<string, unknown>}> {
  const configs: Array<JsonBlock & {config: Record<string, unknown>}> = []
  for (const block of documentationPages().flatMap(jsonBlocks)) {
    let value: unknown
    try {
      value = JSON.parse(block.text)
    } catch (error) {
      // A block that mentions rules but does not parse is a broken example, not something to skip.
      if (/"rules"\s*:/.test(block.text)) throw new Error(`${block.where}: the example does not parse: ${(error as Error).message}`)
      continue
    }
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, 'rules')) {
      configs.push({...block, config: value as Record<string, unknown>})
    }
  }
  return configs
}

describe('schema/bilintrc.schema.json', () => {
  it('is exactly what the generator writes for the rules now (run `npm run schema` when this fails)', () => {
    expect(committedText).toBe(configSchemaText(ruleMetas))
  })

  it('is what the built generator script writes (`node scripts/generate-schema.mjs --check`)', () => {
    const run = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'generate-schema.mjs'), '--check'], {cwd: repoRoot, encoding: 'utf8'})
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
  })

  it('ships in the package, where configurations refer to it', () => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {name: string; files: string[]; scripts: Record<string, string>}
    expect(manifest.files).toContain(path.dirname(schemaFilePath))
    expect(packagedSchemaReference).toBe(`./node_modules/${manifest.name}/${schemaFilePath}`)
    expect(manifest.scripts['schema']).toContain('scripts/generate-schema.mjs')
  })

  it('is generated deterministically, whatever the order of the rules', () => {
    expect(configSchemaText([...ruleMetas].reverse())).toBe(configSchemaText(ruleMetas))
  })

  it('is a draft-07 schema with the top-level keys validateConfig accepts and one property per rule', () => {
    expect(schema['$schema']).toBe('http://json-schema.org/draft-07/schema#')
    expect(schema['additionalProperties']).toBe(false)
    const properties = schema['properties'] as Record<string, Record<string, unknown>>
    expect(Object.keys(properties)).toEqual([...CONFIG_KEYS])
    const rules = properties['rules']!
    expect(rules['additionalProperties']).toBe(false)
    const ruleProperties = rules['properties'] as Record<string, {description: string}>
    expect(Object.keys(ruleProperties).sort()).toEqual(ruleMetas.map((meta) => meta.id).sort())
    for (const meta of ruleMetas) {
      expect(ruleProperties[meta.id]!.description).toContain(meta.description)
      expect(ruleProperties[meta.id]!.description).toContain(meta.url)
    }
  })

  it('embeds each rule options schema unchanged but for key order', () => {
    const built = buildConfigSchema(ruleMetas) as {properties: {rules: {properties: Record<string, {anyOf: Array<{items?: unknown[]}>}>}}}
    for (const meta of ruleMetas) {
      const optionsSchema = built.properties.rules.properties[meta.id]!.anyOf[2]!.items![1]
      expect(optionsSchema).toEqual(meta.schema)
    }
  })

  it('agrees with validateConfig on valid and invalid configurations', async () => {
    const cases: Array<{config: unknown; valid: boolean}> = [
      {config: {}, valid: true},
      {config: {$schema: packagedSchemaReference}, valid: true},
      {config: {rules: {'glued-subscript': 'off'}}, valid: true},
      {config: {rules: {'glued-subscript': 2, spelling: 1, 'orphaned-heading': 0}}, valid: true},
      {config: {rules: {'glued-subscript': ['warn']}}, valid: true},
      {config: {rules: {'glued-subscript': ['error', {formulas: ['C2H6']}]}}, valid: true},
      {config: {rules: {'mixed-language': [1, {minRunLength: 2, minEnglishWords: 8}]}}, valid: true},
      {config: {rules: {spelling: ['warn', {locale: 'en-GB'}]}}, valid: true},
      {config: {language: 'zh', ignorePatterns: ['drafts/**'], words: ['Yingmin']}, valid: true},
      {config: {rules: {'no-such-rule': 'error'}}, valid: false},
      {config: {rules: {'glued-subscript': 'fatal'}}, valid: false},
      {config: {rules: {'glued-subscript': 3}}, valid: false},
      {config: {rules: {'glued-subscript': []}}, valid: false},
      {config: {rules: {'glued-subscript': ['error', {}, {}]}}, valid: false},
      {config: {rules: {'glued-subscript': ['error', {formula: ['C2H6']}]}}, valid: false},
      {config: {rules: {'glued-subscript': ['error', {formulas: 'C2H6'}]}}, valid: false},
      {config: {rules: {'mixed-language': ['error', {minRunLength: 0}]}}, valid: false},
      {config: {rules: {spelling: ['warn', {locale: 'fr-FR'}]}}, valid: false},
      {config: {rules: {spelling: ['warn', 'loud']}}, valid: false},
      {config: {rules: 'all'}, valid: false},
      {config: {language: 'fr'}, valid: false},
      {config: {words: 'bilint'}, valid: false},
      {config: {ignorePatterns: [1]}, valid: false},
      {config: {$schema: 7}, valid: false},
      {config: {extends: 'recommended'}, valid: false},
      {config: [], valid: false},
    ]
    for (const {config, valid} of cases) {
      const label = JSON.stringify(config)
      expect(validateWithSchema(config), `schema: ${label}`).toBe(valid)
      expect(await validatorAccepts(config), `validateConfig: ${label}`).toBe(valid)
    }
  })

  it('accepts every example configuration in README.md and the rule pages, as validateConfig does', async () => {
    const configs = documentedConfigs()
    // The README's configuration example and one per rule page with options.
    expect(configs.length).toBeGreaterThanOrEqual(1 + ruleMetas.filter((meta) => Object.keys((meta.schema['properties'] as object | undefined) ?? {}).length > 0).length)
    expect(configs.some((config) => config.where.startsWith('README.md:'))).toBe(true)
    for (const {where, config} of configs) {
      const schemaAccepts = validateWithSchema(config)
      expect(schemaAccepts, `${where}: ${JSON.stringify(validateWithSchema.errors)}`).toBe(true)
      expect(await validatorAccepts(config), `${where}: validateConfig`).toBe(true)
    }
  })
})
