/**
 * The error raised for anything wrong with configuration: a file that cannot
 * be read or parsed, a value that fails validation, a bad `--rule` argument.
 */

import path from 'node:path'

/**
 * A configuration problem, reported as one line naming the file and the key,
 * e.g. `.bilintrc.json: rules.mixed-language[1].minRunLength: must be integer`.
 *
 * The CLI prints `message` and exits with status 2.
 */
export class ConfigError extends Error {
  /** The configuration file at fault as given (usually absolute), or a pseudo-source such as `--rule`. */
  readonly filePath: string
  /** The offending key as a path into the configuration (`rules.x[1].y`); absent when the whole file is at fault. */
  readonly key: string | undefined
  /** What is wrong, without the file and key prefix. */
  readonly detail: string

  /**
   * @param filePath The configuration file (or pseudo-source such as `--rule`).
   * @param key The offending key, or `undefined` when the problem concerns the whole file.
   * @param detail What is wrong; line breaks are folded so the message stays on one line.
   * @param options Standard error options, e.g. `{cause}` for the underlying parser error.
   */
  constructor(filePath: string, key: string | undefined, detail: string, options?: ErrorOptions) {
    const oneLineDetail = foldToOneLine(detail)
    const prefix = key === undefined ? displayPath(filePath) : `${displayPath(filePath)}: ${key}`
    super(`${prefix}: ${oneLineDetail}`, options)
    this.name = 'ConfigError'
    this.filePath = filePath
    this.key = key
    this.detail = oneLineDetail
  }
}

/** Collapses every run of whitespace containing a line break into one space and trims the ends. */
function foldToOneLine(text: string): string {
  // Split and trim rather than one regex: `\s*` around line breaks backtracks on long runs of spaces.
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ')
}

/**
 * Shortens an absolute path under the working directory to a relative one, so
 * messages read `docs/.bilintrc.json: ...`; other paths are shown as given.
 */
function displayPath(filePath: string): string {
  if (!path.isAbsolute(filePath)) return filePath
  const relativePath = path.relative(process.cwd(), filePath)
  const isInsideCwd =
    relativePath !== '' &&
    relativePath !== '..' &&
    !relativePath.startsWith(`..${path.sep}`) &&
    !path.isAbsolute(relativePath)
  return isInsideCwd ? relativePath : filePath
}
