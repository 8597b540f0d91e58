/**
 * In-process measurements against the built code: `buildDocument` alone
 * (parse throughput) and `lintText` with the recommended rules (lint
 * throughput), on the large corpus files.
 */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {MB} from './corpus.mjs'
import {collectGarbage, median, repeat} from './stats.mjs'

/**
 * @typedef {import('./corpus.mjs').CorpusFile} CorpusFile
 * @typedef {import('./corpus.mjs').Corpus} Corpus
 */

/**
 * @typedef {object} ThroughputRow
 * @property {string} file Corpus file id.
 * @property {string} label
 * @property {'markdown' | 'text'} format
 * @property {number} bytes
 * @property {Measured} parse
 * @property {Measured & {messages: number}} lint
 */

/**
 * @typedef {object} Measured
 * @property {number} ms Median wall time.
 * @property {number} mbPerS Throughput at the median wall time.
 * @property {number} cpuMs Median CPU time (user + system, all threads, GC included).
 * @property {number[]} times Wall time of every run.
 * @property {number} planned Runs asked for.
 */

/**
 * Times one run: wall time, and the process's CPU time, whose ratio to the
 * wall time shows whether the run had to wait for a core.
 * @template T
 * @param {() => Promise<T>} task
 * @returns {Promise<{ms: number, value: {cpuMs: number, result: T}}>}
 */
async function timed(task) {
  collectGarbage()
  const cpu = process.cpuUsage()
  const start = performance.now()
  const result = await task()
  const ms = performance.now() - start
  const used = process.cpuUsage(cpu)
  return {ms, value: {cpuMs: (used.user + used.system) / 1000, result}}
}

/**
 * Loads the built API from `dist/`.
 * @param {string} root Repository root.
 */
async function loadBuilt(root) {
  const load = (/** @type {string} */ relative) => import(pathToFileURL(path.join(root, 'dist', 'src', relative)).href)
  const {buildDocument} = await load('document/build.js')
  const {lintText} = await load('index.js')
  return {buildDocument, lintText}
}

/**
 * A file name that makes `lintText` read a text in the given format.
 * @param {CorpusFile} file
 * @returns {string}
 */
function lintName(file) {
  return file.format === 'markdown' ? `${file.id}.md` : `${file.id}.txt`
}

/**
 * Measures parse and lint throughput.
 * @param {object} options
 * @param {string} options.root Repository root.
 * @param {Corpus} options.corpus
 * @param {string[]} options.fileIds The files to measure, in order.
 * @param {(file: CorpusFile) => number} options.runs Runs per measurement.
 * @param {(file: CorpusFile) => number} options.budgetMs Time budget per measurement.
 * @param {(line: string) => void} options.log Progress.
 * @returns {Promise<ThroughputRow[]>}
 */
export async function measureThroughput({root, corpus, fileIds, runs, budgetMs, log}) {
  const {buildDocument, lintText} = await loadBuilt(root)
  const small = corpus.files['single-4k']
  const smallText = await readFile(small.path, 'utf8')
  // Warm-up: loads remark, the rules and dictionaries, and gives the JIT a first look.
  for (const format of ['markdown', 'text']) {
    await buildDocument(smallText, {format})
    await lintText(smallText, {filePath: format === 'markdown' ? 'warm-up.md' : 'warm-up.txt'})
  }
  /** @type {ThroughputRow[]} */
  const rows = []
  for (const id of fileIds) {
    const file = corpus.files[id]
    if (!file) continue
    const text = await readFile(file.path, 'utf8')
    const mb = file.bytes / MB
    log(`parse ${file.label}…`)
    const parse = await repeat(runs(file), budgetMs(file), () => timed(() => buildDocument(text, {format: file.format})))
    log(`lint ${file.label}…`)
    const lint = await repeat(runs(file), budgetMs(file), () => timed(() => lintText(text, {filePath: lintName(file)})))
    collectGarbage()
    /** @param {typeof parse} run @returns {Measured} */
    const measured = (run) => ({
      ms: run.median,
      mbPerS: mb / (run.median / 1000),
      cpuMs: median(run.values.map((value) => value.cpuMs)),
      times: run.times,
      planned: run.planned,
    })
    rows.push({
      file: id,
      label: file.label,
      format: file.format,
      bytes: file.bytes,
      parse: measured(parse),
      lint: {...measured(lint), messages: lint.last.result.messages.length},
    })
  }
  return rows
}
