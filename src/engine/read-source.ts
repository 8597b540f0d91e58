/**
 * Reads the bytes of a file to lint, refusing what must not be read: pipes,
 * devices and directories (they have no size and may never end), and files
 * over the size limit. Reading is synchronous: files are read one at a time
 * in any case, and a blocking read of a small file costs a fraction of the
 * round trips through the thread pool that an asynchronous one takes.
 */
import {readFileSync, statSync} from 'node:fs'

/** A file's bytes, or why it is not read: the text of its one fatal message. */
export type SourceBytes = {bytes: Uint8Array; refusal?: undefined} | {bytes?: undefined; refusal: string}

/**
 * Reads a regular file no larger than a limit.
 * @param filePath Absolute path.
 * @param maxFileSize Largest size read, in bytes.
 */
export function readSourceBytes(filePath: string, maxFileSize: number): SourceBytes {
  try {
    const stats = statSync(filePath)
    if (!stats.isFile()) return {refusal: 'Cannot lint: not a regular file'}
    if (stats.size > maxFileSize) {
      return {refusal: `File too large (${formatBytes(stats.size)}; the limit is ${formatBytes(maxFileSize)}, raise it with --max-file-size)`}
    }
    return {bytes: readFileSync(filePath)}
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return {refusal: `Cannot read file (${code ?? (error as Error).message})`}
  }
}

/** A byte count for messages: `20 MB`, `512 KB`. */
function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${Number((bytes / 1_000_000).toFixed(1))} MB`
  if (bytes >= 1000) return `${Number((bytes / 1000).toFixed(1))} KB`
  return `${bytes} bytes`
}
