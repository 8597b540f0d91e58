/**
 * Where each file's configuration comes from: `--config`, the nearest
 * configuration file, or none; with the project words beside it.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {ConfigError} from '../config/errors.js'
import {ConfigFinder, loadConfigFile} from '../config/load-config.js'
import {validateConfig} from '../config/validate.js'
import {parseWordList} from '../dictionaries.js'
import {ruleMetas} from '../rule-metas.js'
import type {BilintConfig} from '../types.js'
import type {LintFilesOptions} from './options.js'

/** The configuration that applies to a file, with its project words. */
export interface FileConfig {
  /** The validated configuration, or null when there is none. */
  config: BilintConfig | null
  /** The file it came from. */
  configPath: string | null
  /** The configuration's `words` plus the entries of `.bilint-words.txt` beside it. */
  words: readonly string[]
}

/** Name of the project word list read beside a configuration file. */
export const projectWordsFileName = '.bilint-words.txt'

/** Reads `.bilint-words.txt` beside a configuration file; empty when there is none. */
async function readProjectWords(configPath: string | null): Promise<string[]> {
  if (!configPath) return []
  try {
    return parseWordList(readFileSync(path.join(path.dirname(configPath), projectWordsFileName), 'utf8'))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw new ConfigError(path.join(path.dirname(configPath), projectWordsFileName), undefined, `cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }
}

/** The configuration of files that have none: one object, so that everything cached per configuration is shared. */
const noFileConfig: FileConfig = Object.freeze({config: null, configPath: null, words: Object.freeze([])})

/** Where each file's configuration comes from: `--config`, a config file found, or none. */
export class ConfigSource {
  private readonly finder: ConfigFinder | null
  private fixed: Promise<FileConfig> | null = null
  private readonly wordsByConfig = new Map<string, Promise<FileConfig>>()

  /**
   * @param cwd Working directory.
   * @param options Whether and where to look.
   */
  constructor(
    /** Working directory. */
    readonly cwd: string,
    private readonly options: Pick<LintFilesOptions, 'configFile' | 'useConfigFiles'>,
  ) {
    this.finder = options.useConfigFiles === false || options.configFile ? null : new ConfigFinder({cwd, rules: ruleMetas})
  }

  /**
   * The configuration for a file.
   * @param filePath Absolute path (or stdin name).
   * @throws {ConfigError} When the configuration is invalid.
   */
  async forFile(filePath: string): Promise<FileConfig> {
    if (this.options.configFile) {
      const configPath = path.resolve(this.cwd, this.options.configFile)
      this.fixed ??= loadConfigFile(configPath).then(async (config) => {
        const validated = await validateConfig(config, configPath, ruleMetas)
        return {config: validated, configPath, words: [...(validated.words ?? []), ...(await readProjectWords(configPath))]}
      })
      return this.fixed
    }
    if (!this.finder) return noFileConfig
    const found = await this.finder.find(filePath)
    if (!found) return noFileConfig
    let withWords = this.wordsByConfig.get(found.configPath)
    if (!withWords) {
      withWords = readProjectWords(found.configPath).then((words) => ({...found, words: [...(found.config.words ?? []), ...words]}))
      this.wordsByConfig.set(found.configPath, withWords)
    }
    return withWords
  }
}
