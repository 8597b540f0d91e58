/**
 * Linting one file of a `lintFiles` run: the document, the fix passes and
 * the writing of fixed files. Loaded only when some file is not settled by
 * {@link prepareFile} (cache hits, ignored and unreadable files are).
 */
import {fixText} from '../fix/fix-loop.js'
import {WriteError, writeFileAtomic} from '../fix/write-atomic.js'
import {encodeText, type DecodedText} from '../text/decode.js'
import type {LintResult} from '../types.js'
import {noteLinted} from './cache-flush.js'
import type {LintRun} from './lint-run.js'
import {fatalResult, formatOfPath, lintDocument, toResult} from './lint-text.js'
import type {LintFilesOptions} from './options.js'
import {prepareFile, type FileToLint} from './prepare-file.js'

/**
 * Lints a prepared file, applies and writes fixes when asked, and caches
 * the result when the run has a cache.
 * @param file The file and its settings, from {@link prepareFile}.
 * @param run The run.
 */
export async function lintPrepared(file: FileToLint, run: LintRun): Promise<LintResult> {
  const {filePath, decoded, rules, language, cacheKey} = file
  const format = formatOfPath(filePath)
  const lintOnce = (text: string): Promise<LintResult> =>
    lintDocument(text, rules, {filePath, format, language, keepSource: run.options.keepSource, projectWords: file.found.words})
  const result = await lintAndFix(filePath, decoded, lintOnce, run.options)
  noteLinted()
  if (run.cache && cacheKey && result.output === undefined) run.cache.set(filePath, cacheKey.contentHash, cacheKey.settingsKey, result)
  return result
}

/**
 * Reads, decodes, lints (from the cache when it can) and fixes one file.
 * @param filePath Absolute path.
 * @param run The run.
 * @returns Its result, or null when its configuration ignores it.
 */
export async function lintFile(filePath: string, run: LintRun): Promise<LintResult | null> {
  const prepared = await prepareFile(filePath, run)
  return prepared.toLint ? lintPrepared(prepared.toLint, run) : prepared.settled
}

/** Lints a decoded file, applying and writing fixes when asked. */
async function lintAndFix(
  filePath: string,
  decoded: DecodedText,
  lintOnce: (text: string) => Promise<LintResult>,
  options: LintFilesOptions,
): Promise<LintResult> {
  if (!options.fix) return lintOnce(decoded.text)
  const outcome = await fixText(decoded.text, lintOnce, options.fix)
  if (outcome.output === decoded.text) return outcome.result
  const result: LintResult = {...outcome.result, output: outcome.output}
  if (options.fixDryRun) return result
  try {
    await writeFileAtomic(filePath, encodeText(outcome.output, decoded))
  } catch (error) {
    if (!(error instanceof WriteError)) throw error
    const failed = fatalResult(filePath, `Cannot write fixes: ${error.message.replace(/^cannot write fixes: /, '')}`)
    return toResult(filePath, [...failed.messages, ...result.messages])
  }
  return result
}
