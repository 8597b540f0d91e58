import {createTwoFilesPatch} from 'diff'
import {describe, expect, it} from 'vitest'
import {lineAlignedDiff} from '../../src/fix/unified-diff.js'

describe('lineAlignedDiff', () => {
  it('matches jsdiff on texts with the same lines', () => {
    const before = Array.from({length: 30}, (_, index) => `line ${index} PM2.5Caused`).join('\n') + '\n'
    const after = before.replace('line 3 PM2.5Caused', 'line 3 PM2.5 caused').replace('line 5 PM2.5Caused', 'line 5 PM2.5 caused').replace('line 25 PM2.5Caused', 'line 25 PM2.5 caused')
    const expected = createTwoFilesPatch('a/x.md', 'b/x.md', before, after, undefined, undefined, {context: 3}).replace(/^(?:Index: [^\n]*\n)?=+\n/, '')
    expect(lineAlignedDiff('a/x.md', 'b/x.md', before, after)).toBe(expected)
  })

  it('marks a missing final newline and keeps CRLF out of the lines', () => {
    expect(lineAlignedDiff('a', 'b', 'x NOX\r\ny', 'x NOx\r\ny')).toBe('--- a\n+++ b\n@@ -1,2 +1,2 @@\n-x NOX\n+x NOx\n y\n\\ No newline at end of file\n')
  })

  it('gives up on texts whose line counts differ', () => {
    expect(lineAlignedDiff('a', 'b', 'one\n', 'one\ntwo\n')).toBeNull()
  })
})
