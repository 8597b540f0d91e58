/**
 * The JSON Schema (draft-07) of bilint's configuration files, built from the
 * rules' metadata so that editors can complete and check `.bilintrc.json`.
 *
 * The schema mirrors `validateConfig`: the top-level keys of `CONFIG_KEYS`,
 * one property per rule id under `rules`, each a severity or
 * `[severity, options]` with the rule's `meta.schema` for the options.
 * Everything is built in a fixed order, so the same rules always give the
 * same bytes.
 */
import {CONFIG_KEYS} from '../config/validate.js'
import type {RuleMeta} from '../types.js'

/** A JSON Schema document or subschema, as plain data. */
export type JsonSchema = {[key: string]: unknown}

/** The draft the schema is written in (draft-07: what ajv and the common editors support). */
export const schemaDialect = 'http://json-schema.org/draft-07/schema#'

/** Where a configuration file in a project refers to the schema shipped in the package. */
export const packagedSchemaReference = './node_modules/bilint/schema/bilintrc.schema.json'

/** The schema file's path inside the package. */
export const schemaFilePath = 'schema/bilintrc.schema.json'

/** The severities a rule setting accepts, as `validateConfig` does. */
const severitySchema: JsonSchema = {
  description: 'off (0), warn (1) or error (2).',
  enum: ['off', 'warn', 'error', 0, 1, 2],
}

/** The schema of each top-level key; typed by `CONFIG_KEYS` so that a new key cannot be forgotten here. */
type TopLevelSchemas = {[Key in (typeof CONFIG_KEYS)[number]]: JsonSchema}

/**
 * Builds the configuration schema.
 *
 * @param rules The known rules; their order does not matter (rule ids are sorted).
 * @returns The schema as plain data, ready for `JSON.stringify`.
 */
export function buildConfigSchema(rules: readonly RuleMeta[]): JsonSchema {
  const topLevel: TopLevelSchemas = {
    $schema: {
      description: 'The JSON Schema of this file, for editors.',
      type: 'string',
    },
    rules: {
      description: 'Rule settings by rule id, over the preset (recommended unless --preset names another).',
      type: 'object',
      properties: Object.fromEntries(sortedById(rules).map((rule) => [rule.id, ruleSettingSchema(rule)])),
      additionalProperties: false,
    },
    language: {
      description: 'Forces the document language instead of detecting it.',
      enum: ['en', 'zh'],
    },
    ignorePatterns: {
      description: 'Gitignore-style patterns of files not to lint, relative to the configuration file.',
      type: 'array',
      items: {type: 'string'},
    },
    words: {
      description: 'Project words the spelling rule accepts (a .bilint-words.txt beside the configuration adds more).',
      type: 'array',
      items: {type: 'string'},
    },
  }
  return {
    $schema: schemaDialect,
    title: 'bilint configuration',
    description: 'Configuration of bilint, the Chinese/English text linter: .bilintrc.json, .bilintrc.yaml or the "bilint" key of package.json.',
    type: 'object',
    properties: Object.fromEntries(CONFIG_KEYS.map((key) => [key, topLevel[key]])),
    additionalProperties: false,
    definitions: {severity: severitySchema},
  }
}

/**
 * The schema file's text: the schema as JSON, indented by two spaces, with a final newline.
 *
 * @param rules The known rules.
 */
export function configSchemaText(rules: readonly RuleMeta[]): string {
  return `${JSON.stringify(buildConfigSchema(rules), null, 2)}\n`
}

/**
 * A rule's setting: a severity, `[severity]` or `[severity, options]`. The
 * two arrays are separate closed tuples (rather than one with an optional
 * second item) so that strict validators accept the schema.
 */
function ruleSettingSchema(rule: RuleMeta): JsonSchema {
  const severity = {$ref: '#/definitions/severity'}
  return {
    description: ruleDescription(rule),
    anyOf: [
      severity,
      {type: 'array', items: [severity], minItems: 1, additionalItems: false},
      {type: 'array', items: [severity, canonicalSchema(rule.schema)], minItems: 2, additionalItems: false},
    ],
  }
}

/** The description shown on hover: the rule's own, where it is on, and its page. */
function ruleDescription(rule: RuleMeta): string {
  const presets = rule.presets.length > 0 ? rule.presets.join(', ') : 'strict only'
  return `${capitalize(rule.description)}. Default: ${rule.defaultSeverity} (presets: ${presets}); fix: ${rule.fixable}. ${rule.url}`
}

/** The text with its first letter in upper case. */
function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** Rules sorted by id (code-unit order, independent of locale). */
function sortedById(rules: readonly RuleMeta[]): RuleMeta[] {
  return [...rules].sort((left, right) => (left.id < right.id ? -1 : left.id > right.id ? 1 : 0))
}

/**
 * A copy of a schema with the keys of every object sorted, so that reordering
 * a rule's `meta.schema` in its source does not change the generated file.
 * Arrays keep their order (it can carry meaning, as in `enum`).
 */
function canonicalSchema(value: unknown): JsonSchema {
  return canonical(value) as JsonSchema
}

/** Recursively sorts object keys. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (typeof value !== 'object' || value === null) return value
  const entries = Object.entries(value as Record<string, unknown>).sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))
  return Object.fromEntries(entries.map(([key, item]) => [key, canonical(item)]))
}
