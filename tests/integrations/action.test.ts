/**
 * The GitHub Action (`action.yml`): its structure, that every expression
 * refers to something that exists, that it passes bilint only options the
 * CLI knows, and what its lint step does on real documents, run locally
 * through a stand-in for the runner (the `uses:` steps are recorded, not run,
 * and the install step is replaced by the `npm run build` the suite needs).
 */

import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {mkdir, rm} from 'node:fs/promises'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {assertBinBuilt, cliPath, makeTempTree, repoRoot, runBilint, type TempTree} from '../cli/helpers.js'
import {sarifValidationErrors} from '../formatters/sarif-validator.js'
import {evaluateExpression, evaluateTemplate, expressionsIn, runCompositeAction, type ActionDefinition, type ActionRun, type ActionStep} from './github-actions.js'
import {cleanEnvironment, copyWorkingTree} from './processes.js'

const actionText = readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')
const action = parse(actionText) as ActionDefinition
const steps: ActionStep[] = action.runs.steps ?? []
const declaredInputs = Object.keys(action.inputs ?? {})

/** The step with this id. */
function stepById(id: string): ActionStep {
  const step = steps.find((candidate) => candidate.id === id)
  if (!step) throw new Error(`action.yml has no step with id ${id}`)
  return step
}

/** The step that uses this action (any version). */
function stepUsing(name: string): ActionStep {
  const step = steps.find((candidate) => candidate.uses?.split('@')[0] === name)
  if (!step) throw new Error(`action.yml has no step using ${name}`)
  return step
}

/** Names of the inputs an expression reads (`inputs.name` or `inputs['name']`). */
function inputsReadBy(expression: string): string[] {
  return [...expression.matchAll(/\binputs(?:\.([A-Za-z_][\w-]*)|\[\s*'([^']*)'\s*\])/g)].map((match) => match[1] ?? match[2]!)
}

/** Every expression of the action with where it is: `${{ … }}` anywhere, plus the steps' `if:` conditions. */
function allExpressions(): Array<{where: string; expression: string; stepIndex: number | undefined}> {
  const found: Array<{where: string; expression: string; stepIndex: number | undefined}> = []
  const visit = (value: unknown, where: string, stepIndex: number | undefined): void => {
    if (typeof value === 'string') {
      for (const expression of expressionsIn(value)) found.push({where, expression, stepIndex})
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${where}[${index}]`, stepIndex))
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) visit(item, `${where}.${key}`, stepIndex)
    }
  }
  visit({...action, runs: {...action.runs, steps: undefined}}, 'action', undefined)
  steps.forEach((step, index) => {
    visit(step, `steps[${index}]`, index)
    if (step.if !== undefined && expressionsIn(step.if).length === 0) found.push({where: `steps[${index}].if`, expression: step.if, stepIndex: index})
  })
  return found
}

/** Long options named in the help text of the built bin (`--format`, `--no-color`, …). */
let helpOptions: Set<string>

beforeAll(async () => {
  const help = await runBilint(['--help'], {cwd: repoRoot})
  expect(help.code).toBe(0)
  helpOptions = new Set(help.stdout.match(/--[a-z][a-z-]*/g))
  expect(helpOptions.has('--format')).toBe(true)
})

describe('action.yml structure', () => {
  it('is a composite action with described inputs and the documented defaults', () => {
    expect(action.name).toBe('bilint')
    expect(action.description).toBeTruthy()
    expect(action.runs.using).toBe('composite')
    for (const [name, input] of Object.entries(action.inputs ?? {})) {
      expect(input.description, name).toBeTruthy()
      // Defaults are strings, as the runner passes them.
      if (input.default !== undefined) expect(typeof input.default, name).toBe('string')
    }
    expect(action.inputs?.['paths']?.default).toBe('.')
    expect(action.inputs?.['config']?.default ?? '').toBe('')
    expect(action.inputs?.['fail-level']?.default).toBe('error')
    expect(action.inputs?.['format']?.default).toBe('sarif')
    expect(action.inputs?.['upload-sarif']?.default).toBe('true')
  })

  it('sets up Node 20, then builds bilint from the action checkout with the lockfile', () => {
    const setup = stepUsing('actions/setup-node')
    expect(setup.uses).toBe('actions/setup-node@v4')
    expect(evaluateTemplate(String(setup.with?.['node-version']), {contexts: {inputs: {'node-version': action.inputs?.['node-version']?.default ?? ''}}, failed: false})).toBe('20')
    const install = stepById('install')
    expect(steps.indexOf(install)).toBeGreaterThan(steps.indexOf(setup))
    expect(install['working-directory']).toBe('${{ github.action_path }}')
    expect(install.run).toMatch(/^npm ci\b/m)
    expect(install.run).toMatch(/^npm run build$/m)
  })

  it('runs the built bin from the action path in a bash step after the install', () => {
    const lint = stepById('lint')
    expect(lint.shell).toBe('bash')
    expect(steps.indexOf(lint)).toBeGreaterThan(steps.indexOf(stepById('install')))
    expect(lint.env?.['BILINT_BIN']).toBe('${{ github.action_path }}/dist/src/cli.cjs')
    expect(lint.run).toContain('node "$BILINT_BIN"')
  })

  it('uploads with codeql-action upload-sarif v3 even after the lint step failed, unless turned off', () => {
    const upload = stepUsing('github/codeql-action/upload-sarif')
    expect(upload.uses).toBe('github/codeql-action/upload-sarif@v3')
    expect(steps.indexOf(upload)).toBeGreaterThan(steps.indexOf(stepById('lint')))
    expect(upload.if).toMatch(/!cancelled\(\)|always\(\)/)
    expect(upload.if).toMatch(/inputs\.upload-sarif == 'true'/)
    expect(upload.with?.['sarif_file']).toBe('${{ steps.lint.outputs.sarif-file }}')
  })

  it('declares every input an expression reads, and reads every input it declares', () => {
    const expressions = allExpressions()
    expect(expressions.length).toBeGreaterThan(0)
    const read = new Set<string>()
    for (const {where, expression} of expressions) {
      for (const name of inputsReadBy(expression)) {
        expect(declaredInputs, `${where}: inputs.${name}`).toContain(name)
        read.add(name)
      }
    }
    expect([...read].sort()).toEqual([...declaredInputs].sort())
  })

  it('refers only to steps that exist, and in steps only to earlier ones', () => {
    const ids = steps.map((step) => step.id)
    for (const {where, expression, stepIndex} of allExpressions()) {
      for (const match of expression.matchAll(/\bsteps\.([A-Za-z_][\w-]*)/g)) {
        const target = ids.indexOf(match[1])
        expect(target, `${where}: steps.${match[1]}`).toBeGreaterThanOrEqual(0)
        if (stepIndex !== undefined) expect(target, `${where}: steps.${match[1]} comes later`).toBeLessThan(stepIndex)
      }
    }
  })

  it('uses only contexts the runner gives a composite action, in expressions the stand-in can evaluate', () => {
    const context = {contexts: {inputs: {}, steps: {}, github: {}}, failed: false}
    for (const {where, expression} of allExpressions()) {
      expect(() => evaluateExpression(expression, context), `${where}: ${expression}`).not.toThrow()
    }
  })

  it('never splices an input into the text of a script (inputs reach scripts through env)', () => {
    for (const step of steps) {
      if (step.run === undefined) continue
      expect(expressionsIn(step.run).flatMap(inputsReadBy), step.id ?? step.name).toEqual([])
    }
  })

  it('passes bilint only options that bilint --help lists', () => {
    const lint = stepById('lint').run ?? ''
    const options = new Set(lint.match(/(?<![\w-])--[a-z][a-z-]*/g))
    expect(options.size).toBeGreaterThan(0)
    for (const option of options) expect(helpOptions, option).toContain(option)
  })
})

describe('action.yml lint step, run locally', () => {
  let tree: TempTree
  /** A stand-in for the action checkout whose dist/src/cli.cjs records its arguments and runs the real bin. */
  let actionPath: string
  let argvLog: string

  beforeAll(async () => {
    assertBinBuilt()
    tree = await makeTempTree({
      'workspace/.bilintrc.json': '{}\n',
      'workspace/docs/report.md': '# Air quality\n\nThe level of PM2.5Caused concern in the city.\n',
      'workspace/docs/plan.md': '# Plan\n\n## Scope\n\n## Budget\n\nThe budget is fixed.\n',
      'workspace/notes.txt': 'The level of PM2.5 fell this year.\n',
      'workspace/no-glued-subscript.json': '{"rules": {"glued-subscript": "off"}}\n',
    })
    actionPath = tree.path('action')
    argvLog = tree.path('argv.jsonl')
    await mkdir(path.join(actionPath, 'dist', 'src'), {recursive: true})
    writeFileSync(
      path.join(actionPath, 'dist', 'src', 'cli.cjs'),
      [
        "const {appendFileSync} = require('node:fs')",
        'appendFileSync(process.env.BILINT_ARGV_LOG, JSON.stringify(process.argv.slice(2)) + "\\n")',
        `require(${JSON.stringify(cliPath)})`,
        '',
      ].join('\n'),
    )
  })

  afterAll(async () => {
    await tree?.remove()
  })

  /** Runs the action's steps with these inputs; returns the run and the argument lists bilint got. */
  async function runAction(inputs: Record<string, string>): Promise<{run: ActionRun; argv: string[][]}> {
    await rm(argvLog, {force: true})
    await rm(tree.path('workspace', 'bilint.sarif'), {force: true})
    const run = runCompositeAction(action, {
      inputs,
      workspace: tree.path('workspace'),
      actionPath,
      skipRunSteps: ['install'],
      env: {BILINT_ARGV_LOG: argvLog, NO_COLOR: '1'},
    })
    const argv = existsSync(argvLog)
      ? readFileSync(argvLog, 'utf8')
          .split('\n')
          .filter((line) => line !== '')
          .map((line) => JSON.parse(line) as string[])
      : []
    // Whatever the inputs, bilint only ever gets options its help lists.
    for (const args of argv) {
      const end = args.indexOf('--')
      for (const arg of end === -1 ? args : args.slice(0, end)) {
        if (arg.startsWith('--')) expect(helpOptions, arg).toContain(arg)
      }
    }
    return {run, argv}
  }

  /** The lint step's combined output, for failure messages. */
  const logOf = (run: ActionRun): string => `${run.step('lint').stdout}\n${run.step('lint').stderr}`

  it('with the defaults, writes a valid SARIF file, fails on lint errors and still uploads', async () => {
    const {run, argv} = await runAction({})
    const lint = run.step('lint')
    expect(lint.exitCode, logOf(run)).toBe(1)
    expect(run.failed).toBe(true)
    expect(argv).toEqual([['--format', 'sarif', '--no-color', '--output-file', 'bilint.sarif', '--', '.']])
    expect(lint.outputs).toEqual({'exit-code': '1', 'report-file': 'bilint.sarif', 'sarif-file': 'bilint.sarif'})
    expect(run.outputs).toEqual({'exit-code': '1', 'report-file': 'bilint.sarif'})

    const sarifText = readFileSync(tree.path('workspace', 'bilint.sarif'), 'utf8')
    expect(sarifValidationErrors(sarifText)).toEqual([])
    const sarif = JSON.parse(sarifText) as {runs: Array<{results: Array<{ruleId: string; level: string; locations: Array<{physicalLocation: {artifactLocation: {uri: string}}}>}>}>}
    const results = sarif.runs.flatMap((sarifRun) => sarifRun.results)
    expect(results.map((result) => [result.ruleId, result.level, result.locations[0]!.physicalLocation.artifactLocation.uri])).toEqual(
      expect.arrayContaining([
        ['glued-subscript', 'error', 'docs/report.md'],
        ['orphaned-heading', 'warning', 'docs/plan.md'],
      ]),
    )
    // The findings are in the log as well.
    expect(lint.stdout).toContain('docs/report.md:3:14: error')
    expect(lint.stdout).toMatch(/bilint: \d+ finding\(s\) written to bilint\.sarif/)

    const upload = run.steps.find((step) => step.step.uses?.startsWith('github/codeql-action/upload-sarif'))!
    expect(upload.outcome).toBe('simulated')
    expect(upload.with).toEqual({sarif_file: 'bilint.sarif', category: 'bilint'})
  })

  it('with fail-level none, reports the errors but passes', async () => {
    const {run} = await runAction({'fail-level': 'none'})
    expect(run.step('lint').outcome, logOf(run)).toBe('success')
    expect(run.failed).toBe(false)
    expect(run.outputs['exit-code']).toBe('1')
    expect(sarifValidationErrors(readFileSync(tree.path('workspace', 'bilint.sarif'), 'utf8'))).toEqual([])
    expect(run.steps.at(-1)!.outcome).toBe('simulated')
  })

  it('with fail-level warning, fails on warnings alone; with error, passes them', async () => {
    const warning = await runAction({'fail-level': 'warning', paths: 'docs/plan.md'})
    expect(warning.argv[0]).toEqual(['--format', 'sarif', '--no-color', '--output-file', 'bilint.sarif', '--max-warnings', '0', '--', 'docs/plan.md'])
    expect(warning.run.step('lint').exitCode, logOf(warning.run)).toBe(1)

    const error = await runAction({'fail-level': 'error', paths: 'docs/plan.md'})
    expect(error.argv[0]).not.toContain('--max-warnings')
    expect(error.run.step('lint').exitCode, logOf(error.run)).toBe(0)
    expect(error.run.outputs['exit-code']).toBe('0')
  })

  it('passes clean documents with every fail-level', async () => {
    for (const level of ['error', 'warning', 'none']) {
      const {run} = await runAction({'fail-level': level, paths: 'notes.txt'})
      expect(run.step('lint').exitCode, `${level}: ${logOf(run)}`).toBe(0)
    }
  })

  it('skips the upload when upload-sarif is false', async () => {
    const {run} = await runAction({'upload-sarif': 'false'})
    expect(run.step('lint').exitCode).toBe(1)
    expect(run.steps.at(-1)!.step.uses).toMatch(/^github\/codeql-action\/upload-sarif@/)
    expect(run.steps.at(-1)!.outcome).toBe('skipped')
  })

  it('hands the config input to --config', async () => {
    const {run, argv} = await runAction({config: 'no-glued-subscript.json', paths: 'docs/report.md'})
    expect(argv[0]).toEqual(expect.arrayContaining(['--config', 'no-glued-subscript.json']))
    expect(run.step('lint').exitCode, logOf(run)).toBe(0)
  })

  it('splits paths on spaces and newlines and leaves globs to bilint', async () => {
    const {run, argv} = await runAction({paths: 'docs/*.md\nnotes.txt  docs/plan.md\n'})
    expect(argv[0]!.slice(argv[0]!.indexOf('--') + 1)).toEqual(['docs/*.md', 'notes.txt', 'docs/plan.md'])
    expect(run.step('lint').exitCode, logOf(run)).toBe(1)
    const sarif = JSON.parse(readFileSync(tree.path('workspace', 'bilint.sarif'), 'utf8')) as {runs: Array<{results: Array<{locations: Array<{physicalLocation: {artifactLocation: {uri: string}}}>}>}>}
    const files = new Set(sarif.runs[0]!.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation.uri))
    expect([...files].sort()).toEqual(['docs/plan.md', 'docs/report.md'])
  })

  it('with format github, prints annotations to the log and uploads nothing', async () => {
    const {run, argv} = await runAction({format: 'github'})
    expect(argv[0]).toEqual(['--format', 'github', '--no-color', '--', '.'])
    const lint = run.step('lint')
    expect(lint.exitCode).toBe(1)
    expect(lint.stdout).toMatch(/^::error file=docs\/report\.md,line=3,col=14,.*title=glued-subscript::/m)
    expect(lint.outputs).toEqual({'exit-code': '1'})
    expect(existsSync(tree.path('workspace', 'bilint.sarif'))).toBe(false)
    expect(run.steps.at(-1)!.outcome).toBe('skipped')
  })

  it('fails on usage and file errors (exit code 2) even with fail-level none', async () => {
    const {run} = await runAction({'fail-level': 'none', paths: 'missing.md'})
    expect(run.step('lint').exitCode, logOf(run)).toBe(2)
    expect(run.outputs['exit-code']).toBe('2')
    expect(run.failed).toBe(true)
  })

  it('refuses an unknown fail-level before running bilint', async () => {
    const {run, argv} = await runAction({'fail-level': 'warnings'})
    expect(run.step('lint').exitCode).toBe(2)
    expect(run.step('lint').stdout).toContain("::error title=bilint::fail-level must be error, warning or none, not 'warnings'")
    expect(argv).toEqual([])
  })
})

describe('action.yml from a clean checkout', () => {
  /** `npm ci` of every dependency and a build: slow on a busy machine. */
  const installTimeoutMs = 240_000
  let tree: TempTree

  beforeAll(async () => {
    tree = await makeTempTree({
      'workspace/.bilintrc.json': '{}\n',
      'workspace/docs/report.md': '# Air quality\n\nThe level of PM2.5Caused concern in the city.\n',
    })
    // The action as GitHub checks it out: the repository's files, no node_modules, no dist.
    copyWorkingTree(repoRoot, tree.path('action'))
  })

  afterAll(async () => {
    await tree?.remove()
  })

  it(
    'installs and builds bilint with its install step, then lints with it',
    () => {
      expect(existsSync(tree.path('action', 'dist'))).toBe(false)
      const run = runCompositeAction(action, {
        workspace: tree.path('workspace'),
        actionPath: tree.path('action'),
        baseEnv: cleanEnvironment(),
        timeoutMs: installTimeoutMs,
      })
      const install = run.step('install')
      expect(install.exitCode, `${install.stdout}\n${install.stderr}`).toBe(0)
      expect(existsSync(tree.path('action', 'dist', 'src', 'cli.cjs'))).toBe(true)
      const lint = run.step('lint')
      expect(lint.exitCode, `${lint.stdout}\n${lint.stderr}`).toBe(1)
      expect(lint.stdout).toContain('docs/report.md:3:14: error')
      expect(sarifValidationErrors(readFileSync(tree.path('workspace', 'bilint.sarif'), 'utf8'))).toEqual([])
    },
    installTimeoutMs + 60_000,
  )
})

describe('the runner stand-in', () => {
  const context = {contexts: {inputs: {'upload-sarif': 'TRUE', empty: ''}, steps: {lint: {outputs: {}}}}, failed: false}

  it('evaluates expressions with GitHub semantics', () => {
    // Strings compare case-insensitively; a missing output is null, which equals ''.
    expect(evaluateExpression("inputs.upload-sarif == 'true'", context)).toBe(true)
    expect(evaluateExpression("steps.lint.outputs.sarif-file != ''", context)).toBe(false)
    expect(evaluateExpression("!cancelled() && inputs['upload-sarif'] == 'true'", context)).toBe(true)
    expect(evaluateExpression("inputs.empty || 'fallback'", context)).toBe('fallback')
    expect(() => evaluateExpression('secrets.TOKEN', context)).toThrow(/unknown context/)
    expect(() => evaluateExpression('fromJSON(inputs.empty)', context)).toThrow(/unsupported function/)
  })

  it('substitutes templates, keeping the type of a lone expression', () => {
    expect(evaluateTemplate('${{ inputs.upload-sarif }}/x-${{ steps.lint.outputs.none }}', context)).toBe('TRUE/x-')
    expect(evaluateTemplate('${{ !cancelled() }}', context)).toBe(true)
  })
})
