/**
 * `bilint --init`: writes a starter `.bilintrc.json` in the working
 * directory, for the language of the documents found under it. Loaded only
 * when `--init` is given.
 */
import {open, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {CONFIG_FILE_NAMES} from '../config/load-config.js'
import {languageOfCounts} from '../document/language.js'
import type {ScriptCounts} from '../document/types.js'
import {formatOfPath} from '../engine/lint-text.js'
import {discoverFiles} from '../files/discover.js'
import {isHan, isLatinLetter} from '../text/scripts.js'
import {ruleMetas} from '../rule-metas.js'
import {starterConfig, starterConfigText, starterPreset, type StarterLanguage} from '../schema/starter-config.js'
import {decodeText, DecodeError} from '../text/decode.js'
import type {CliIo} from './run.js'

/** The file `--init` writes. */
export const initFileName = '.bilintrc.json'

/** At most this many documents are read to decide the language. */
export const maxSampledFiles = 200

/** At most this many bytes are read from each document. */
export const maxSampledBytes = 64 * 1024

/** What the documents under a folder say about their language. */
export interface DocumentSample {
  /** Documents found (all of them, not only the ones read). */
  found: number
  /** Documents read (at most {@link maxSampledFiles}). */
  read: number
  /** Han characters and Latin letters in their prose (code, front matter, HTML and URLs excluded). */
  counts: ScriptCounts
}

/**
 * Runs `bilint --init` in `io.cwd`.
 *
 * @param io Streams and working directory.
 * @returns 0 when the file was written; 2 when a configuration is already there.
 */
export async function runInit(io: CliIo): Promise<number> {
  const existing = await existingConfigName(io.cwd)
  if (existing !== null) return refuse(io, existing)
  const sample = await sampleDocuments(io.cwd)
  const language = languageOfCounts(sample.counts)
  const text = starterConfigText(starterConfig(language, ruleMetas))
  try {
    // `wx`: never overwrite a file created since the check above.
    await writeFile(path.join(io.cwd, initFileName), text, {flag: 'wx'})
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return refuse(io, initFileName)
    throw error
  }
  io.stdout.write(`${describeWritten(language, sample)}\n`)
  return 0
}

/** Prints the one-line refusal and returns exit code 2. */
function refuse(io: CliIo, existing: string): number {
  io.stderr.write(`bilint: ${existing} already has a bilint configuration in this folder; --init writes one only where there is none\n`)
  return 2
}

/**
 * The name of the configuration already in a folder, if any: a
 * `.bilintrc.json`, `.bilintrc.yaml` or `.bilintrc.yml`, or a package.json
 * with a `bilint` key (which a new `.bilintrc.json` would silently override).
 */
async function existingConfigName(folder: string): Promise<string | null> {
  for (const fileName of CONFIG_FILE_NAMES) {
    let text: string
    try {
      text = await readFile(path.join(folder, fileName), 'utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT' || code === 'ENOTDIR') continue
      // Present but unreadable (a directory, no permission): still something not to overwrite.
      return fileName
    }
    if (fileName !== 'package.json' || hasBilintKey(text)) return fileName
  }
  return null
}

/** Whether a package.json's text has a `bilint` key; a package.json that does not parse has none. */
function hasBilintKey(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''))
    return typeof value === 'object' && value !== null && Object.hasOwn(value, 'bilint')
  } catch {
    return false
  }
}

/**
 * Counts Han characters and Latin letters in the prose of the `.md`,
 * `.markdown` and `.txt` files under a folder (as a directory walk of the
 * lint command finds them, `.bilintignore` respected): the first
 * {@link maxSampledFiles} in path order, the first {@link maxSampledBytes}
 * of each. Files that are not text are skipped.
 *
 * @param folder The folder to look in.
 */
export async function sampleDocuments(folder: string): Promise<DocumentSample> {
  const {files} = await discoverFiles(['.'], {cwd: folder})
  const sampled = files.slice(0, maxSampledFiles)
  const counts: ScriptCounts = {han: 0, latin: 0}
  for (const filePath of sampled) {
    const text = await readHead(filePath)
    if (text !== null) addScriptCounts(proseOf(text, formatOfPath(filePath)), counts)
  }
  return {found: files.length, read: sampled.length, counts}
}

/**
 * A text with what is not prose blanked out, for counting scripts: URLs and,
 * in Markdown, front matter, fenced and inline code, HTML and link targets.
 * A few regular expressions rather than a Markdown parser: parsing 200 files
 * of 64 KB takes seconds, and the count only has to say which script
 * dominates.
 */
function proseOf(text: string, format: 'markdown' | 'text'): string {
  // A line scan rather than regexes over the whole file: linear on any input.
  const kept: string[] = []
  let fence: string | null = null
  let frontMatter = false
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (format === 'markdown') {
      if (index === 0 && (line === '---' || line === '+++')) {
        frontMatter = true
        return
      }
      if (frontMatter) {
        if (line === '---' || line === '+++' || line === '...') frontMatter = false
        return
      }
      const trimmed = line.trimStart()
      if (fence !== null) {
        if (trimmed.startsWith(fence)) fence = null
        return
      }
      if (trimmed.startsWith('```') || trimmed.startsWith('~~~')) {
        fence = trimmed.slice(0, 3)
        return
      }
    }
    kept.push(line)
  })
  // Drop URLs, e-mail addresses and Markdown link targets word by word.
  return kept
    .join('\n')
    .split(/\s+/)
    .filter((word) => !word.includes('://') && !word.includes('@') && !word.startsWith('www.') && !word.includes(']('))
    .join(' ')
}

/** Adds the Han characters and Latin letters of a text to the counts. */
function addScriptCounts(text: string, counts: ScriptCounts): void {
  for (const character of text) {
    const code = character.codePointAt(0)!
    if (isHan(code)) counts.han++
    else if (isLatinLetter(code)) counts.latin++
  }
}

/** The first {@link maxSampledBytes} of a file as text, cut at a character boundary; null when it is not text. */
async function readHead(filePath: string): Promise<string | null> {
  let bytes: Uint8Array
  try {
    const handle = await open(filePath, 'r')
    try {
      const buffer = Buffer.alloc(maxSampledBytes)
      const {bytesRead} = await handle.read(buffer, 0, maxSampledBytes, 0)
      bytes = wholeCharacters(buffer.subarray(0, bytesRead), bytesRead === maxSampledBytes)
    } finally {
      await handle.close()
    }
  } catch {
    return null
  }
  try {
    return decodeText(bytes).text
  } catch (error) {
    if (error instanceof DecodeError) return null
    throw error
  }
}

/**
 * Drops a character cut in two at the end of a truncated read: an odd byte
 * of UTF-16, or the lead and continuation bytes of an incomplete UTF-8
 * sequence.
 */
function wholeCharacters(bytes: Uint8Array, truncated: boolean): Uint8Array {
  if (!truncated) return bytes
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
  if (utf16) return bytes.subarray(0, bytes.length - (bytes.length % 2))
  for (let back = 1; back <= Math.min(4, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!
    if ((byte & 0xc0) === 0x80) continue
    const length = byte < 0x80 ? 1 : byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2
    return length > back ? bytes.subarray(0, bytes.length - back) : bytes
  }
  return bytes
}

/** The line printed after writing: what was written and why. */
function describeWritten(language: StarterLanguage, sample: DocumentSample): string {
  if (language === 'und') {
    return `Wrote ${initFileName} with the recommended rules and no language: no .md, .markdown or .txt document with text was found under this folder`
  }
  const what =
    language === 'zh'
      ? `Chinese documents (language "zh", ${starterPreset(language)} rules: cjk-latin-spacing on)`
      : `English documents (language "en", ${starterPreset(language)} rules)`
  const documents =
    sample.read < sample.found ? `the first ${sample.read} of ${sample.found} documents` : `${sample.found} document${sample.found === 1 ? '' : 's'}`
  return `Wrote ${initFileName} for ${what}: ${documents} under this folder ${sample.read === 1 ? 'has' : 'have'} ${count(sample.counts.han)} Han characters to ${count(sample.counts.latin)} Latin letters`
}

/** A count with thousands separators, independent of locale: `12,345`. */
function count(value: number): string {
  return countFormat.format(value)
}

/** English digit grouping, whatever the machine's locale. */
const countFormat = new Intl.NumberFormat('en-US', {useGrouping: true, maximumFractionDigits: 0})
