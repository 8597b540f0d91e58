/**
 * The generated header line of a rule page: tags · languages · severity ·
 * options · fix safety.
 */
import type {RuleMeta} from '../src/types.js'

/**
 * The header line for a rule's metadata.
 * @param meta The rule's metadata.
 */
export function ruleHeader(meta: RuleMeta): string {
  const properties = (meta.schema as {properties?: Record<string, unknown>}).properties ?? {}
  const options = Object.keys(properties)
  const fix = meta.fixable === 'never' ? 'no fix' : `fix: ${meta.fixable}`
  return [
    `\`${meta.type}\``,
    `languages: ${meta.languages.join(', ')}`,
    `severity: ${meta.defaultSeverity}`,
    `presets: ${meta.presets.join(', ')}`,
    `options: ${options.length > 0 ? options.map((option) => `\`${option}\``).join(', ') : 'none'}`,
    fix,
  ].join(' · ')
}
