/**
 * Options of the programmatic API ({@link lintText} and {@link lintFiles}
 * in `lint-files.ts`), kept apart so that modules needing only their shape
 * load nothing else.
 */
import type {PresetName} from '../config/presets.js'
import type {CliRuleOverride} from '../config/resolve.js'
import type {Shard} from '../files/shard.js'
import type {FixLevel} from '../fix/fix-loop.js'
import type {BilintConfig} from '../types.js'

/** Options shared by `lintText` and `lintFiles`. */
export interface LintOptions {
  /** Preset the configuration builds on (default `recommended`). */
  preset?: PresetName
  /** `--rule id:severity` overrides, applied last. */
  rules?: CliRuleOverride[]
  /** Forces the document language (default: configuration, then detection). */
  language?: 'en' | 'zh'
  /** Keep each file's text in its result, for reporters that show it (default false). */
  keepSource?: boolean
  /** Apply fixes: `safe` ones, or `unsafe` ones too (default: none). Files are written unless `fixDryRun`. */
  fix?: FixLevel | false
}

/** Options of `lintText`. */
export interface LintTextOptions extends LintOptions {
  /** Path or name of the text: decides Markdown or plain text, and is reported (default `<text>`). */
  filePath?: string
  /** Configuration object, validated before use (default: none, the preset alone). */
  config?: BilintConfig | null
  /** Project words besides the configuration's `words` (default none). */
  projectWords?: readonly string[]
}

/** Options of `lintFiles`. */
export interface LintFilesOptions extends LintOptions {
  /** Directory relative paths are resolved against (default `process.cwd()`). */
  cwd?: string
  /** One configuration file for every file, instead of looking for one (`--config`). */
  configFile?: string
  /** Look for configuration files (default true; `--no-config` sets false). */
  useConfigFiles?: boolean
  /** Compute fixes (`output`) but write nothing (default false). */
  fixDryRun?: boolean
  /** Files larger than this many bytes are refused with one message (default {@link defaultMaxFileSize}). */
  maxFileSize?: number
  /** Reuse the results of unchanged files from a cache file (default false). */
  cache?: boolean
  /** The cache file (default `.bilintcache` in `cwd`). */
  cacheLocation?: string
  /** Lint only this shard of the files (default: all). */
  shard?: Shard
  /**
   * Threads to lint on, this one and `threads - 1` workers (default 1: this
   * thread only); `'auto'`: one per core, as many as the files are worth
   * (see `threadsFor`). Small runs stay in this thread.
   */
  threads?: number | 'auto'
}

/** Default largest file linted: 20 MB, far more than any prose document. */
export const defaultMaxFileSize = 20_000_000
