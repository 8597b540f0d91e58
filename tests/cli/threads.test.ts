/**
 * `--threads`: linting on worker threads gives exactly the results of one
 * thread, in the same order.
 */
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
    expect(JSON.parse(two.stdout)).toEqual(JSON.parse(one.stdout))
    expect(JSON.parse(one.stdout)).toHaveLength(49)
    expect(two.stderr).toBe(one.stderr)
  })

  it('refuses a bad thread count', async () => {
    const result = await runBilint(['docs', '--threads', '0'], {cwd: tree.root})
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^bilint: --threads takes a whole number from 1 to 256/)
  })
})
