/**
 * `bilint --init`, run with the built bin in temporary folders: it writes a
 * starter `.bilintrc.json` for the language of the documents it finds, says
 * what it wrote and why, and never overwrites a configuration.
 */
import {readFileSync} from 'node:fs'
import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {Ajv} from 'ajv'
import {afterEach, describe, expect, it} from 'vitest'
import {validateConfig} from '../../src/config/validate.js'
import {ruleMetas} from '../../src/rule-metas.js'
import {linesOf, repoRoot, runBilint} from './helpers.js'

/** Folders made by the tests, removed after each. */
const folders: string[] = []

/** A temporary folder with the given files (and no configuration). */
async function folderWith(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'bilint-init-'))
  folders.push(root)
  for (const [relativePath, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, relativePath)), {recursive: true})
    await writeFile(path.join(root, relativePath), content)
  }
  return root
}

afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, {recursive: true, force: true})))
})

const validateWithSchema = new Ajv({strict: true}).compile(JSON.parse(readFileSync(path.join(repoRoot, 'schema', 'bilintrc.schema.json'), 'utf8')) as object)

/** Runs `bilint --init` and reads what it wrote, checking it is a valid configuration. */
async function init(root: string): Promise<{code: number | null; stdout: string; stderr: string; config: Record<string, unknown>}> {
  const result = await runBilint(['--init'], {cwd: root})
  const config = JSON.parse(await readFile(path.join(root, '.bilintrc.json'), 'utf8')) as Record<string, unknown>
  expect(validateWithSchema(config), JSON.stringify(validateWithSchema.errors)).toBe(true)
  await validateConfig(config, path.join(root, '.bilintrc.json'), ruleMetas)
  return {...result, config}
}

const chineseProse = '会议强调，要加强区域联防联控，推进大气污染治理，改善空气质量。各地要落实责任，完善监测网络。\n'
const englishProse = 'The committee stressed that regional joint prevention and control must be strengthened to improve air quality.\n'

describe('bilint --init', () => {
  it('writes the zh-typography rules and language zh for Chinese documents, and says why', async () => {
    const root = await folderWith({
      'docs/报告.md': `# 报告\n\n${chineseProse}\n${chineseProse}`,
      // English code does not count: only prose does.
      'docs/安装.md': `# 安装\n\n${chineseProse}\n\`\`\`sh\n${'npm install --save-dev the-package-with-a-long-english-name\n'.repeat(40)}\`\`\`\n`,
      // Nor do front matter, HTML, link targets and URLs.
      'docs/链接.md': `---\ntitle: ${'An English title in the front matter '.repeat(10)}\n---\n<div class="an-english-class-name">${chineseProse}</div>\n[链接](https://example.com/${'english/path/'.repeat(20)}) https://example.com/${'more/english/words/'.repeat(20)}\n`,
      'notes.txt': `${englishProse}`,
    })
    const {code, stdout, stderr, config} = await init(root)
    expect(code).toBe(0)
    expect(stderr).toBe('')
    expect(linesOf(stdout)).toHaveLength(1)
    expect(stdout).toMatch(/^Wrote \.bilintrc\.json for Chinese documents \(language "zh", zh-typography rules: cjk-latin-spacing on\): 4 documents under this folder have [\d,]+ Han characters to [\d,]+ Latin letters\n$/)
    expect(Object.keys(config)).toEqual(['$schema', 'language', 'rules'])
    expect(config['$schema']).toBe('./node_modules/bilint/schema/bilintrc.schema.json')
    expect(config['language']).toBe('zh')
    const rules = config['rules'] as Record<string, string>
    expect(Object.keys(rules)).toEqual(ruleMetas.map((meta) => meta.id))
    expect(rules['cjk-latin-spacing']).toBe('warn')
    for (const meta of ruleMetas) expect(rules[meta.id], meta.id).toBe(meta.defaultSeverity)
  })

  it('writes the recommended rules and language en for English documents', async () => {
    const root = await folderWith({'README.md': `# Report\n\n${englishProse}`, 'docs/guide.markdown': `${englishProse}${englishProse}`, 'image.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])})
    const {code, stdout, config} = await init(root)
    expect(code).toBe(0)
    expect(stdout).toMatch(/^Wrote \.bilintrc\.json for English documents \(language "en", recommended rules\): 2 documents under this folder have 0 Han characters to [\d,]+ Latin letters\n$/)
    expect(config['language']).toBe('en')
    const rules = config['rules'] as Record<string, string>
    expect(rules['cjk-latin-spacing']).toBe('off')
    for (const meta of ruleMetas.filter((rule) => rule.presets.includes('recommended'))) expect(rules[meta.id], meta.id).toBe(meta.defaultSeverity)
  })

  it('leaves the language to detection when there are no documents', async () => {
    const root = await folderWith({'index.html': '<p>中文</p>', 'node_modules/pkg/README.md': chineseProse})
    const {code, stdout, config} = await init(root)
    expect(code).toBe(0)
    expect(stdout).toBe('Wrote .bilintrc.json with the recommended rules and no language: no .md, .markdown or .txt document with text was found under this folder\n')
    expect(config['language']).toBeUndefined()
  })

  it('reads only the start of large files, cutting at a character boundary, and at most 200 files', async () => {
    const files: Record<string, string> = {'big.md': `AB${'中'.repeat(40_000)}\n`}
    for (let index = 0; index < 205; index++) files[`many/${String(index).padStart(3, '0')}.txt`] = englishProse
    const root = await folderWith(files)
    const {code, stdout, config} = await init(root)
    expect(code).toBe(0)
    expect(stdout).toContain('the first 200 of 206 documents')
    // 64 KB of the big file is 21,844 Han characters: more than the 199 English files sampled after it weigh.
    expect(stdout).toContain('21,844 Han characters')
    expect(config['language']).toBe('zh')
  })

  it('refuses with exit code 2 and one line when a configuration is already there', async () => {
    for (const [name, content] of [
      ['.bilintrc.json', '{"rules": {}}\n'],
      ['.bilintrc.yaml', 'rules: {}\n'],
      ['package.json', '{"name": "x", "bilint": {"language": "en"}}\n'],
    ] as const) {
      const root = await folderWith({[name]: content, 'a.md': chineseProse})
      const result = await runBilint(['--init'], {cwd: root})
      expect(result.code, name).toBe(2)
      expect(result.stdout).toBe('')
      expect(linesOf(result.stderr), name).toEqual([`bilint: ${name} already has a bilint configuration in this folder; --init writes one only where there is none`])
      expect(await readFile(path.join(root, name), 'utf8')).toBe(content)
    }
  })

  it('writes beside a package.json that has no bilint key', async () => {
    const root = await folderWith({'package.json': '{"name": "x"}\n', 'a.md': `# Notes\n\n${englishProse}`})
    const {code, config} = await init(root)
    expect(code).toBe(0)
    expect(config['language']).toBe('en')
  })

  it('takes no files', async () => {
    const root = await folderWith({'a.md': englishProse})
    const result = await runBilint(['--init', 'a.md'], {cwd: root})
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('bilint: --init takes no files (see bilint --help)\n')
  })
})
