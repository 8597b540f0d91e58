/**
 * The command line's direct output: every byte reaches the descriptor, a
 * descriptor that would block hands the rest to Node's stream in order, and
 * a reader that has gone is reported once.
 */
import {execFileSync} from 'node:child_process'
import {closeSync, constants, mkdtempSync, openSync, readFileSync, readSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {Writable} from 'node:stream'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {DescriptorOutput, isPipeOrFile} from '../../src/cli/output.js'

let folder: string
const opened: number[] = []

beforeEach(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'bilint-output-'))
})

afterEach(() => {
  for (const fd of opened.splice(0)) closeSync(fd)
  rmSync(folder, {recursive: true, force: true})
})

/** Opens a path and closes it after the test. */
function open(filePath: string, flags: number): number {
  const fd = openSync(filePath, flags)
  opened.push(fd)
  return fd
}

/** A named pipe in the test's folder. */
function makeFifo(): string {
  const fifo = path.join(folder, 'fifo')
  execFileSync('mkfifo', [fifo])
  return fifo
}

/** A stream that keeps what it is given. */
function collector(): Writable & {bytes: () => Buffer} {
  const chunks: Buffer[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk))
      done()
    },
  })
  return Object.assign(stream, {bytes: () => Buffer.concat(chunks)})
}

const unixOnly = process.platform === 'win32' ? it.skip : it

describe('DescriptorOutput', () => {
  it('writes every byte of each text, in order, to a file', () => {
    const file = path.join(folder, 'report.txt')
    const output = new DescriptorOutput(open(file, constants.O_WRONLY | constants.O_CREAT), () => collector(), () => {})
    const texts = ['PM2.5 浓度下降。\n', 'x'.repeat(200_000), '完\n']
    for (const text of texts) expect(output.write(text)).toBe(true)
    expect(readFileSync(file, 'utf8')).toBe(texts.join(''))
    expect(output.isTTY).toBe(false)
  })

  unixOnly('hands the bytes a full non-blocking pipe refuses, and every later text, to the fallback stream', async () => {
    const fifo = makeFifo()
    // Read and write ends on one descriptor: nothing drains the pipe while the test writes.
    const fd = open(fifo, constants.O_RDWR | constants.O_NONBLOCK)
    const fallback = collector()
    let made = 0
    const output = new DescriptorOutput(fd, () => (made++, fallback), () => {})
    const first = '汉'.repeat(100_000)
    output.write(first)
    output.write('and the end\n')
    await new Promise<void>((resolve) => fallback.end(resolve))
    const inPipe: Buffer[] = []
    const buffer = Buffer.alloc(65_536)
    for (;;) {
      let count = 0
      try {
        count = readSync(fd, buffer)
      } catch {
        break
      }
      if (count === 0) break
      inPipe.push(Buffer.from(buffer.subarray(0, count)))
    }
    expect(made).toBe(1)
    expect(Buffer.concat(inPipe).length).toBeGreaterThan(0)
    expect(fallback.bytes().length).toBeGreaterThan(0)
    expect(Buffer.concat([...inPipe, fallback.bytes()]).toString('utf8')).toBe(`${first}and the end\n`)
  })

  unixOnly('reports a reader that has gone, once per write, without throwing', () => {
    const fifo = makeFifo()
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK)
    const writer = open(fifo, constants.O_WRONLY | constants.O_NONBLOCK)
    closeSync(reader)
    let brokenPipes = 0
    const output = new DescriptorOutput(writer, () => collector(), () => brokenPipes++)
    expect(() => output.write('lost\n')).not.toThrow()
    expect(brokenPipes).toBe(1)
  })
})

describe('isPipeOrFile', () => {
  it('is true for a regular file', () => {
    expect(isPipeOrFile(open(path.join(folder, 'out.txt'), constants.O_WRONLY | constants.O_CREAT))).toBe(true)
  })

  unixOnly('is true for a pipe and false for a device', () => {
    expect(isPipeOrFile(open(makeFifo(), constants.O_RDWR | constants.O_NONBLOCK))).toBe(true)
    expect(isPipeOrFile(open('/dev/null', constants.O_WRONLY))).toBe(false)
  })

  it('is false for a descriptor that is not open', () => {
    expect(isPipeOrFile(987_654)).toBe(false)
  })
})
