import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {ConfigError} from '../../src/config/errors.js'
import {ConfigFinder, loadConfigFile} from '../../src/config/load-config.js'
import type {RuleMeta} from '../../src/types.js'

let root: string

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'bilint-config-'))
})

afterEach(async () => {
  await rm(root, {recursive: true, force: true})
})

/** Writes a file under the temporary root, creating its directories. */
async function put(relativePath: string, text: string): Promise<string> {
  const filePath = path.join(root, relativePath)
  await mkdir(path.dirname(filePath), {recursive: true})
  await writeFile(filePath, text)
  return filePath
}

/** Runs an async function and returns what it threw. */
async function thrownBy(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action()
  } catch (error) {
    return error
  }
  throw new Error('expected the action to throw')
}

const mixedLanguageRule: RuleMeta = {
  id: 'mixed-language',
  description: 'test rule',
  type: 'suggestion',
  languages: ['en', 'zh'],
  fixable: 'never',
  defaultSeverity: 'warn',
  schema: {type: 'object', properties: {minRunLength: {type: 'integer', minimum: 1}}, additionalProperties: false},
  url: 'https://example.test/mixed-language',
  presets: ['recommended'],
}

describe('loadConfigFile', () => {
  it('reads JSON, with or without a BOM', async () => {
    const plain = await put('plain/.bilintrc.json', '{"language": "zh", "rules": {"a": "warn"}}')
    const withBom = await put('bom/.bilintrc.json', '\uFEFF{"words": ["bilint"]}')
    expect(await loadConfigFile(plain)).toEqual({language: 'zh', rules: {a: 'warn'}})
    expect(await loadConfigFile(withBom)).toEqual({words: ['bilint']})
  })

  it('reads YAML with the core schema', async () => {
    const filePath = await put('.bilintrc.yaml', 'language: en\nrules:\n  a: [error, {min: 2}]\nwords:\n  - yes\n')
    // Core schema: `yes` is a string, not a boolean as in YAML 1.1.
    expect(await loadConfigFile(filePath)).toEqual({language: 'en', rules: {a: ['error', {min: 2}]}, words: ['yes']})
  })

  it('reads the bilint key of a package.json', async () => {
    const filePath = await put('package.json', JSON.stringify({name: 'x', bilint: {language: 'en'}}))
    expect(await loadConfigFile(filePath)).toEqual({language: 'en'})
  })

  it('refuses a package.json without a bilint key when named explicitly', async () => {
    const filePath = await put('package.json', '{"name": "x"}')
    const error = await thrownBy(() => loadConfigFile(filePath))
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as ConfigError).key).toBe('bilint')
  })

  it.each(['.bilintrc.js', '.bilintrc.cjs', '.bilintrc.mjs', 'bilint.config.js'])('refuses %s without running it', async (fileName) => {
    const filePath = await put(fileName, 'throw new Error("must never run")')
    const error = await thrownBy(() => loadConfigFile(filePath))
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as ConfigError).filePath).toBe(filePath)
    expect((error as ConfigError).message).toContain(fileName)
    expect((error as ConfigError).message).toContain('JavaScript configuration is not supported: config is data')
  })

  it('reports malformed JSON on one line naming the file and the position', async () => {
    const filePath = await put('.bilintrc.json', '{\n  "rules": {\n    "a": "warn",\n  }\n}\n')
    const error = await thrownBy(() => loadConfigFile(filePath))
    expect(error).toBeInstanceOf(ConfigError)
    const message = (error as ConfigError).message
    expect(message).toContain('.bilintrc.json')
    expect(message).toContain('invalid JSON')
    expect(message).toMatch(/line 4, column 3/)
    expect(message).not.toContain('\n')
  })

  it('folds a JSON error message quoting the source onto one line', async () => {
    const filePath = await put('.bilintrc.json', '{\n  "a": }\n')
    const error = await thrownBy(() => loadConfigFile(filePath))
    expect((error as ConfigError).message).toContain('.bilintrc.json: invalid JSON')
    expect((error as ConfigError).message).not.toContain('\n')
  })

  it('reports malformed YAML on one line naming the file and the position', async () => {
    const filePath = await put('.bilintrc.yml', 'rules:\n  a: [warn\nwords: []\n')
    const error = await thrownBy(() => loadConfigFile(filePath))
    expect(error).toBeInstanceOf(ConfigError)
    const message = (error as ConfigError).message
    expect(message).toContain('.bilintrc.yml: invalid YAML')
    expect(message).toMatch(/line \d+, column \d+/)
    expect(message).not.toContain('\n')
  })

  it('refuses YAML tags that would build anything but data', async () => {
    const unresolved = await put('a/.bilintrc.yaml', 'rules: !!js/function "function () {}"\n')
    const binary = await put('b/.bilintrc.yaml', 'words: !!binary aGVsbG8=\n')
    expect(((await thrownBy(() => loadConfigFile(unresolved))) as ConfigError).message).toContain('Unresolved tag')
    const binaryError = (await thrownBy(() => loadConfigFile(binary))) as ConfigError
    expect(binaryError).toBeInstanceOf(ConfigError)
    expect(binaryError.key).toBe('words')
  })

  it('refuses roots that are not objects', async () => {
    const list = await put('a/.bilintrc.yaml', '- a\n- b\n')
    const scalar = await put('b/.bilintrc.json', '42')
    const empty = await put('c/.bilintrc.yaml', '# nothing\n')
    for (const filePath of [list, scalar, empty]) {
      const error = await thrownBy(() => loadConfigFile(filePath))
      expect(error).toBeInstanceOf(ConfigError)
      expect((error as ConfigError).message).toContain('must be an object')
    }
  })

  it('reports a missing file as a ConfigError', async () => {
    const error = await thrownBy(() => loadConfigFile(path.join(root, '.bilintrc.json')))
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as ConfigError).message).toContain('no such file')
  })
})

describe('ConfigFinder', () => {
  it('finds a JSON config by walking up from the file', async () => {
    const configPath = await put('.bilintrc.json', '{"language": "zh"}')
    const finder = new ConfigFinder({cwd: root})
    expect(await finder.find(path.join(root, 'docs', 'guide', 'a.md'))).toEqual({config: {language: 'zh'}, configPath})
  })

  it('finds YAML and package.json configs, resolving relative paths against cwd', async () => {
    const yamlPath = await put('yaml-project/.bilintrc.yaml', 'language: en\n')
    const packagePath = await put('package-project/package.json', JSON.stringify({bilint: {words: ['foo']}}))
    const finder = new ConfigFinder({cwd: root})
    expect(await finder.find('yaml-project/docs/a.md')).toEqual({config: {language: 'en'}, configPath: yamlPath})
    expect(await finder.find('package-project/a.md')).toEqual({config: {words: ['foo']}, configPath: packagePath})
  })

  it('takes the nearest config without merging parents', async () => {
    await put('.bilintrc.json', '{"language": "zh", "words": ["outer"]}')
    const innerPath = await put('docs/.bilintrc.yml', 'words: [inner]\n')
    const finder = new ConfigFinder({cwd: root})
    expect(await finder.find(path.join(root, 'docs', 'sub', 'a.md'))).toEqual({
      config: {words: ['inner']},
      configPath: innerPath,
    })
  })

  it('prefers .bilintrc.json over YAML and package.json in the same directory', async () => {
    const jsonPath = await put('.bilintrc.json', '{"language": "en"}')
    await put('.bilintrc.yaml', 'language: zh\n')
    await put('package.json', JSON.stringify({bilint: {language: 'zh'}}))
    const found = await new ConfigFinder({cwd: root}).find(path.join(root, 'a.md'))
    expect(found?.configPath).toBe(jsonPath)
  })

  it('passes over a package.json without a bilint key', async () => {
    const outerPath = await put('.bilintrc.yaml', 'language: zh\n')
    await put('pkg/package.json', '{"name": "pkg"}')
    const found = await new ConfigFinder({cwd: root}).find(path.join(root, 'pkg', 'README.md'))
    expect(found?.configPath).toBe(outerPath)
  })

  it('returns the cached object on later finds, reading each config once', async () => {
    const configPath = await put('.bilintrc.json', '{"language": "zh"}')
    const finder = new ConfigFinder({cwd: root})
    const first = await finder.find(path.join(root, 'a', 'b', 'one.md'))
    // A change on disk is not seen: the directory's lookup is cached.
    await writeFile(configPath, '{"language": "en"}')
    const second = await finder.find(path.join(root, 'a', 'b', 'two.md'))
    const sibling = await finder.find(path.join(root, 'a', 'c', 'three.md'))
    expect(second).toBe(first)
    expect(sibling?.config).toBe(first?.config)
    expect(first?.config).toEqual({language: 'zh'})
  })

  it('shares one lookup between concurrent finds', async () => {
    await put('.bilintrc.json', '{"language": "zh"}')
    const finder = new ConfigFinder({cwd: root})
    const found = await Promise.all(Array.from({length: 20}, (_, index) => finder.find(path.join(root, 'd', `${index}.md`))))
    for (const result of found) expect(result).toBe(found[0])
  })

  it('refuses a directory whose only config is JavaScript', async () => {
    const jsPath = await put('docs/.bilintrc.mjs', 'export default {}')
    await put('.bilintrc.json', '{}')
    const error = await thrownBy(() => new ConfigFinder({cwd: root}).find(path.join(root, 'docs', 'a.md')))
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as ConfigError).filePath).toBe(jsPath)
    expect((error as ConfigError).message).toContain('.bilintrc.mjs')
  })

  it('ignores a JavaScript config next to a data config', async () => {
    await put('.bilintrc.cjs', 'module.exports = {}')
    const jsonPath = await put('.bilintrc.json', '{}')
    expect((await new ConfigFinder({cwd: root}).find(path.join(root, 'a.md')))?.configPath).toBe(jsonPath)
  })

  it('reports a malformed config met on the way up', async () => {
    await put('.bilintrc.json', '{"rules": ')
    const error = await thrownBy(() => new ConfigFinder({cwd: root}).find(path.join(root, 'x', 'a.md')))
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as ConfigError).message).toContain('.bilintrc.json: invalid JSON')
  })

  it('validates configs when given the rules', async () => {
    await put('ok/.bilintrc.json', '{"rules": {"mixed-language": 2}}')
    await put('bad/.bilintrc.json', '{"rules": {"glued-subscript": "warn"}}')
    const finder = new ConfigFinder({cwd: root, rules: [mixedLanguageRule]})
    expect((await finder.find(path.join(root, 'ok', 'a.md')))?.config).toEqual({rules: {'mixed-language': 'error'}})
    const error = await thrownBy(() => finder.find(path.join(root, 'bad', 'a.md')))
    expect((error as ConfigError).key).toBe('rules.glued-subscript')
  })
})
