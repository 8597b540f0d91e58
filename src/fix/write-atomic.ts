/**
 * Writes a file atomically: a temporary file in the same folder, then a
 * rename, keeping the original's mode. A symbolic link is followed and its
 * target is written.
 */
import {chmod, realpath, rename, stat, unlink, writeFile} from 'node:fs/promises'
import path from 'node:path'

/** Why a file could not be written, in one line. */
export class WriteError extends Error {}

/**
 * Replaces a file's content atomically.
 * @param filePath The file (a link is resolved to its target).
 * @param bytes The new content.
 * @throws {WriteError} When the file vanished, is read-only, or the folder is not writable.
 */
export async function writeFileAtomic(filePath: string, bytes: Uint8Array): Promise<void> {
  let target: string
  let mode: number
  try {
    target = await realpath(filePath)
    const stats = await stat(target)
    mode = stats.mode & 0o7777
    // Respect a read-only file even when the folder (or root) would allow a rename over it.
    if ((mode & 0o222) === 0) throw Object.assign(new Error('read-only'), {code: 'EACCES'})
  } catch (error) {
    throw new WriteError(describe(error, 'cannot write fixes'))
  }
  // Loaded here: a run that writes no fixes never loads node:crypto (a few milliseconds).
  const {randomBytes} = await import('node:crypto')
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.bilint-tmp`)
  try {
    await writeFile(temporary, bytes, {flag: 'wx', mode})
    await chmod(temporary, mode)
    await rename(temporary, target)
  } catch (error) {
    await unlink(temporary).catch(() => undefined)
    throw new WriteError(describe(error, 'cannot write fixes'))
  }
}

function describe(error: unknown, action: string): string {
  const code = (error as NodeJS.ErrnoException).code
  const reason = code === 'ENOENT' ? 'the file vanished' : code === 'EACCES' || code === 'EPERM' ? 'the file is read-only' : code ?? (error as Error).message
  return `${action}: ${reason}`
}
