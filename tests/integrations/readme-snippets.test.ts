/**
 * The README's integration snippets stay in step with what they configure:
 * workflows use only inputs `action.yml` declares and bilint options the CLI
 * knows, `.pre-commit-config.yaml` examples name hooks that
 * `.pre-commit-hooks.yaml` defines, and the lint-staged glob covers the same
 * files as the pre-commit hook. Each group is skipped while the README has
 * no snippet of that kind.
 */

import {readFileSync} from 'node:fs'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {repoRoot, runBilint} from '../cli/helpers.js'

/** A fenced code block of the README. */
interface CodeBlock {
  language: string
  code: string
  /** 1-based line of the opening fence, for messages. */
  line: number
}

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8')

const blocks: CodeBlock[] = [...readme.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((match) => ({
  language: match[1]!,
  code: match[2]!,
  line: readme.slice(0, match.index).split('\n').length,
}))

/** A workflow step, as far as these checks read it. */
interface WorkflowStep {
  uses?: string
  run?: string
  with?: Record<string, unknown>
}

/** YAML blocks that are workflows, or parts of one (a list of steps). */
const workflowBlocks = blocks.filter((block) => block.language === 'yaml' && (/^jobs:/m.test(block.code) || /^\s*- (?:uses|run):/m.test(block.code)))
const preCommitBlocks = blocks.filter((block) => block.language === 'yaml' && /^repos:/m.test(block.code))
const lintStagedBlocks = blocks.filter((block) => block.language === 'json' && block.code.includes('"lint-staged"'))

/** Every step of a workflow block. */
function stepsOf(block: CodeBlock): WorkflowStep[] {
  const parsed = parse(block.code) as unknown
  if (Array.isArray(parsed)) return parsed as WorkflowStep[]
  const jobs = (parsed as {jobs?: Record<string, {steps?: WorkflowStep[]}>}).jobs ?? {}
  return Object.values(jobs).flatMap((job) => job.steps ?? [])
}

/** The arguments after the `bilint` command in a line of shell (npx and its package spec left out), or undefined. */
function bilintArguments(line: string): string | undefined {
  if (/sarif-multitool/.test(line)) return undefined
  const match = /(?:^|[\s/])bilint(?:#[\w.-]+)?\s+(.*)$/.exec(line)
  return match?.[1]
}

/** Long options in a command line. */
const longOptions = (text: string): string[] => text.match(/(?<![\w-])--[a-z][a-z-]*/g) ?? []

let helpOptions: Set<string>

beforeAll(async () => {
  const help = await runBilint(['--help'], {cwd: repoRoot})
  helpOptions = new Set(longOptions(help.stdout))
  expect(helpOptions.size).toBeGreaterThan(10)
})

describe.skipIf(workflowBlocks.length === 0)('README workflows', () => {
  const action = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as {inputs: Record<string, unknown>}

  it('give the action only the inputs it declares', () => {
    const actionSteps = workflowBlocks.flatMap((block) => stepsOf(block).filter((step) => step.uses?.startsWith('bilint/bilint@')).map((step) => ({block, step})))
    expect(actionSteps.length, 'no README workflow uses the action').toBeGreaterThan(0)
    for (const {block, step} of actionSteps) {
      expect(step.uses, `README line ${block.line}`).toMatch(/^bilint\/bilint@v\d+\.\d+\.\d+$/)
      for (const input of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs), `README line ${block.line}: input ${input}`).toContain(input)
    }
  })

  it('run bilint only with options bilint --help lists', () => {
    const commands = workflowBlocks.flatMap((block) =>
      stepsOf(block)
        .filter((step) => step.run !== undefined)
        .flatMap((step) => step.run!.replace(/\s*\n\s*/g, ' ').split(/&&|;/))
        .map((line) => ({block, args: bilintArguments(line)}))
        .filter((command) => command.args !== undefined),
    )
    expect(commands.length, 'no README workflow runs bilint itself').toBeGreaterThan(0)
    for (const {block, args} of commands) {
      for (const option of longOptions(args!)) expect(helpOptions, `README line ${block.line}: ${option}`).toContain(option)
    }
  })
})

describe.skipIf(preCommitBlocks.length === 0)('README pre-commit configuration', () => {
  const hookIds = (parse(readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{id: string}>).map((hook) => hook.id)

  it('names hooks that .pre-commit-hooks.yaml defines, at a release tag', () => {
    const repos = preCommitBlocks.flatMap((block) =>
      (parse(block.code) as {repos: Array<{repo: string; rev: string; hooks: Array<{id: string}>}>}).repos.filter((repo) => repo.repo.endsWith('/bilint/bilint')).map((repo) => ({block, repo})),
    )
    expect(repos.length).toBeGreaterThan(0)
    for (const {block, repo} of repos) {
      expect(repo.rev, `README line ${block.line}`).toMatch(/^v\d+\.\d+\.\d+$/)
      for (const hook of repo.hooks) expect(hookIds, `README line ${block.line}`).toContain(hook.id)
    }
  })
})

describe.skipIf(lintStagedBlocks.length === 0)('README lint-staged configuration', () => {
  const hookFiles = new RegExp((parse(readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{files: string}>)[0]!.files)

  /** A regular expression for a lint-staged glob without a slash (matched against base names), with `*` and `{a,b}`. */
  function globToRegExp(glob: string): RegExp {
    const escaped = glob.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\{([^}]*)\}/g, (_match, list: string) => `(?:${list.split(',').join('|')})`)
    return new RegExp(`(?:^|/)${escaped}$`)
  }

  it('is valid JSON that runs bilint on the files the pre-commit hook checks', () => {
    const samples = ['README.md', 'docs/guide.markdown', 'notes/zh.txt', 'src/cli.ts', 'package.json', 'report.md.bak', 'image.png']
    for (const block of lintStagedBlocks) {
      const config = (JSON.parse(block.code) as {'lint-staged': Record<string, string | string[]>})['lint-staged']
      expect(Object.keys(config).length, `README line ${block.line}`).toBeGreaterThan(0)
      for (const [glob, commands] of Object.entries(config)) {
        for (const command of [commands].flat()) {
          expect(command, `README line ${block.line}`).toMatch(/^bilint(?:\s|$)/)
          for (const option of longOptions(command)) expect(helpOptions, `README line ${block.line}: ${option}`).toContain(option)
        }
        const matcher = globToRegExp(glob)
        for (const sample of samples) expect(matcher.test(sample), `README line ${block.line}: ${glob} on ${sample}`).toBe(hookFiles.test(sample))
      }
    }
  })
})
