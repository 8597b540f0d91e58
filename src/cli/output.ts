/**
 * Where the command line writes its reports and messages. Node's
 * `process.stdout` and `process.stderr` are streams whose creation loads the
 * stream and socket code (about 8 ms of a run over one small file); when
 * the output is a pipe, a socket or a file, bilint writes to the file
 * descriptor directly instead. A terminal keeps Node's stream (it knows its
 * colours), and so does output that would block: a descriptor its owner made
 * non-blocking hands the rest of the writing to the stream, in order.
 */
import {EventEmitter} from 'node:events'
import {fstatSync, writeSync} from 'node:fs'
import type {Writable} from 'node:stream'

/** Something the command line writes text to: a stream, or a {@link DescriptorOutput}. */
export interface CliOutput {
  /**
   * Writes text.
   * @returns False when the caller should wait for `drain` before writing more.
   */
  write(text: string): boolean
  /** Whether the output is a terminal (for colours). */
  readonly isTTY?: boolean
  /** Adds a listener that runs once: `drain` after a write returned false. */
  once(event: 'drain', listener: () => void): unknown
}

/**
 * Writes to a file descriptor synchronously. A write that would block
 * (`EAGAIN`) hands the unwritten bytes, and every later write, to the stream
 * `fallback` makes; a closed reader (`EPIPE`) calls `onBrokenPipe`.
 */
export class DescriptorOutput extends EventEmitter implements CliOutput {
  /** Not a terminal: terminals keep Node's stream (see {@link standardOutput}). */
  readonly isTTY = false
  private stream: Writable | undefined

  /**
   * @param fd The descriptor.
   * @param fallback Makes the stream that takes over after `EAGAIN`.
   * @param onBrokenPipe Called when the reader has gone.
   */
  constructor(
    private readonly fd: number,
    private readonly fallback: () => Writable,
    private readonly onBrokenPipe: () => void,
  ) {
    super()
  }

  write(text: string): boolean {
    if (this.stream) return this.stream.write(text)
    let bytes: Buffer | undefined
    let written = 0
    try {
      // Node encodes the text as it writes it; only a partial write needs the bytes in hand.
      written = writeSync(this.fd, text)
      if (written === Buffer.byteLength(text)) return true
      bytes = Buffer.from(text)
      while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'EAGAIN') return this.handOver((bytes ?? Buffer.from(text)).subarray(written))
      if (code !== 'EPIPE') throw error
      this.onBrokenPipe()
    }
    return true
  }

  /** Sends the rest through the fallback stream from now on, relaying its `drain`. */
  private handOver(rest: Uint8Array): boolean {
    const stream = (this.stream = this.fallback())
    watchForBrokenPipe(stream, this.onBrokenPipe)
    stream.on('drain', () => this.emit('drain'))
    return stream.write(rest)
  }
}

/**
 * Whether a descriptor is a pipe, a socket or a regular file: output that a
 * synchronous write serves (a terminal or another device is left to Node).
 * @param fd The descriptor.
 */
export function isPipeOrFile(fd: number): boolean {
  try {
    const stats = fstatSync(fd)
    return stats.isFIFO() || stats.isSocket() || stats.isFile()
  } catch {
    return false
  }
}

/**
 * Standard output or standard error for the command line: a
 * {@link DescriptorOutput} on a pipe, socket or file, otherwise Node's stream
 * (made here).
 * @param fd 1 or 2.
 * @param stream Makes Node's stream for the descriptor (`process.stdout`).
 * @param onBrokenPipe Called when the reader has gone.
 */
export function standardOutput(fd: 1 | 2, stream: () => Writable & {isTTY?: boolean}, onBrokenPipe: () => void): CliOutput {
  if (isPipeOrFile(fd)) return new DescriptorOutput(fd, stream, onBrokenPipe)
  const made = stream()
  watchForBrokenPipe(made, onBrokenPipe)
  return made
}

/** Calls `onBrokenPipe` when a stream's reader has gone (`bilint … | head`); other errors are thrown. */
function watchForBrokenPipe(stream: Writable, onBrokenPipe: () => void): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') onBrokenPipe()
    else throw error
  })
}
