/** How formatters print file paths. */

import path from 'node:path'

/**
 * Returns `filePath` relative to `cwd`, with forward slashes. A name that is
 * not absolute (the name given to text read from stdin) is kept as it is,
 * apart from the separators. A file on another Windows drive stays absolute.
 */
export function relativePath(filePath: string, cwd: string): string {
  const nativePath = path.isAbsolute(filePath) ? path.relative(cwd, filePath) : filePath
  return path.sep === '\\' ? nativePath.replaceAll('\\', '/') : nativePath
}
