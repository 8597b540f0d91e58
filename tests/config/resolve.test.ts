import {describe, expect, it} from 'vitest'
import {ConfigError} from '../../src/config/errors.js'
import {isPresetName, presetNames, presetSettings} from '../../src/config/presets.js'
import {parseCliRule, resolveRuleSettings} from '../../src/config/resolve.js'
import type {BilintConfig, RuleMeta} from '../../src/types.js'

/** A fake rule. */
function fakeRule(id: string, defaultSeverity: 'warn' | 'error', presets: string[]): RuleMeta {
  return {
    id,
    description: `fake ${id}`,
    type: 'suggestion',
    languages: ['en', 'zh'],
    fixable: 'never',
    defaultSeverity,
    schema: {type: 'object'},
    url: `https://example.test/${id}`,
    presets,
  }
}

const rules: RuleMeta[] = [
  fakeRule('spelling', 'error', ['recommended', 'zh-typography']),
  fakeRule('mixed-language', 'warn', ['recommended']),
  fakeRule('fullwidth-punctuation', 'warn', ['zh-typography']),
  fakeRule('pedantic', 'warn', []),
]

describe('presetSettings', () => {
  it('lists the preset names', () => {
    expect(presetNames).toEqual(['recommended', 'zh-typography', 'strict'])
    expect(isPresetName('strict')).toBe(true)
    expect(isPresetName('all')).toBe(false)
  })

  it('recommended turns on the recommended rules at their default severity', () => {
    expect([...presetSettings('recommended', rules)]).toEqual([
      ['spelling', {severity: 2, options: {}}],
      ['mixed-language', {severity: 1, options: {}}],
    ])
  })

  it('zh-typography adds its own rules to recommended', () => {
    expect([...presetSettings('zh-typography', rules)]).toEqual([
      ['spelling', {severity: 2, options: {}}],
      ['mixed-language', {severity: 1, options: {}}],
      ['fullwidth-punctuation', {severity: 1, options: {}}],
    ])
  })

  it('strict turns every rule on at error', () => {
    const settings = presetSettings('strict', rules)
    expect([...settings.keys()]).toEqual(rules.map((rule) => rule.id))
    for (const setting of settings.values()) expect(setting.severity).toBe(2)
  })
})

describe('resolveRuleSettings', () => {
  it('uses the preset alone when there is no config', () => {
    expect(resolveRuleSettings('recommended', null, [], rules)).toEqual(presetSettings('recommended', rules))
  })

  it('applies the preset, then the config, then the command line', () => {
    const settings = resolveRuleSettings(
      'recommended',
      {
        rules: {
          'spelling': 'warn',
          'mixed-language': ['error', {minRunLength: 3}],
          'pedantic': 'warn',
        },
      },
      [
        {id: 'mixed-language', severity: 'warn'},
        {id: 'pedantic', severity: 'off'},
      ],
      rules,
    )
    expect(Object.fromEntries(settings)).toEqual({
      'spelling': {severity: 1, options: {}},
      'mixed-language': {severity: 1, options: {minRunLength: 3}},
    })
  })

  it('turns off preset rules with off, and later layers win', () => {
    const settings = resolveRuleSettings(
      'strict',
      {rules: {'spelling': 'off', 'pedantic': ['off', {level: 2}]}},
      [
        {id: 'spelling', severity: 'warn'},
        {id: 'pedantic', severity: 'error'},
        {id: 'pedantic', severity: 'warn'},
      ],
      rules,
    )
    expect(settings.get('spelling')).toEqual({severity: 1, options: {}})
    // Turned off with options in the config, back on from the command line: the options come back, as in ESLint.
    expect(settings.get('pedantic')).toEqual({severity: 1, options: {level: 2}})
    expect(settings.size).toBe(4)
  })

  it('reads numeric severities in a configuration that was not normalised', () => {
    const config = JSON.parse('{"rules": {"pedantic": 2, "spelling": [0]}}') as BilintConfig
    const settings = resolveRuleSettings('recommended', config, [], rules)
    expect(settings.get('pedantic')).toEqual({severity: 2, options: {}})
    expect(settings.has('spelling')).toBe(false)
  })

  it('keeps the options so far for a one-element array', () => {
    const settings = resolveRuleSettings('recommended', {rules: {'fullwidth-punctuation': ['error']}}, [], rules)
    expect(settings.get('fullwidth-punctuation')).toEqual({severity: 2, options: {}})
  })
})

describe('parseCliRule', () => {
  it('parses id:severity with names and numbers', () => {
    expect(parseCliRule('mixed-language:error', rules)).toEqual({id: 'mixed-language', severity: 'error'})
    expect(parseCliRule('spelling:0', rules)).toEqual({id: 'spelling', severity: 'off'})
    expect(parseCliRule('spelling:1', rules)).toEqual({id: 'spelling', severity: 'warn'})
  })

  it.each([
    ['glued-subscript:error', 'glued-subscript', 'unknown rule id'],
    ['spelling:loud', 'spelling', 'invalid severity'],
    ['spelling:3', 'spelling', 'invalid severity'],
    ['spelling', undefined, 'expected <rule-id>:<severity>'],
    [':warn', undefined, 'expected <rule-id>:<severity>'],
  ])('refuses %j with a usage error', (text, key, detail) => {
    let thrown: unknown
    try {
      parseCliRule(text, rules)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(ConfigError)
    const error = thrown as ConfigError
    expect(error.filePath).toBe('--rule')
    expect(error.key).toBe(key)
    expect(error.message.startsWith('--rule: ')).toBe(true)
    expect(error.message).toContain(detail)
  })
})
