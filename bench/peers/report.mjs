/**
 * The printed tables of the peer benchmark: one per input, each tool's time,
 * speed, speed relative to bilint, exit code and what its report said; then
 * the install sizes.
 */
import {fixed, markdownTable} from '../table.mjs'
import {MB} from '../corpus.mjs'

/** @typedef {import('./measure.mjs').ToolResult} ToolResult */

/**
 * @typedef {object} InputRecord
 * @property {string} id Corpus id (`md-1mb`, `small`).
 * @property {string} label
 * @property {string} path Relative to the corpus directory.
 * @property {'file' | 'folder'} kind
 * @property {number} bytes
 * @property {number} files
 * @property {ToolResult[]} results
 */

/**
 * @param {{
 *   inputs: InputRecord[],
 *   tools: {id: string, name: string, version: string | null, threads: string}[],
 *   limitS: number,
 *   install: import('./install.mjs').InstallRecord,
 *   environment: {cores: number, loadAverage: {start: number, end: number}, cpu: string, node: string, gnuTime: boolean},
 *   durationS: number,
 * }} results
 * @returns {string}
 */
export function renderReport(results) {
  const names = new Map(results.tools.map((tool) => [tool.id, `${tool.name} ${tool.version ?? '(missing)'}`]))
  const {environment} = results
  const parts = [
    '## bilint and its peers',
    '',
    `${environment.cores} cores (${environment.cpu}), Node ${environment.node}; load average (1 min) ${fixed(environment.loadAverage.start, 2)} at the start, ${fixed(environment.loadAverage.end, 2)} at the end. ` +
      `Whole processes, median of the runs shown; limit ${results.limitS} s per run. Speed relative to bilint: above 1× is faster than bilint. ` +
      `Rules enabled per tool: bench/peers/README.md.`,
  ]
  for (const input of results.inputs) {
    const bilint = input.results.find((result) => result.tool === 'bilint')
    const rows = input.results.map((result) => [
      names.get(result.tool) ?? result.tool,
      timeCell(result, results.limitS),
      speedCell(result, input, results.limitS),
      ratioCell(result, bilint, results.limitS),
      runsCell(result),
      exitCell(result),
      reportCell(result, input),
      result.cpuS === null ? '–' : fixed(result.cpuS, 1),
      result.rssMB === null ? '–' : fixed(result.rssMB, 0),
    ])
    parts.push(
      '',
      `### ${input.label}: \`${input.path}\` (${describeSize(input)})`,
      '',
      markdownTable(['tool', 'time', 'speed', 'vs bilint', 'runs', 'exit', 'report', 'CPU s', 'peak RSS MB'], rows, ['l', 'r', 'r', 'r', 'r', 'r', 'l', 'r', 'r']),
    )
  }
  parts.push('', '### Installed peers', '', installTable(results.install, results.tools))
  if (!environment.gnuTime) parts.push('', 'CPU s and peak RSS need /usr/bin/time (GNU time), which is missing here.')
  parts.push('', `Whole run: ${fixed(results.durationS / 60, 1)} min.`)
  return parts.join('\n')
}

/**
 * @param {InputRecord} input
 */
function describeSize(input) {
  const bytes = input.bytes.toLocaleString('en-US')
  return input.kind === 'folder' ? `${input.files.toLocaleString('en-US')} files, ${bytes} bytes` : `${bytes} bytes`
}

/**
 * @param {number} ms
 */
function seconds(ms) {
  return ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`
}

/**
 * @param {ToolResult} result
 * @param {number} limitS
 */
function timeCell(result, limitS) {
  if (result.status === 'timeout') return `> ${limitS} s (timed out)`
  if (result.status === 'skipped') return `> ${limitS} s (not run)`
  if (result.status === 'ok' && result.ms !== null) return seconds(result.ms)
  return result.times.length > 0 ? seconds(result.times[result.times.length - 1]) : '–'
}

/**
 * MB/s for the large files, files/s for the small ones.
 * @param {number} ms
 * @param {InputRecord} input
 */
function speed(ms, input) {
  const perS = 1000 / ms
  if (input.bytes >= MB && input.kind === 'file') {
    const value = (input.bytes / MB) * perS
    return {value, text: `${fixed(value, value < 0.1 ? 3 : 2)} MB/s`}
  }
  const value = input.files * perS
  return {value, text: `${fixed(value, value < 10 ? 2 : 1)} files/s`}
}

/**
 * @param {ToolResult} result
 * @param {InputRecord} input
 * @param {number} limitS
 */
function speedCell(result, input, limitS) {
  if (result.status === 'ok' && result.ms !== null) return speed(result.ms, input).text
  if (result.status === 'timeout' || result.status === 'skipped') return `< ${speed(limitS * 1000, input).text}`
  return '–'
}

/**
 * Speed relative to bilint's: bilint's time over the tool's.
 * @param {ToolResult} result
 * @param {ToolResult | undefined} bilint
 * @param {number} limitS
 */
function ratioCell(result, bilint, limitS) {
  if (result.tool === 'bilint') return result.status === 'ok' ? '1×' : '–'
  const bounded = (/** @type {ToolResult} */ entry) => entry.status === 'timeout' || entry.status === 'skipped'
  if (bilint && bounded(bilint) && result.status === 'ok' && result.ms !== null) return `> ${ratio((limitS * 1000) / result.ms)}×`
  if (!bilint || bilint.status !== 'ok' || bilint.ms === null) return '–'
  if (result.status === 'ok' && result.ms !== null) return `${ratio(bilint.ms / result.ms)}×`
  if (bounded(result)) return `< ${ratio(bilint.ms / (limitS * 1000))}×`
  return '–'
}

/**
 * @param {number} value
 */
function ratio(value) {
  return value >= 10 ? value.toFixed(0) : value >= 1 ? value.toFixed(1) : value.toFixed(2)
}

/**
 * @param {ToolResult} result
 */
function runsCell(result) {
  if (result.status === 'skipped') return `0 of ${result.planned}`
  return result.times.length === result.planned ? String(result.planned) : `${result.times.length} of ${result.planned}`
}

/**
 * @param {ToolResult} result
 */
function exitCell(result) {
  if (result.status === 'skipped') return '–'
  if (result.status === 'timeout') return 'killed'
  if (result.signal) return result.signal
  return result.code === null ? '–' : String(result.code)
}

/**
 * @param {ToolResult} result
 * @param {InputRecord} input
 */
function reportCell(result, input) {
  const note = result.note ? ` (${result.note})` : ''
  switch (result.status) {
    case 'skipped':
      return result.note ?? 'not run'
    case 'timeout':
      return `none${note}`
    case 'crashed':
      return `crashed${note}`
    case 'no-report':
      return `no report${note}`
    default: {
      const summary = result.summary
      if (!summary) return `?${note}`
      const problems = `${summary.problems.toLocaleString('en-US')} problems`
      const files = input.kind === 'folder' && summary.files !== null ? `, ${summary.files.toLocaleString('en-US')} files` : ''
      return `${problems}${files}${note}`
    }
  }
}

/**
 * @param {import('./install.mjs').InstallRecord} install
 * @param {{id: string, name: string, version: string | null}[]} tools
 */
function installTable(install, tools) {
  const rows = tools
    .filter((tool) => tool.id !== 'bilint')
    .map((tool) => {
      const size = install.peers[tool.id]
      return [`${tool.name} ${tool.version ?? '(missing)'}`, size ? fixed(size.MB, 1) : '–', size ? String(size.packages) : '–']
    })
  rows.push(['all peers (bench/peers/node_modules)', fixed(install.totalMB, 1), String(install.packages)])
  const table = markdownTable(['peer', 'size MB', 'packages'], rows, ['l', 'r', 'r'])
  const when = install.installedNow
    ? `Installed by this run in ${fixed((install.ms ?? 0) / 1000, 1)} s (npm install --prefix bench/peers; the npm cache may already have held the packages).`
    : install.error
      ? `npm install failed: ${install.error}`
      : 'Already installed before this run (delete bench/peers/node_modules to reinstall).'
  return `${table}\n\nSize: the files of each peer's package and of its dependency closure, shared packages counted in each peer. ${when}`
}
