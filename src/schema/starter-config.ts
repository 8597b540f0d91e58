/**
 * The starter configuration `bilint --init` writes: the schema reference for
 * editors, the document language, and every rule spelled out with the
 * severity of the preset that suits the language, so that the file shows
 * what can be turned on or off.
 */
import {presetSettings, type PresetName} from '../config/presets.js'
import type {BilintConfig, RuleMeta, SeverityName} from '../types.js'
import {packagedSchemaReference} from './config-schema.js'

/** The language a starter configuration is written for; `und` when no document told. */
export type StarterLanguage = 'en' | 'zh' | 'und'

/**
 * The preset whose rules a starter configuration lists: `zh-typography` for
 * Chinese documents (which adds `cjk-latin-spacing`), `recommended` otherwise.
 *
 * @param language The documents' language.
 */
export function starterPreset(language: StarterLanguage): Exclude<PresetName, 'strict'> {
  return language === 'zh' ? 'zh-typography' : 'recommended'
}

/**
 * Builds the starter configuration for a language.
 *
 * Rules on in the language's preset get their default severity, the others
 * `off`, in the order bilint runs them. The `language` key is set only for
 * `en` and `zh`: with no documents to go by, detection is left on.
 *
 * @param language The documents' language.
 * @param rules The known rules.
 * @returns A configuration that `validateConfig` accepts.
 */
export function starterConfig(language: StarterLanguage, rules: readonly RuleMeta[]): BilintConfig {
  const enabled = presetSettings(starterPreset(language), rules)
  const ruleSettings: Record<string, SeverityName> = {}
  for (const rule of rules) {
    const setting = enabled.get(rule.id)
    ruleSettings[rule.id] = setting === undefined ? 'off' : setting.severity === 2 ? 'error' : 'warn'
  }
  const config: BilintConfig = {$schema: packagedSchemaReference}
  if (language !== 'und') config.language = language
  config.rules = ruleSettings
  return config
}

/**
 * The starter configuration as the text of a `.bilintrc.json`: JSON indented
 * by two spaces, with a final newline.
 *
 * @param config The configuration from {@link starterConfig}.
 */
export function starterConfigText(config: BilintConfig): string {
  return `${JSON.stringify(config, null, 2)}\n`
}
