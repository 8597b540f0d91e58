import {describe, expect, it} from 'vitest'
import {shortRunFlags} from '../../src/launch/v8-tuning.js'

describe('shortRunFlags', () => {
  const cases: Array<{name: string; argv: string[]; node: string[]; flags: string | null}> = [
    {name: 'a lint run', argv: ['docs/', '--format', 'sarif'], node: [''], flags: '--no-turbo-inlining'},
    {name: 'a run with no arguments', argv: [], node: [''], flags: '--no-turbo-inlining'},
    {name: 'the language server', argv: ['--lsp', '--stdio'], node: [''], flags: null},
    {name: 'inlining asked for on Node’s command line', argv: ['a.md'], node: ['--turbo-inlining', ''], flags: null},
    {name: 'inlining turned off in NODE_OPTIONS', argv: ['a.md'], node: ['--max-old-space-size=4096 --no-turbo_inlining'], flags: null},
    {name: 'other Node options', argv: ['a.md'], node: ['--enable-source-maps', '--max-old-space-size=4096'], flags: '--no-turbo-inlining'},
  ]
  it.each(cases)('$name', ({argv, node, flags}) => {
    expect(shortRunFlags(argv, node)).toBe(flags)
  })
})
