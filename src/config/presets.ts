/**
 * Built-in presets: which rules are on, at which severity, before any
 * configuration file or command-line override is applied.
 */

import type {RuleMeta} from '../types.js'
import type {ResolvedRuleSettings} from './resolve.js'

/** The name of a built-in preset. */
export type PresetName = 'recommended' | 'zh-typography' | 'strict'

/** Every preset name, in the order they are documented. */
export const presetNames: readonly PresetName[] = ['recommended', 'zh-typography', 'strict']

/**
 * Whether a text is a preset name, e.g. to check a `--preset` argument.
 *
 * @param text Any text.
 */
export function isPresetName(text: string): text is PresetName {
  return (presetNames as readonly string[]).includes(text)
}

/**
 * The rules a preset turns on.
 *
 * - `recommended`: each rule whose `meta.presets` includes `'recommended'`, at its `defaultSeverity`;
 * - `zh-typography`: `recommended` plus each rule whose `meta.presets` includes `'zh-typography'`, at its `defaultSeverity`;
 * - `strict`: every rule, at error.
 *
 * Options are always empty: each rule applies its own defaults.
 *
 * @param preset The preset.
 * @param rules The known rules.
 * @returns The rules that are on, by id, in the order of `rules`.
 */
export function presetSettings(preset: PresetName, rules: readonly RuleMeta[]): ResolvedRuleSettings {
  const settings: ResolvedRuleSettings = new Map()
  for (const rule of rules) {
    if (preset === 'strict') {
      settings.set(rule.id, {severity: 2, options: {}})
    } else if (isInPreset(rule, preset)) {
      settings.set(rule.id, {severity: rule.defaultSeverity === 'error' ? 2 : 1, options: {}})
    }
  }
  return settings
}

/** Whether a rule belongs to `recommended` or `zh-typography` (which includes `recommended`). */
function isInPreset(rule: RuleMeta, preset: Exclude<PresetName, 'strict'>): boolean {
  if (rule.presets.includes('recommended')) return true
  return preset === 'zh-typography' && rule.presets.includes('zh-typography')
}
