import {describe, expect, it} from 'vitest'
import {autoFilesPerThread, minFilesPerThread, threadsFor} from '../../src/engine/lint-files.js'

describe('threadsFor', () => {
  const cases: Array<{files: number; threads: number | 'auto'; cores: number; expected: number}> = [
    // Asked for: that many threads, each with at least minFilesPerThread files.
    {files: 48, threads: 2, cores: 2, expected: 2},
    {files: 31, threads: 2, cores: 2, expected: 0},
    {files: 1000, threads: 4, cores: 2, expected: 4},
    {files: 40, threads: 4, cores: 8, expected: 2},
    {files: 1000, threads: 1, cores: 8, expected: 0},
    // Auto: one per core, each with at least autoFilesPerThread files.
    {files: 500, threads: 'auto', cores: 2, expected: 0},
    {files: 768, threads: 'auto', cores: 2, expected: 2},
    {files: 1000, threads: 'auto', cores: 2, expected: 2},
    {files: 100_000, threads: 'auto', cores: 8, expected: 8},
    {files: 1200, threads: 'auto', cores: 8, expected: 3},
    {files: 100_000, threads: 'auto', cores: 1, expected: 0},
  ]
  it.each(cases)('$files files, threads $threads, $cores cores: $expected', ({files, threads, cores, expected}) => {
    expect(threadsFor(files, threads, cores)).toBe(expected)
  })

  it('asks more of each thread when bilint chooses than when the user does', () => {
    expect(autoFilesPerThread).toBeGreaterThan(minFilesPerThread)
  })
})
