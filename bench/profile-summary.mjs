/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): the functions with
 * the most self time, and self time grouped by package (`node_modules`
 * package, bilint's `dist/` folder, Node internals, or V8's pseudo-frames
 * such as `(garbage collector)`).
 */
import {readFile} from 'node:fs/promises'

/**
 * @typedef {object} ProfileNode
 * @property {number} id
 * @property {{functionName: string, url: string, lineNumber: number, columnNumber: number}} callFrame
 * @property {number[]} [children]
 */

/**
 * @typedef {object} SelfTimeEntry
 * @property {string} name Function name (or `(anonymous)`).
 * @property {string} location Short file path and line.
 * @property {number} ms Self time.
 * @property {number} share Share of the profile's total.
 */

/**
 * A short location: the path from `node_modules/<pkg>` or `dist/`, with a 1-based line.
 * @param {{url: string, lineNumber: number}} frame
 * @returns {string}
 */
export function shortLocation(frame) {
  if (!frame.url) return ''
  const url = frame.url.replace(/^file:\/\//, '')
  const modules = url.lastIndexOf('node_modules/')
  const dist = url.indexOf('/dist/')
  const short = modules >= 0 ? url.slice(modules + 'node_modules/'.length) : dist >= 0 ? url.slice(dist + 1) : url
  return `${short}:${frame.lineNumber + 1}`
}

/**
 * Self time per profile node, in ms, from the sample list.
 * @param {{nodes: ProfileNode[], samples: number[], timeDeltas: number[]}} profile
 * @returns {Map<number, number>}
 */
function selfTimes(profile) {
  const times = new Map()
  for (let index = 0; index < profile.samples.length; index++) {
    const id = profile.samples[index]
    times.set(id, (times.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000)
  }
  return times
}

/**
 * The group a frame's self time is counted under: the `node_modules`
 * package, bilint's `dist/<folder>`, `node:internal`, or the frame's name for
 * V8 pseudo-frames like `(garbage collector)` and `(program)`.
 * @param {{functionName: string, url: string}} frame
 * @returns {string}
 */
export function frameGroup(frame) {
  const url = frame.url
  if (!url) return frame.functionName || '(native)'
  const modules = url.lastIndexOf('node_modules/')
  if (modules >= 0) {
    const parts = url.slice(modules + 'node_modules/'.length).split('/')
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]
  }
  const dist = url.indexOf('/dist/')
  if (dist >= 0) return `bilint ${url.slice(dist + 1).split('/').slice(0, -1).join('/')}`
  if (url.startsWith('node:')) return 'node internals'
  return url
}

/**
 * @typedef {object} ProfileSummary
 * @property {number} totalMs Sampled time.
 * @property {SelfTimeEntry[]} top Functions with the most self time (merged by name and location).
 * @property {{group: string, ms: number, share: number}[]} groups Self time by package, largest first.
 */

/**
 * Summarises a profile.
 * @param {string} file A `.cpuprofile` path.
 * @param {number} [limit] How many functions and groups to keep.
 * @returns {Promise<ProfileSummary>}
 */
export async function summarizeProfile(file, limit = 10) {
  const profile = JSON.parse(await readFile(file, 'utf8'))
  const times = selfTimes(profile)
  /** @type {Map<string, SelfTimeEntry>} */
  const merged = new Map()
  /** @type {Map<string, number>} */
  const groups = new Map()
  let totalMs = 0
  for (const node of profile.nodes) {
    const ms = times.get(node.id) ?? 0
    totalMs += ms
    if (ms === 0) continue
    const name = node.callFrame.functionName || '(anonymous)'
    const location = shortLocation(node.callFrame)
    const key = `${name} ${location}`
    const entry = merged.get(key) ?? {name, location, ms: 0, share: 0}
    entry.ms += ms
    merged.set(key, entry)
    const group = frameGroup(node.callFrame)
    groups.set(group, (groups.get(group) ?? 0) + ms)
  }
  const top = [...merged.values()].sort((a, b) => b.ms - a.ms).slice(0, limit)
  for (const entry of top) entry.share = entry.ms / totalMs
  const byGroup = [...groups]
    .map(([group, ms]) => ({group, ms, share: ms / totalMs}))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, limit)
  return {totalMs, top, groups: byGroup}
}
