/**
 * Writes a file atomically: a temporary file in the same folder, then a
 * rename, keeping the original's mode. A symbolic link is followed and its
 * target is written.
 */
// `promises` is read where it is used: the bundled command line loads Node's promise-based file code only for a run that needs it.
import {promises as fs} from 'node:fs'
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
    target = await fs.realpath(filePath)
    const stats = await fs.stat(target)
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
    await fs.writeFile(temporary, bytes, {flag: 'wx', mode})
    await fs.chmod(temporary, mode)
    await fs.rename(temporary, target)
  } catch (error) {
    await fs.unlink(temporary).catch(() => undefined)
    throw new WriteError(describe(error, 'cannot write fixes'))
  }
}

function describe(error: unknown, action: string): string {
  const code = (error as NodeJS.ErrnoException).code
  const reason = code === 'ENOENT' ? 'the file vanished' : code === 'EACCES' || code === 'EPERM' ? 'the file is read-only' : code ?? (error as Error).message
  return `${action}: ${reason}`
}
