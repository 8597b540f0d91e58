/**
 * Validation of a parsed configuration object against the known rules.
 *
 * Rule options are checked against each rule's JSON Schema with ajv, which is
 * imported only when some rule in the configuration has options.
 */

import type {Ajv, ErrorObject, ValidateFunction} from 'ajv'
import type {BilintConfig, RuleMeta, RuleSetting, SeverityName} from '../types.js'
import {ConfigError} from './errors.js'

/** Top-level keys a configuration may have. */
export const CONFIG_KEYS = ['$schema', 'rules', 'language', 'ignorePatterns', 'words'] as const

/** Document languages accepted by the `language` key. */
const LANGUAGES = ['en', 'zh'] as const

/** Severity names by ESLint's numeric severities. */
const SEVERITY_NAMES_BY_NUMBER: ReadonlyMap<unknown, SeverityName> = new Map([
  [0, 'off'],
  [1, 'warn'],
  [2, 'error'],
])

/** How accepted severities are described in error messages. */
const SEVERITY_CHOICES = '"off", "warn", "error", 0, 1 or 2'

/** The ajv instance, created on first need and shared by every validation. */
let ajvPromise: Promise<Ajv> | undefined

/** Compiled option validators by rule id, with the schema each was compiled from. */
const optionValidatorsByRuleId = new Map<string, {schema: Record<string, unknown>; validate: ValidateFunction}>()

/**
 * Validates a parsed configuration and returns it normalised.
 *
 * Checks that the root is an object with only the keys in {@link CONFIG_KEYS};
 * that `$schema` is a string, `language` is `'en'` or `'zh'`, and
 * `ignorePatterns` and `words` are arrays of strings; that each key of `rules`
 * is a known rule id and each setting is a severity (`off`, `warn`, `error`,
 * or ESLint's 0, 1, 2) or a one- or two-element array `[severity, options]`
 * whose options pass the rule's `meta.schema`.
 *
 * The first problem found is thrown; nothing is collected.
 *
 * @param config The parsed configuration, of unknown shape.
 * @param configPath The file it came from, for error messages.
 * @param rules The known rules.
 * @returns A new configuration object with numeric severities turned into names.
 * @throws {ConfigError} Naming the file and the offending key.
 */
export async function validateConfig(
  config: unknown,
  configPath: string,
  rules: readonly RuleMeta[],
): Promise<BilintConfig> {
  if (!isPlainObject(config)) throw new ConfigError(configPath, undefined, 'the configuration must be an object')
  for (const key of Object.keys(config)) {
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) {
      throw new ConfigError(configPath, key, `unknown top-level key (expected one of: ${CONFIG_KEYS.join(', ')})`)
    }
  }
  const validated: BilintConfig = {}
  if (Object.hasOwn(config, '$schema')) {
    if (typeof config.$schema !== 'string') throw new ConfigError(configPath, '$schema', 'must be a string')
    validated.$schema = config.$schema
  }
  if (Object.hasOwn(config, 'language')) {
    const language = config.language
    if (language !== 'en' && language !== 'zh') {
      throw new ConfigError(configPath, 'language', `must be one of: ${LANGUAGES.map((name) => `"${name}"`).join(', ')}`)
    }
    validated.language = language
  }
  if (Object.hasOwn(config, 'ignorePatterns')) {
    validated.ignorePatterns = requireStringArray(config.ignorePatterns, configPath, 'ignorePatterns')
  }
  if (Object.hasOwn(config, 'words')) {
    validated.words = requireStringArray(config.words, configPath, 'words')
  }
  if (Object.hasOwn(config, 'rules')) {
    validated.rules = await validateRules(config.rules, configPath, rules)
  }
  return validated
}

/**
 * Turns a severity as written in configuration into its name.
 *
 * @param value A severity name (`off`, `warn`, `error`) or ESLint number (0, 1, 2).
 * @returns The name, or `undefined` when the value is not a severity.
 */
export function severityNameOf(value: unknown): SeverityName | undefined {
  if (value === 'off' || value === 'warn' || value === 'error') return value
  return SEVERITY_NAMES_BY_NUMBER.get(value)
}

/**
 * Whether a value is a plain object: not null, not an array, not a class instance.
 *
 * @param value Any value.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/** Checks `rules` and returns it with severities normalised. */
async function validateRules(
  value: unknown,
  configPath: string,
  rules: readonly RuleMeta[],
): Promise<Record<string, RuleSetting>> {
  if (!isPlainObject(value)) throw new ConfigError(configPath, 'rules', 'must be an object of rule settings')
  const rulesById = new Map(rules.map((rule) => [rule.id, rule]))
  const validatedRules: Record<string, RuleSetting> = {}
  for (const [ruleId, setting] of Object.entries(value)) {
    const key = `rules.${ruleId}`
    const rule = rulesById.get(ruleId)
    if (rule === undefined) throw new ConfigError(configPath, key, 'unknown rule id')
    validatedRules[ruleId] = await validateRuleSetting(setting, rule, configPath, key)
  }
  return validatedRules
}

/** Checks one rule setting, including its options against the rule's schema. */
async function validateRuleSetting(
  setting: unknown,
  rule: RuleMeta,
  configPath: string,
  key: string,
): Promise<RuleSetting> {
  if (!Array.isArray(setting)) {
    const severity = severityNameOf(setting)
    if (severity === undefined) {
      throw new ConfigError(
        configPath,
        key,
        `invalid setting ${describeValue(setting)}: expected a severity (${SEVERITY_CHOICES}) or [severity, options]`,
      )
    }
    return severity
  }
  if (setting.length < 1 || setting.length > 2) {
    throw new ConfigError(configPath, key, `must have one or two elements [severity, options], found ${setting.length}`)
  }
  const severity = severityNameOf(setting[0])
  if (severity === undefined) {
    throw new ConfigError(configPath, `${key}[0]`, `invalid severity ${describeValue(setting[0])}: expected ${SEVERITY_CHOICES}`)
  }
  if (setting.length === 1) return [severity]
  const options: unknown = setting[1]
  if (!isPlainObject(options)) throw new ConfigError(configPath, `${key}[1]`, 'options must be an object')
  await validateRuleOptions(options, rule, configPath, `${key}[1]`)
  return [severity, options]
}

/** Checks options against the rule's JSON Schema. */
async function validateRuleOptions(
  options: Record<string, unknown>,
  rule: RuleMeta,
  configPath: string,
  optionsKey: string,
): Promise<void> {
  const validate = await optionValidatorFor(rule)
  if (validate(options)) return
  const [error] = validate.errors ?? []
  if (error === undefined) throw new ConfigError(configPath, optionsKey, 'options do not match the rule schema')
  throw describeSchemaError(error, configPath, optionsKey)
}

/** The compiled validator of a rule's options, compiled once per rule id (and again only if the schema object changes). */
async function optionValidatorFor(rule: RuleMeta): Promise<ValidateFunction> {
  const cached = optionValidatorsByRuleId.get(rule.id)
  if (cached !== undefined && cached.schema === rule.schema) return cached.validate
  const ajv = await sharedAjv()
  let validate: ValidateFunction
  try {
    validate = ajv.compile(rule.schema)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new Error(`rule ${rule.id} has an invalid options schema: ${message}`, {cause: error})
  }
  optionValidatorsByRuleId.set(rule.id, {schema: rule.schema, validate})
  return validate
}

/** Creates the ajv instance on first call. */
function sharedAjv(): Promise<Ajv> {
  // ajv is CommonJS: its exports are the default export wherever it is imported from (Node or a bundle).
  ajvPromise ??= import('ajv').then(({default: ajv}) => new ajv.Ajv({allErrors: false, strict: false}))
  return ajvPromise
}

/** Turns ajv's first error into a ConfigError naming the option's key path. */
function describeSchemaError(error: ErrorObject, configPath: string, optionsKey: string): ConfigError {
  const key = optionsKey + jsonPointerToKeyPath(error.instancePath)
  const message = error.message ?? 'is not valid'
  const additionalProperty: unknown = error.params['additionalProperty']
  if (error.keyword === 'additionalProperties' && typeof additionalProperty === 'string') {
    return new ConfigError(configPath, key + propertyAccess(additionalProperty), `unknown option (${message})`)
  }
  const allowedValues: unknown = error.params['allowedValues']
  if (error.keyword === 'enum' && Array.isArray(allowedValues)) {
    return new ConfigError(configPath, key, `${message}: ${allowedValues.map(describeValue).join(', ')}`)
  }
  return new ConfigError(configPath, key, message)
}

/** Converts a JSON Pointer (`/a/0/b`) to a key path (`.a[0].b`). */
function jsonPointerToKeyPath(pointer: string): string {
  if (pointer === '') return ''
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((segment) => (/^\d+$/.test(segment) ? `[${segment}]` : propertyAccess(segment)))
    .join('')
}

/** `.name` for identifier-like names, `["odd name"]` otherwise. */
function propertyAccess(name: string): string {
  return /^[A-Za-z_$][\w$-]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`
}

/** Requires an array of strings. */
function requireStringArray(value: unknown, configPath: string, key: string): string[] {
  if (!Array.isArray(value)) throw new ConfigError(configPath, key, 'must be an array of strings')
  value.forEach((item: unknown, index) => {
    if (typeof item !== 'string') throw new ConfigError(configPath, `${key}[${index}]`, 'must be a string')
  })
  return [...(value as string[])]
}

/** A short rendering of a value for messages. */
function describeValue(value: unknown): string {
  const json = JSON.stringify(value) as string | undefined
  if (json === undefined) return String(value)
  return json.length > 40 ? `${json.slice(0, 37)}...` : json
}
