/**
 * Profiles the built CLI on one corpus file with `node --cpu-prof` and prints
 * where the time goes: the functions with the most self time and self time
 * by package. The profile is kept in `bench/.corpus/profiles/` for
 * Chrome DevTools or speedscope.
 *
 * Usage: `node bench/profile.mjs [FILE-ID] [--top N]` (after `npm run build`;
 * FILE-ID is a corpus file such as `md-10mb` (default), `text-10mb`,
 * `single-4k`, or `small` for the 1,000 small files).
 */
import {mkdir, readdir, rm} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {buildCorpus, corpusDir} from './corpus.mjs'
import {summarizeProfile} from './profile-summary.mjs'
import {expectExit, timedSpawn} from './spawn.mjs'
import {fixed, markdownTable} from './table.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const {values, positionals} = parseArgs({allowPositionals: true, options: {top: {type: 'string'}}})
const fileId = positionals[0] ?? 'md-10mb'
const top = Number(values.top ?? 10)

const corpus = await buildCorpus({log: (line) => process.stderr.write(`profile: ${line}\n`)})
const target = fileId === 'small' ? corpus.small.dir : corpus.files[fileId]?.path
if (!target) {
  process.stderr.write(`profile: unknown corpus file \`${fileId}\` (known: ${Object.keys(corpus.files).join(', ')}, small)\n`)
  process.exit(2)
}
const profileDir = path.join(corpusDir, 'profiles', fileId)
await rm(profileDir, {recursive: true, force: true})
await mkdir(profileDir, {recursive: true})
process.stderr.write(`profile: bilint ${path.basename(target)} --format json, with --cpu-prof…\n`)
const cli = path.join(root, 'dist', 'src', 'cli.cjs')
const result = expectExit(
  await timedSpawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, cli, path.basename(target), '--format', 'json'], {
    cwd: path.dirname(target),
  }),
  'bilint under --cpu-prof',
)
const [profileName] = (await readdir(profileDir)).filter((name) => name.endsWith('.cpuprofile'))
const profilePath = path.join(profileDir, profileName)
const summary = await summarizeProfile(profilePath, top)

const percent = (/** @type {number} */ share) => `${fixed(share * 100)}%`
process.stdout.write(
  [
    `${fileId}: wall ${fixed(result.ms / 1000, 2)} s, sampled ${fixed(summary.totalMs / 1000, 2)} s`,
    '',
    `Top ${top} functions by self time`,
    '',
    markdownTable(
      ['self ms', 'share', 'function', 'location'],
      summary.top.map((entry) => [fixed(entry.ms, 0), percent(entry.share), entry.name, entry.location]),
      ['r', 'r', 'l', 'l'],
    ),
    '',
    'Self time by package',
    '',
    markdownTable(
      ['self ms', 'share', 'package'],
      summary.groups.map((group) => [fixed(group.ms, 0), percent(group.share), group.group]),
      ['r', 'r', 'l'],
    ),
    '',
    `profile: ${path.relative(root, profilePath)}`,
    '',
  ].join('\n'),
)
