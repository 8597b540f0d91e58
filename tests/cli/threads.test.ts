/**
 * `--threads`: linting on worker threads gives exactly the results of one
 * thread, in the same order: the same report, byte for byte.
 */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {assertBinBuilt, makeTempTree, runBilint, type TempTree} from './helpers.js'

let tree: TempTree
beforeAll(async () => {
  assertBinBuilt()
  const files: Record<string, string> = {}
  for (let index = 0; index < 48; index++) {
    files[`docs/part-${index}.md`] = `# Part ${index}\n\nHaze ${index} was PM2.5Caused, and 二、加强 stayed in the text.\n\n## Empty\n`
  }
  files['docs/binary.txt'] = 'PM2.5Caused \u0000 binary'
  tree = await makeTempTree(files)
})
afterAll(() => tree.remove())

describe('--threads', () => {
  it('gives the same report on 2 threads as on 1', async () => {
    const one = await runBilint(['docs', '--threads', '1', '-f', 'json'], {cwd: tree.root})
    const two = await runBilint(['docs', '--threads', '2', '-f', 'json'], {cwd: tree.root})
    expect(two.code).toBe(one.code)
    expect(one.code).toBe(2)
    expect(two.stdout).toBe(one.stdout)
    expect(JSON.parse(one.stdout)).toHaveLength(49)
    expect(two.stderr).toBe(one.stderr)
  })

  it('takes `auto`, the default, with the same report', async () => {
    const one = await runBilint(['docs', '--threads', '1', '-f', 'json'], {cwd: tree.root})
    const auto = await runBilint(['docs', '--threads', 'auto', '-f', 'json'], {cwd: tree.root})
    expect(auto.stderr).toBe(one.stderr)
    expect(auto.stdout).toBe(one.stdout)
  })

  it('gives the same report with a cache, filled on threads and reused on one', async () => {
    const plain = await runBilint(['docs', '--threads', '1', '-f', 'json'], {cwd: tree.root})
    const cacheArgs = ['--cache', '--cache-location', 'threads.bilintcache', '-f', 'json']
    const filling = await runBilint(['docs', '--threads', '2', ...cacheArgs], {cwd: tree.root})
    // Every file but the binary one, which cannot be linted, has its result cached.
    const cache = JSON.parse(await readFile(path.join(tree.root, 'threads.bilintcache'), 'utf8')) as {entries: Record<string, unknown>}
    expect(Object.keys(cache.entries)).toHaveLength(48)
    const reusing = await runBilint(['docs', '--threads', '1', ...cacheArgs], {cwd: tree.root})
    const again = await runBilint(['docs', '--threads', '2', ...cacheArgs], {cwd: tree.root})
    for (const run of [filling, reusing, again]) {
      expect(run.code).toBe(plain.code)
      expect(run.stdout).toBe(plain.stdout)
      expect(run.stderr).toBe(plain.stderr)
    }
  })

  it('refuses a bad thread count', async () => {
    const result = await runBilint(['docs', '--threads', '0'], {cwd: tree.root})
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^bilint: --threads takes a whole number from 1 to 256/)
  })
})
