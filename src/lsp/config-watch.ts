/**
 * The files whose change means configuration must be read again:
 * configuration files, project word lists and ignore files, wherever they
 * are in the workspace.
 */
import path from 'node:path'
import type {FileSystemWatcher} from 'vscode-languageserver/node.js'
import {CONFIG_FILE_NAMES, JAVASCRIPT_CONFIG_FILE_NAMES} from '../config/load-config.js'
import {projectWordsFileName} from '../engine/config-source.js'
import {filePathOfUri} from './document-target.js'
import {ignoreFileName} from './ignore-rules.js'

/**
 * Every file name that affects configuration: the data configuration files,
 * the JavaScript ones (refused, but their appearance is an error to report),
 * `.bilint-words.txt` and `.bilintignore`.
 */
export const watchedFileNames: readonly string[] = [
  ...CONFIG_FILE_NAMES,
  ...JAVASCRIPT_CONFIG_FILE_NAMES,
  projectWordsFileName,
  ignoreFileName,
]

/** The watchers registered with the client: each watched name, in any folder. */
export function configFileWatchers(): FileSystemWatcher[] {
  return watchedFileNames.map((fileName) => ({globPattern: `**/${fileName}`}))
}

/**
 * Whether a changed file is one that affects configuration.
 *
 * @param uri The URI of the changed file.
 */
export function isConfigFileUri(uri: string): boolean {
  const filePath = filePathOfUri(uri)
  return filePath !== null && watchedFileNames.includes(path.basename(filePath))
}
