/**
 * Fallback for measuring peak memory where `/usr/bin/time` is missing: lints
 * the files given as arguments with the built `lintFiles` (what the CLI does,
 * without formatting the report) and prints, as JSON, the process's peak
 * resident set size from `process.resourceUsage().maxRSS` (KiB) and the
 * number of messages.
 *
 * Usage: `node bench/rss-probe.mjs FILE...`
 */
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const {lintFiles} = await import(pathToFileURL(path.join(root, 'dist', 'src', 'index.js')).href)
const results = await lintFiles(process.argv.slice(2), {cwd: process.cwd()})
const messages = results.reduce((/** @type {number} */ sum, /** @type {{messages: unknown[]}} */ result) => sum + result.messages.length, 0)
process.stdout.write(`${JSON.stringify({maxRssKiB: process.resourceUsage().maxRSS, messages})}\n`)
