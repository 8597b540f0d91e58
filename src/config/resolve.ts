/**
 * Resolution of the rules in force for a file: a preset, then the
 * configuration file, then `--rule` options from the command line.
 */

import type {BilintConfig, RuleMeta, RuleSetting, Severity, SeverityName} from '../types.js'
import {ConfigError} from './errors.js'
import {presetSettings, type PresetName} from './presets.js'
import {severityNameOf} from './validate.js'

/** A rule that is on: its severity and options. */
export interface ResolvedRuleSetting {
  /** 1 = warning, 2 = error. */
  severity: Severity
  /** Options for the rule; empty means the rule's defaults. */
  options: Record<string, unknown>
}

/** The rules that are on, by rule id; rules that are off are absent. */
export type ResolvedRuleSettings = Map<string, ResolvedRuleSetting>

/** A `--rule id:severity` override from the command line. */
export interface CliRuleOverride {
  /** The rule id. */
  id: string
  /** The severity to set. */
  severity: SeverityName
}

/** The pseudo-file named in errors about `--rule` arguments. */
const CLI_RULE_SOURCE = '--rule'

/**
 * Resolves the rules in force.
 *
 * Layers apply in order, each over the previous one:
 * 1. the preset `base` (see {@link presetSettings});
 * 2. the configuration's `rules`: `[severity, options]` replaces the options,
 *    while a bare severity or `[severity]` keeps the options set so far (as in
 *    ESLint), and `off` turns the rule off;
 * 3. the command line's `--rule id:severity` overrides, which keep options.
 *
 * A rule turned off and on again in a later layer gets back the options it
 * had. The configuration is expected to be validated already
 * (`validateConfig`); its rule ids are taken as written.
 *
 * @param base The preset to start from.
 * @param config The configuration found for the file, or `null` when there is none.
 * @param cliRules The `--rule` overrides, in command-line order (later ones win).
 * @param rules The known rules, which presets select from.
 * @returns The rules that are on.
 */
export function resolveRuleSettings(
  base: PresetName,
  config: BilintConfig | null,
  cliRules: ReadonlyArray<CliRuleOverride>,
  rules: readonly RuleMeta[],
): ResolvedRuleSettings {
  const layered = new Map<string, {severity: SeverityName; options: Record<string, unknown>}>()
  for (const [id, setting] of presetSettings(base, rules)) {
    layered.set(id, {severity: setting.severity === 2 ? 'error' : 'warn', options: setting.options})
  }
  const applySeverity = (id: string, severity: SeverityName, options: Record<string, unknown> | undefined): void => {
    layered.set(id, {severity, options: options ?? layered.get(id)?.options ?? {}})
  }
  for (const [id, setting] of Object.entries(config?.rules ?? {})) {
    const {severity, options} = splitRuleSetting(id, setting)
    applySeverity(id, severity, options)
  }
  for (const override of cliRules) applySeverity(override.id, override.severity, undefined)

  const resolved: ResolvedRuleSettings = new Map()
  for (const [id, {severity, options}] of layered) {
    if (severity !== 'off') resolved.set(id, {severity: severity === 'error' ? 2 : 1, options})
  }
  return resolved
}

/**
 * Parses a `--rule id:severity` argument, e.g. `mixed-language:error` or `mixed-language:0`.
 *
 * @param text The argument.
 * @param rules The known rules.
 * @returns The override.
 * @throws {ConfigError} A usage error with `filePath` `--rule`, for a malformed argument, an unknown id or a bad severity.
 */
export function parseCliRule(text: string, rules: readonly RuleMeta[]): CliRuleOverride {
  const separatorIndex = text.lastIndexOf(':')
  if (separatorIndex <= 0) {
    throw new ConfigError(
      CLI_RULE_SOURCE,
      undefined,
      `${JSON.stringify(text)}: expected <rule-id>:<severity>, e.g. mixed-language:error`,
    )
  }
  const id = text.slice(0, separatorIndex).trim()
  const severityText = text.slice(separatorIndex + 1).trim()
  if (!rules.some((rule) => rule.id === id)) throw new ConfigError(CLI_RULE_SOURCE, id, 'unknown rule id')
  const severity = severityNameOf(/^[012]$/.test(severityText) ? Number(severityText) : severityText)
  if (severity === undefined) {
    throw new ConfigError(
      CLI_RULE_SOURCE,
      id,
      `invalid severity ${JSON.stringify(severityText)}: expected off, warn, error, 0, 1 or 2`,
    )
  }
  return {id, severity}
}

/**
 * The severity and, when given, the options of a rule setting. ESLint's
 * numeric severities are accepted too, in case the configuration was not
 * normalised by `validateConfig`.
 */
function splitRuleSetting(
  id: string,
  setting: RuleSetting,
): {severity: SeverityName; options: Record<string, unknown> | undefined} {
  const [rawSeverity, options] = Array.isArray(setting) ? setting : [setting, undefined]
  const severity = severityNameOf(rawSeverity)
  if (severity === undefined) {
    throw new TypeError(`rules.${id}: invalid severity ${JSON.stringify(rawSeverity)}; validate the configuration first`)
  }
  return {severity, options}
}
