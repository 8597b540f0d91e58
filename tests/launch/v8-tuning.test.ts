import {spawnSync} from 'node:child_process'
import {describe, expect, it} from 'vitest'
import {shortRunFlags} from '../../src/launch/v8-tuning.js'

/** The flags of a lint run on Node 20's V8. */
const node20Flags =
  '--no-turbo-inlining --no-turbo-loop-peeling --no-turbo-escape --no-turbo-splitting --no-turbo-move-optimization --no-turbo-cf-optimization --no-turbo-allocation-folding'

describe('shortRunFlags', () => {
  const cases: Array<{name: string; argv: string[]; node: string[]; v8?: string; flags: string | null}> = [
    {name: 'a lint run', argv: ['docs/', '--format', 'sarif'], node: [''], flags: node20Flags},
    {name: 'a run with no arguments', argv: [], node: [''], flags: node20Flags},
    {name: 'a run on another V8 than the one measured', argv: ['a.md'], node: [''], v8: '12.4.254.21-node.33', flags: '--no-turbo-inlining'},
    {name: 'the language server', argv: ['--lsp', '--stdio'], node: [''], flags: null},
    {name: 'inlining asked for on Node’s command line', argv: ['a.md'], node: ['--turbo-inlining', ''], flags: null},
    {name: 'inlining turned off in NODE_OPTIONS', argv: ['a.md'], node: ['--max-old-space-size=4096 --no-turbo_inlining'], flags: null},
    {name: 'another Turbofan pass set by the user', argv: ['a.md'], node: ['--turbo-escape', ''], flags: null},
    {name: 'other Node options', argv: ['a.md'], node: ['--enable-source-maps', '--max-old-space-size=4096'], flags: node20Flags},
  ]
  it.each(cases)('$name', ({argv, node, v8 = '11.3.244.8-node.38', flags}) => {
    expect(shortRunFlags(argv, node, v8)).toBe(flags)
  })
})

describe('the flags of this Node', () => {
  it('are all known to its V8: none prints an error', () => {
    const flags = shortRunFlags(['a.md'], [''], process.versions.v8)!
    const run = spawnSync(process.execPath, ['-e', `require('node:v8').setFlagsFromString(${JSON.stringify(flags)})`], {encoding: 'utf8'})
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
  })
})
