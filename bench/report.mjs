/**
 * Turns the measurements into the printed tables.
 */
import {MB} from './corpus.mjs'
import {fixed, markdownTable, runsDone} from './table.mjs'

/** @typedef {import('./inprocess.mjs').ThroughputRow} ThroughputRow */

/** Pairs of corpus files whose time ratio shows how time grows with size. */
export const linearityPairs = [
  ['md-1mb', 'md-10mb', 'Markdown'],
  ['text-1mb', 'text-10mb', 'plain text'],
  ['seed-repeated-1mb', 'seed-repeated-10mb', 'seed-repeated (plain text)'],
]

/**
 * Time ratios 10 MB / 1 MB for each pair measured. The size ratio is taken
 * from the files, so a linear cost gives the `ideal` value.
 * @param {ThroughputRow[]} rows
 */
export function linearity(rows) {
  const byId = new Map(rows.map((row) => [row.file, row]))
  return linearityPairs.flatMap(([smallId, largeId, label]) => {
    const small = byId.get(smallId)
    const large = byId.get(largeId)
    if (!small || !large) return []
    return [{label, ideal: large.bytes / small.bytes, parse: large.parse.ms / small.parse.ms, lint: large.lint.ms / small.lint.ms}]
  })
}

/**
 * @param {ThroughputRow[]} rows
 * @param {Record<string, {hanShare: number}>} files
 * @returns {string}
 */
function throughputTable(rows, files) {
  return markdownTable(
    ['file', 'MB', 'Han', 'parse ms', 'parse MB/s', 'lint ms', 'lint MB/s', 'lint CPU/wall', 'messages', 'runs'],
    rows.map((row) => [
      row.label,
      fixed(row.bytes / MB, 2),
      `${fixed((files[row.file]?.hanShare ?? 0) * 100)}%`,
      fixed(row.parse.ms, 0),
      fixed(row.parse.mbPerS, 2),
      fixed(row.lint.ms, 0),
      fixed(row.lint.mbPerS, 2),
      fixed(row.lint.cpuMs / row.lint.ms, 2),
      String(row.lint.messages),
      runsDone(row.parse) === runsDone(row.lint) ? runsDone(row.parse) : `${runsDone(row.parse)} / ${runsDone(row.lint)}`,
    ]),
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  )
}

/**
 * @param {ReturnType<typeof linearity>} ratios
 * @returns {string}
 */
function linearityTable(ratios) {
  return markdownTable(
    ['files', 'parse 10 MB / 1 MB', 'lint 10 MB / 1 MB', 'linear would be'],
    ratios.map((ratio) => [ratio.label, fixed(ratio.parse, 1), fixed(ratio.lint, 1), fixed(ratio.ideal, 1)]),
    ['l', 'r', 'r', 'r'],
  )
}

/**
 * The row comparing two threads with one on the small files, when both were measured.
 * @param {any[]} byThreads The small-file runs with `--threads N`.
 * @returns {string[][]}
 */
function threadSpeedUp(byThreads) {
  const time = (/** @type {string} */ threads) => byThreads.find((small) => small.args.join(' ') === `--threads ${threads}`)?.ms
  const one = time('1')
  const two = time('2')
  if (one === undefined || two === undefined) return []
  return [['speed-up, `--threads 2` over `--threads 1`', `${fixed(one / two, 2)}×`, '']]
}

/**
 * @param {any} cli The CLI measurements from run.mjs.
 * @param {number} smallFileCount
 * @returns {string}
 */
function cliTable(cli, smallFileCount) {
  const rows = [
    ['wall time, `bilint single-4k.md --format json`', `${fixed(cli.startup.bilint.ms, 0)} ms`, String(cli.startup.bilint.times.length)],
    ['the same, no code cache (a first run)', `${fixed(cli.startup.noCodeCache.ms, 0)} ms`, String(cli.startup.noCodeCache.times.length)],
    ['wall time, `node -e 0` (bare Node start)', `${fixed(cli.startup.bareNode.ms, 0)} ms`, String(cli.startup.bareNode.times.length)],
    ['bilint over bare Node', `${fixed(cli.startup.bilint.ms - cli.startup.bareNode.ms, 0)} ms`, ''],
    [
      `${smallFileCount.toLocaleString('en')} files of 4 KB, one process (\`bilint small\`)`,
      `${fixed(cli.smallFiles.filesPerS, 0)} files/s (${fixed(cli.smallFiles.mbPerS, 2)} MB/s, ${fixed(cli.smallFiles.ms / 1000, 2)} s)`,
      runsDone(cli.smallFiles),
    ],
    ...(cli.smallFilesStylish
      ? [
          [
            'the same, `--format stylish` (the default report)',
            `${fixed(cli.smallFilesStylish.filesPerS, 0)} files/s (${fixed(cli.smallFilesStylish.ms / 1000, 2)} s)`,
            runsDone(cli.smallFilesStylish),
          ],
        ]
      : []),
    ...cli.smallFilesByThreads.map((/** @type {any} */ small) => [
      `the same, \`${small.args.join(' ')}\``,
      `${fixed(small.filesPerS, 0)} files/s (${fixed(small.ms / 1000, 2)} s)`,
      runsDone(small),
    ]),
    ...threadSpeedUp(cli.smallFilesByThreads),
    ...(cli.smallFilesFirstRun
      ? [
          [
            'the same, no stored spelling suggestions (a first run)',
            `${fixed(cli.smallFilesFirstRun.filesPerS, 0)} files/s (${fixed(cli.smallFilesFirstRun.ms / 1000, 2)} s)`,
            runsDone(cli.smallFilesFirstRun),
          ],
        ]
      : []),
    [
      `\`--cache\` re-run, ${smallFileCount.toLocaleString('en')} unchanged files`,
      `${fixed(cli.cacheRerun.ms, 0)} ms`,
      runsDone(cli.cacheRerun),
    ],
    ...cli.peakRss.map((/** @type {any} */ rss) => [
      `peak RSS, \`bilint\` on ${rss.label} (${rss.method})`,
      `${fixed(rss.rssMB, 0)} MB (wall ${fixed(rss.ms / 1000, 1)} s)`,
      runsDone(rss),
    ]),
  ]
  return markdownTable(['CLI (fresh process each run)', 'median', 'runs'], rows, ['l', 'r', 'r'])
}

/**
 * The whole printed report.
 * @param {any} results The object written to results.json.
 * @returns {string}
 */
export function renderReport(results) {
  const env = results.environment
  return [
    `bilint ${results.bilintVersion} (${results.revision}) · Node ${env.node} · ${env.cpu} × ${env.cores} · ${env.platform}${results.quick ? ' · --quick (1 run each)' : ''}`,
    `load average (1 min) ${fixed(env.loadAverage.start, 2)} at start, ${fixed(env.loadAverage.end, 2)} at end · ${fixed(results.durationS, 0)} s`,
    '',
    'Throughput, in process (median ms; MB = 1,000,000 bytes of UTF-8)',
    '',
    throughputTable(results.throughput, results.corpus.files),
    '',
    'Linearity (time ratio)',
    '',
    linearityTable(results.linearity),
    '',
    cliTable(results.cli, results.corpus.small.count),
  ].join('\n')
}
