/**
 * Turning command-line patterns (files, directories, globs) into the list of
 * files to lint.
 */

import {readdirSync, readFileSync, realpathSync, statSync, type Dirent, type Stats} from 'node:fs'
import path from 'node:path'
import {ConfigError} from '../config/errors.js'

/** Extensions (lower case) of the files taken from a directory walk. */
export const LINTABLE_EXTENSIONS: readonly string[] = ['.md', '.markdown', '.txt']

/** Directory names never entered: dependencies and version-control metadata. */
export const SKIPPED_DIRECTORY_NAMES: readonly string[] = [
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  '.bzr',
  '_darcs',
  '.jj',
  '.pijul',
  'CVS',
]

/** Characters that make a pattern a glob. */
const GLOB_CHARACTERS = /[*?[\]{}]/

/** Options of {@link discoverFiles}. */
export interface DiscoverOptions {
  /** Directory that relative patterns, the ignore file and ignore patterns are relative to. */
  cwd: string
  /** Name of the gitignore-syntax file read from `cwd`. Default: `'.bilintignore'`. */
  ignoreFileName?: string
  /** More gitignore-syntax patterns, relative to `cwd`, applied with the ignore file's. Default: none. */
  extraIgnorePatterns?: readonly string[]
}

/** What the patterns turned into. */
export interface DiscoveredFiles {
  /** Files to lint: absolute paths, each file once, sorted by path. */
  files: string[]
  /** Patterns that name no existing file or directory and match nothing, in the order given. */
  missing: string[]
  /**
   * Explicitly named files and directories that were skipped because they are
   * ignored, absolute and sorted, so the CLI can say so (as ESLint warns
   * "File ignored because of a matching ignore pattern") or stay silent.
   */
  ignored: string[]
}

/** Whether a path (absolute) is excluded by the ignore rules. */
type IgnoreTest = (absolutePath: string, isDirectory: boolean) => boolean

/** State shared by the expansion of every pattern in one call. */
interface DiscoveryRun {
  /** The resolved working directory. */
  cwd: string
  /** The ignore rules. */
  isIgnored: IgnoreTest
  /** Files found so far. */
  found: Set<string>
  /** Real paths of the directories already walked, so symlink loops end. */
  walkedDirectories: Set<string>
  /** Real paths of the files found by walking (a file that is not a link lies in its directory's real path). */
  realPaths: Map<string, string>
}

/**
 * Expands command-line patterns into the files to lint, the way ESLint does.
 *
 * - An existing file is taken whatever its extension, unless it is ignored:
 *   like ESLint, an explicitly named file that matches the ignore rules (or
 *   lies in `node_modules` or a version-control directory under `cwd`) is not
 *   linted. It is listed in `ignored` rather than `missing`, so a pre-commit
 *   hook passing every staged file does not fail on ignored ones. The same
 *   holds for an explicitly named directory that is ignored.
 * - A directory is walked recursively for `.md`, `.markdown` and `.txt` files
 *   (any case), skipping {@link SKIPPED_DIRECTORY_NAMES} and whatever the
 *   ignore rules exclude. Directory symlinks are followed after the real
 *   directories, and a directory whose real path was already walked is not
 *   walked again, so symlink loops end and a directory linked inside the tree
 *   is listed under its real name; broken symlinks are skipped.
 * - A glob (a pattern containing any of `*?[]{}` that does not name an
 *   existing path) is expanded with tinyglobby relative to `cwd`, without
 *   dotfiles and without `node_modules` or version-control directories. Every
 *   matching file is taken whatever its extension (the pattern says what is
 *   wanted), then filtered through the ignore rules; ignored matches are
 *   dropped silently.
 * - Anything else, and a glob matching no file at all, is reported in `missing`.
 *
 * The ignore rules are the gitignore-syntax file `ignoreFileName` in `cwd`
 * (only that one: nested ignore files are not read) plus
 * `extraIgnorePatterns`, all relative to `cwd`; they do not apply to paths
 * outside `cwd`.
 *
 * The same file reached under several names (named twice, through a symlinked
 * directory or a file symlink) is listed once, under the name with the fewest
 * path segments, ties broken by code-unit order, so `--fix` never edits one
 * file twice.
 *
 * @param patterns File paths, directory paths or globs, as given on the command line.
 * @param options See {@link DiscoverOptions}.
 * @returns The files to lint, the patterns that matched nothing and the explicitly named paths that are ignored.
 * @throws {ConfigError} When the ignore file exists but cannot be read.
 */
export async function discoverFiles(patterns: readonly string[], options: DiscoverOptions): Promise<DiscoveredFiles> {
  const cwd = path.resolve(options.cwd)
  const isIgnored = await loadIgnoreTest(cwd, options.ignoreFileName ?? '.bilintignore', options.extraIgnorePatterns ?? [])
  const run: DiscoveryRun = {cwd, isIgnored, found: new Set(), walkedDirectories: new Set(), realPaths: new Map()}
  const missing: string[] = []
  const ignored = new Set<string>()

  for (const pattern of new Set(patterns)) {
    const absolutePath = path.resolve(cwd, pattern)
    const stats = statOrUndefined(absolutePath)
    if (stats !== undefined) {
      const isDirectory = stats.isDirectory()
      if (isExplicitPathIgnored(run, absolutePath, isDirectory)) ignored.add(absolutePath)
      else if (isDirectory) walkTree(run, absolutePath)
      else run.found.add(absolutePath)
    } else if (GLOB_CHARACTERS.test(pattern)) {
      const matches = await expandGlob(pattern, cwd)
      if (matches.length === 0) missing.push(pattern)
      for (const match of matches) if (!isIgnored(match, false)) run.found.add(match)
    } else {
      missing.push(pattern)
    }
  }

  return {
    files: keepOneNamePerFile([...run.found], run.realPaths),
    missing,
    ignored: [...ignored].sort(compareCodeUnits),
  }
}

/** Reads the ignore file and extra patterns into a test; no patterns means nothing is ignored. */
async function loadIgnoreTest(
  cwd: string,
  ignoreFileName: string,
  extraIgnorePatterns: readonly string[],
): Promise<IgnoreTest> {
  const ignoreFilePath = path.resolve(cwd, ignoreFileName)
  const ignoreFileText = readIgnoreFile(ignoreFilePath)
  const hasRules = ignoreFileText.trim() !== '' || extraIgnorePatterns.length > 0
  if (!hasRules) return () => false
  const {default: createIgnore} = await import('ignore')
  const rules = createIgnore().add(ignoreFileText).add(extraIgnorePatterns)
  return (absolutePath, isDirectory) => {
    const relativePath = relativeInside(cwd, absolutePath)
    if (relativePath === undefined) return false
    return rules.ignores(isDirectory ? `${relativePath}/` : relativePath)
  }
}

/** The ignore file's text without a BOM; an absent file reads as empty. */
function readIgnoreFile(ignoreFilePath: string): string {
  try {
    const text = readFileSync(ignoreFilePath, 'utf8')
    return text.startsWith('\uFEFF') ? text.slice(1) : text
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ''
    const message = error instanceof Error ? error.message : String(error)
    throw new ConfigError(ignoreFilePath, undefined, `cannot read ignore file: ${message}`, {cause: error})
  }
}

/** Whether an explicitly named path is ignored, by the ignore rules or by lying in a skipped directory under `cwd`. */
function isExplicitPathIgnored(run: DiscoveryRun, absolutePath: string, isDirectory: boolean): boolean {
  const relativePath = relativeInside(run.cwd, absolutePath)
  if (relativePath === undefined) return false
  const segments = relativePath.split('/')
  const directorySegments = isDirectory ? segments : segments.slice(0, -1)
  if (directorySegments.some((segment) => SKIPPED_DIRECTORY_NAMES.includes(segment))) return true
  return run.isIgnored(absolutePath, isDirectory)
}

/**
 * Walks a directory tree in name order, collecting lintable files. Directory
 * symlinks are walked after every real directory of the tree, so a directory
 * both present and linked inside the tree is listed under its own path. The
 * walk is synchronous: a directory's listing is one short system call, and
 * waiting for it on the thread pool costs more than making it.
 */
function walkTree(run: DiscoveryRun, root: string): void {
  const linkedDirectories = [root]
  for (let next = linkedDirectories.shift(); next !== undefined; next = linkedDirectories.shift()) {
    walkDirectory(run, next, linkedDirectories)
  }
}

/** Walks one directory and its real subdirectories; symlinked subdirectories are queued in `linkedDirectories`. */
function walkDirectory(run: DiscoveryRun, directory: string, linkedDirectories: string[]): void {
  let realDirectory: string
  try {
    realDirectory = realpathSync.native(directory)
  } catch {
    return
  }
  if (run.walkedDirectories.has(realDirectory)) return
  run.walkedDirectories.add(realDirectory)

  let entries: Dirent[]
  try {
    entries = readdirSync(directory, {withFileTypes: true})
  } catch {
    return
  }
  entries.sort((left, right) => compareCodeUnits(left.name, right.name))
  for (const entry of entries) {
    const entryPath = childPath(directory, entry.name)
    const kind = entryKind(entry, entryPath)
    if (kind === 'directory') {
      if (SKIPPED_DIRECTORY_NAMES.includes(entry.name) || run.isIgnored(entryPath, true)) continue
      if (entry.isSymbolicLink()) linkedDirectories.push(entryPath)
      else walkDirectory(run, entryPath, linkedDirectories)
    } else if (kind === 'file') {
      if (!isLintableFileName(entry.name) || run.isIgnored(entryPath, false)) continue
      run.found.add(entryPath)
      if (!entry.isSymbolicLink()) run.realPaths.set(entryPath, childPath(realDirectory, entry.name))
    }
  }
}

/**
 * The path of an entry read from a directory: the directory's path (already
 * normalised, as every path of the walk is) and the entry's name, which holds
 * no separator. `path.join` would normalise both again for every file.
 */
function childPath(directory: string, name: string): string {
  return directory.endsWith(path.sep) ? directory + name : directory + path.sep + name
}

/** Whether a directory entry is a file or a directory, following symlinks; broken links and specials are `'other'`. */
function entryKind(entry: Dirent, entryPath: string): 'file' | 'directory' | 'other' {
  if (entry.isSymbolicLink()) {
    let stats: Stats
    try {
      stats = statSync(entryPath)
    } catch {
      return 'other'
    }
    return stats.isDirectory() ? 'directory' : stats.isFile() ? 'file' : 'other'
  }
  return entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : 'other'
}

/** Whether a file name has one of the {@link LINTABLE_EXTENSIONS}. */
function isLintableFileName(fileName: string): boolean {
  return LINTABLE_EXTENSIONS.includes(path.extname(fileName).toLowerCase())
}

/** Expands a glob relative to `cwd` into absolute file paths. */
async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const {glob} = await import('tinyglobby')
  const matches = await glob(pattern, {
    cwd,
    absolute: true,
    expandDirectories: false,
    dot: false,
    onlyFiles: true,
    ignore: SKIPPED_DIRECTORY_NAMES.map((name) => `**/${name}/**`),
  })
  return matches.map((match) => path.resolve(match))
}

/**
 * Removes the extra names of files found more than once under different
 * names, and sorts by path.
 * @param filePaths The files found.
 * @param knownRealPaths Real paths already known, by file; the others are asked of the file system.
 */
function keepOneNamePerFile(filePaths: readonly string[], knownRealPaths: ReadonlyMap<string, string>): string[] {
  const realPaths = filePaths.map((filePath) => knownRealPaths.get(filePath) ?? realpathOrUndefined(filePath) ?? filePath)
  const chosenByRealPath = new Map<string, string>()
  filePaths.forEach((filePath, index) => {
    const realPath = realPaths[index] ?? filePath
    const chosen = chosenByRealPath.get(realPath)
    if (chosen === undefined || comparePreferredName(filePath, chosen) < 0) chosenByRealPath.set(realPath, filePath)
  })
  return [...chosenByRealPath.values()].sort(compareCodeUnits)
}

/** Orders names of one file: fewer path segments first, then code-unit order. */
function comparePreferredName(left: string, right: string): number {
  const segmentDifference = left.split(path.sep).length - right.split(path.sep).length
  return segmentDifference !== 0 ? segmentDifference : compareCodeUnits(left, right)
}

/** The path relative to `cwd` with `/` separators, or `undefined` for `cwd` itself and paths outside it. */
function relativeInside(cwd: string, absolutePath: string): string | undefined {
  const relativePath = path.relative(cwd, absolutePath)
  if (relativePath === '' || path.isAbsolute(relativePath)) return undefined
  if (relativePath === '..' || relativePath.startsWith(`..${path.sep}`)) return undefined
  return relativePath.split(path.sep).join('/')
}

/** Compares strings by UTF-16 code units, independent of locale. */
function compareCodeUnits(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0
}

/** `fs.stat`, following symlinks, or `undefined` when the path does not resolve. */
function statOrUndefined(filePath: string): Stats | undefined {
  try {
    return statSync(filePath)
  } catch {
    return undefined
  }
}

/** `fs.realpath`, or `undefined` when the path does not resolve. */
function realpathOrUndefined(filePath: string): string | undefined {
  try {
    return realpathSync.native(filePath)
  } catch {
    return undefined
  }
}
