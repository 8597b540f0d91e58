/**
 * Builds the benchmark corpus in `bench/.corpus/`, deterministically (every
 * file comes from a fixed seed):
 *
 * - `md-1mb.md`, `md-10mb.md`: mixed Chinese/English Markdown;
 * - `text-1mb.txt`, `text-10mb.txt`: plain text, one paragraph per line;
 * - `single-4k.md`: one small Markdown file;
 * - `small/NN/doc-NNN.md`: 1,000 Markdown files of about 4 KB;
 * - `seed-repeated-1mb.txt`, `seed-repeated-10mb.txt`: only when
 *   `../shared/corpus/seed.txt` exists next to the repository, that file
 *   repeated (labelled as such in the results; never committed).
 *
 * The corpus is rebuilt only when the generator's sources (or the seed file)
 * change: `manifest.json` records their hash.
 *
 * Run alone: `node bench/corpus.mjs [--force]`.
 */
import {createHash} from 'node:crypto'
import {existsSync} from 'node:fs'
import {mkdir, readFile, rm, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {fillToSize, markdownBlocks, plainLines} from './documents.mjs'
import {Prng} from './prng.mjs'

const benchDir = path.dirname(fileURLToPath(import.meta.url))

/** Where the corpus is written (git-ignored). */
export const corpusDir = path.join(benchDir, '.corpus')

/** The optional seed file, outside the repository. */
export const seedPath = path.resolve(benchDir, '..', '..', 'shared', 'corpus', 'seed.txt')

/** 1 MB, as the benchmark counts it. */
export const MB = 1_000_000

/** Number of small files and their size. */
export const smallFileCount = 1000
export const smallFileBytes = 4096

/** The generator's own sources: a change to any of them rebuilds the corpus. */
const generatorSources = ['prng.mjs', 'vocabulary.mjs', 'sentences.mjs', 'documents.mjs', 'corpus.mjs']

/**
 * @typedef {object} CorpusFile
 * @property {string} id Short name used in the results (`md-1mb`).
 * @property {string} path Absolute path.
 * @property {number} bytes Size in bytes.
 * @property {number} hanShare Share of Han characters among the UTF-16 units.
 * @property {'markdown' | 'text'} format How bilint reads it.
 * @property {string} label Description for the results table.
 */

/**
 * @typedef {object} Corpus
 * @property {string} key Hash of the generator and seed file.
 * @property {Record<string, CorpusFile>} files Single files, by id.
 * @property {{dir: string, count: number, bytes: number}} small The directory of small files.
 */

/**
 * Share of Han characters in a text.
 * @param {string} text
 * @returns {number}
 */
export function hanShare(text) {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0
  return text.length === 0 ? 0 : han / text.length
}

/**
 * The hash the corpus is keyed by.
 * @returns {Promise<string>}
 */
async function corpusKey() {
  const hash = createHash('sha256')
  for (const name of generatorSources) hash.update(await readFile(path.join(benchDir, name)))
  if (existsSync(seedPath)) hash.update(await readFile(seedPath))
  return hash.digest('hex').slice(0, 16)
}

/**
 * Writes one generated file and describes it.
 * @param {string} id
 * @param {string} text
 * @param {'markdown' | 'text'} format
 * @param {string} label
 * @returns {Promise<CorpusFile>}
 */
async function writeCorpusFile(id, text, format, label) {
  const file = path.join(corpusDir, `${id}.${format === 'markdown' ? 'md' : 'txt'}`)
  await writeFile(file, text)
  return {id, path: file, bytes: Buffer.byteLength(text), hanShare: hanShare(text), format, label}
}

/**
 * A generated document of an exact size.
 * @param {'markdown' | 'text'} format
 * @param {number} bytes
 * @param {number} seed
 * @returns {string}
 */
export function generateDocument(format, bytes, seed) {
  const rng = new Prng(seed)
  return format === 'markdown' ? fillToSize(markdownBlocks(rng), bytes, '\n\n', rng) : fillToSize(plainLines(rng), bytes, '\n', rng)
}

/**
 * The seed file repeated (whole lines) up to at most `bytes` bytes.
 * @param {string} seed The seed file's text.
 * @param {number} bytes
 * @returns {string}
 */
function repeatSeed(seed, bytes) {
  const unit = seed.endsWith('\n') ? seed : `${seed}\n`
  const copies = Math.ceil(bytes / Buffer.byteLength(unit))
  const buffer = Buffer.from(unit.repeat(copies)).subarray(0, bytes)
  const lastNewline = buffer.lastIndexOf(10)
  return buffer.subarray(0, lastNewline + 1).toString('utf8')
}

/**
 * Writes the 1,000 small files, ten directories of 100.
 * @returns {Promise<{dir: string, count: number, bytes: number}>}
 */
async function writeSmallFiles() {
  const dir = path.join(corpusDir, 'small')
  await rm(dir, {recursive: true, force: true})
  let bytes = 0
  for (let index = 0; index < smallFileCount; index++) {
    const sub = path.join(dir, String(Math.floor(index / 100)).padStart(2, '0'))
    if (index % 100 === 0) await mkdir(sub, {recursive: true})
    const text = generateDocument('markdown', smallFileBytes, 1000 + index)
    bytes += Buffer.byteLength(text)
    await writeFile(path.join(sub, `doc-${String(index).padStart(3, '0')}.md`), text)
  }
  return {dir, count: smallFileCount, bytes}
}

/**
 * Builds the corpus unless an up-to-date one exists.
 * @param {{force?: boolean, log?: (line: string) => void}} [options]
 * @returns {Promise<Corpus>}
 */
export async function buildCorpus(options = {}) {
  const log = options.log ?? (() => {})
  const key = await corpusKey()
  const manifestPath = path.join(corpusDir, 'manifest.json')
  if (!options.force && existsSync(manifestPath)) {
    /** @type {Corpus} */
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'))
    if (manifest.key === key && (await filesIntact(manifest))) {
      log(`corpus: up to date (${key})`)
      return manifest
    }
  }
  log('corpus: generating…')
  await mkdir(corpusDir, {recursive: true})
  /** @type {Record<string, CorpusFile>} */
  const files = {}
  const add = (/** @type {CorpusFile} */ file) => {
    files[file.id] = file
  }
  add(await writeCorpusFile('md-1mb', generateDocument('markdown', MB, 1), 'markdown', 'Markdown 1 MB'))
  add(await writeCorpusFile('md-10mb', generateDocument('markdown', 10 * MB, 10), 'markdown', 'Markdown 10 MB'))
  add(await writeCorpusFile('text-1mb', generateDocument('text', MB, 2), 'text', 'plain text 1 MB'))
  add(await writeCorpusFile('text-10mb', generateDocument('text', 10 * MB, 20), 'text', 'plain text 10 MB'))
  add(await writeCorpusFile('single-4k', generateDocument('markdown', smallFileBytes, 4), 'markdown', 'Markdown 4 KB'))
  if (existsSync(seedPath)) {
    const seed = await readFile(seedPath, 'utf8')
    add(await writeCorpusFile('seed-repeated-1mb', repeatSeed(seed, MB), 'text', 'seed-repeated 1 MB'))
    add(await writeCorpusFile('seed-repeated-10mb', repeatSeed(seed, 10 * MB), 'text', 'seed-repeated 10 MB'))
  } else {
    await rm(path.join(corpusDir, 'seed-repeated-1mb.txt'), {force: true})
    await rm(path.join(corpusDir, 'seed-repeated-10mb.txt'), {force: true})
  }
  const small = await writeSmallFiles()
  /** @type {Corpus} */
  const manifest = {key, files, small}
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`)
  log(`corpus: written to ${corpusDir}`)
  return manifest
}

/**
 * Whether every file of a manifest still exists with its size.
 * @param {Corpus} manifest
 * @returns {Promise<boolean>}
 */
async function filesIntact(manifest) {
  try {
    for (const file of Object.values(manifest.files)) if ((await stat(file.path)).size !== file.bytes) return false
    return existsSync(path.join(manifest.small.dir, '09', `doc-${smallFileCount - 1}.md`))
  } catch {
    return false
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const corpus = await buildCorpus({force: process.argv.includes('--force'), log: console.log})
  for (const file of Object.values(corpus.files)) {
    console.log(`${file.id.padEnd(20)} ${String(file.bytes).padStart(10)} bytes  Han ${(file.hanShare * 100).toFixed(1)}%`)
  }
  console.log(`small/ ${corpus.small.count} files, ${corpus.small.bytes} bytes`)
}
