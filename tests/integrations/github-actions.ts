/**
 * A small stand-in for the GitHub Actions runner, enough to run the steps of
 * a composite action (`action.yml`) locally: it evaluates the `${{ … }}`
 * expressions the action uses (contexts `inputs`, `steps`, `github`; the
 * operators `!`, `==`, `!=`, `&&`, `||`; the status functions), runs `run:`
 * steps with bash the way the runner does (`bash --noprofile --norc -eo
 * pipefail`), collects their `$GITHUB_OUTPUT`, and records `uses:` steps with
 * their evaluated `with:` instead of running them.
 *
 * Only what the action needs is supported; anything else throws, so that a
 * change to the action that this stand-in cannot judge fails loudly instead
 * of passing unchecked.
 */

import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** A value of an expression, as GitHub types them. */
export type ExpressionValue = string | number | boolean | null | {[key: string]: ExpressionValue}

/** The contexts and job state an expression is evaluated against. */
export interface ExpressionContext {
  /** Named contexts (`inputs`, `steps`, `github`, …). */
  contexts: Record<string, ExpressionValue>
  /** Whether a previous step failed (for `success()` and `failure()`). */
  failed: boolean
}

/** Tokens of the expression language subset. */
type Token =
  | {kind: 'string'; value: string}
  | {kind: 'number'; value: number}
  | {kind: 'word'; value: string}
  | {kind: 'op'; value: string}

/** Splits an expression into tokens. */
function tokenize(source: string): Token[] {
  const tokens: Token[] = []
  let position = 0
  while (position < source.length) {
    const rest = source.slice(position)
    const space = /^\s+/.exec(rest)
    if (space) {
      position += space[0].length
      continue
    }
    const string = /^'((?:[^']|'')*)'/.exec(rest)
    if (string) {
      tokens.push({kind: 'string', value: string[1]!.replaceAll("''", "'")})
      position += string[0].length
      continue
    }
    const number = /^-?\d+(?:\.\d+)?/.exec(rest)
    if (number) {
      tokens.push({kind: 'number', value: Number(number[0])})
      position += number[0].length
      continue
    }
    // Context and property names may contain dashes (`inputs.fail-level`).
    const word = /^[A-Za-z_][\w-]*/.exec(rest)
    if (word) {
      tokens.push({kind: 'word', value: word[0]})
      position += word[0].length
      continue
    }
    const op = /^(==|!=|&&|\|\||[!().[\]])/.exec(rest)
    if (op) {
      tokens.push({kind: 'op', value: op[0]})
      position += op[0].length
      continue
    }
    throw new SyntaxError(`unsupported expression syntax at ${JSON.stringify(rest)} in ${JSON.stringify(source)}`)
  }
  return tokens
}

/** GitHub's truthiness: false, 0, '' and null are falsy. */
export function truthy(value: ExpressionValue): boolean {
  return !(value === false || value === 0 || value === '' || value === null || Number.isNaN(value))
}

/** GitHub's loose equality: strings compare case-insensitively; mixed types compare as numbers. */
function looselyEqual(left: ExpressionValue, right: ExpressionValue): boolean {
  if (typeof left === 'string' && typeof right === 'string') return left.toLowerCase() === right.toLowerCase()
  if (typeof left === typeof right && typeof left !== 'object') return left === right
  if (left === null && right === null) return true
  const toNumber = (value: ExpressionValue): number => {
    if (value === null) return 0
    if (typeof value === 'boolean') return value ? 1 : 0
    if (typeof value === 'number') return value
    if (typeof value === 'string') return value.trim() === '' ? 0 : Number(value)
    return Number.NaN
  }
  return toNumber(left) === toNumber(right)
}

/** The names of the status functions (`success()` and the like). */
const statusFunctions = new Set(['success', 'failure', 'always', 'cancelled'])

/**
 * Evaluates one expression (the text between `${{` and `}}`).
 * @param source The expression.
 * @param context Contexts and job state.
 */
export function evaluateExpression(source: string, context: ExpressionContext): ExpressionValue {
  const tokens = tokenize(source)
  let index = 0
  const peek = (): Token | undefined => tokens[index]
  const isOp = (value: string): boolean => peek()?.kind === 'op' && peek()!.value === value
  const expectOp = (value: string): void => {
    if (!isOp(value)) throw new SyntaxError(`expected \`${value}\` in ${JSON.stringify(source)}`)
    index++
  }

  const parseOr = (): ExpressionValue => {
    let value = parseAnd()
    while (isOp('||')) {
      index++
      const right = parseAnd()
      value = truthy(value) ? value : right
    }
    return value
  }
  const parseAnd = (): ExpressionValue => {
    let value = parseEquality()
    while (isOp('&&')) {
      index++
      const right = parseEquality()
      value = truthy(value) ? right : value
    }
    return value
  }
  const parseEquality = (): ExpressionValue => {
    let value = parseUnary()
    while (isOp('==') || isOp('!=')) {
      const negate = peek()!.value === '!='
      index++
      const equal = looselyEqual(value, parseUnary())
      value = negate ? !equal : equal
    }
    return value
  }
  const parseUnary = (): ExpressionValue => {
    if (isOp('!')) {
      index++
      return !truthy(parseUnary())
    }
    return parsePrimary()
  }
  const parsePrimary = (): ExpressionValue => {
    const token = peek()
    if (!token) throw new SyntaxError(`unexpected end of ${JSON.stringify(source)}`)
    index++
    if (token.kind === 'string' || token.kind === 'number') return token.value
    if (token.kind === 'op') {
      if (token.value !== '(') throw new SyntaxError(`unexpected \`${token.value}\` in ${JSON.stringify(source)}`)
      const value = parseOr()
      expectOp(')')
      return value
    }
    if (token.value === 'true') return true
    if (token.value === 'false') return false
    if (token.value === 'null') return null
    if (isOp('(')) {
      if (!statusFunctions.has(token.value)) throw new SyntaxError(`unsupported function ${token.value}() in ${JSON.stringify(source)}`)
      index++
      expectOp(')')
      if (token.value === 'success') return !context.failed
      if (token.value === 'failure') return context.failed
      if (token.value === 'always') return true
      return false // cancelled(): the simulated job is never cancelled
    }
    if (!Object.hasOwn(context.contexts, token.value)) throw new SyntaxError(`unknown context \`${token.value}\` in ${JSON.stringify(source)}`)
    let value: ExpressionValue = context.contexts[token.value]!
    // Property access: `.name` or `['name']`; a missing property is null, as on GitHub.
    for (;;) {
      let key: string
      if (isOp('.')) {
        index++
        const name = peek()
        if (name?.kind !== 'word') throw new SyntaxError(`expected a property name in ${JSON.stringify(source)}`)
        key = name.value
        index++
      } else if (isOp('[')) {
        index++
        const name = peek()
        if (name?.kind !== 'string') throw new SyntaxError(`expected a quoted property name in ${JSON.stringify(source)}`)
        key = name.value
        index++
        expectOp(']')
      } else {
        break
      }
      value = value !== null && typeof value === 'object' && Object.hasOwn(value, key) ? value[key]! : null
    }
    return value
  }

  const value = parseOr()
  if (index !== tokens.length) throw new SyntaxError(`unexpected trailing tokens in ${JSON.stringify(source)}`)
  return value
}

/** Every `${{ … }}` expression in a text, without the braces. */
export function expressionsIn(text: string): string[] {
  return [...text.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((match) => match[1]!.trim())
}

/** Text form of a value, as GitHub splices it into a string. */
function stringify(value: ExpressionValue): string {
  if (value === null) return ''
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/**
 * Replaces every `${{ … }}` in a template. A template that is exactly one
 * expression keeps the expression's type; otherwise the result is a string.
 */
export function evaluateTemplate(template: string, context: ExpressionContext): ExpressionValue {
  const whole = /^\s*\$\{\{([\s\S]*?)\}\}\s*$/.exec(template)
  if (whole && !whole[1]!.includes('}}')) return evaluateExpression(whole[1]!, context)
  return template.replace(/\$\{\{([\s\S]*?)\}\}/g, (_match, expression: string) => stringify(evaluateExpression(expression, context)))
}

/**
 * Evaluates a step's `if:`. As on GitHub, braces are optional, and a
 * condition without a status function is implicitly `success() && (…)`.
 */
export function evaluateCondition(condition: string | undefined, context: ExpressionContext): boolean {
  if (condition === undefined) return !context.failed
  const whole = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(condition)
  const expression = whole ? whole[1]! : condition
  const value = truthy(evaluateExpression(expression, context))
  return /\b(?:success|failure|always|cancelled)\s*\(/.test(expression) ? value : !context.failed && value
}

/** An input of an action, as `action.yml` declares it. */
export interface ActionInput {
  description?: string
  required?: boolean
  default?: string
}

/** One step of a composite action. */
export interface ActionStep {
  id?: string
  name?: string
  if?: string
  uses?: string
  with?: Record<string, string>
  run?: string
  shell?: string
  env?: Record<string, string>
  'working-directory'?: string
}

/** The parts of `action.yml` the runner reads. */
export interface ActionDefinition {
  name: string
  description: string
  inputs?: Record<string, ActionInput>
  outputs?: Record<string, {description?: string; value: string}>
  runs: {using: string; steps?: ActionStep[]}
}

/** What happened to one step. */
export interface StepResult {
  step: ActionStep
  /** `skipped` when the condition was false; `simulated` for `uses:` steps, which are not run. */
  outcome: 'success' | 'failure' | 'skipped' | 'simulated'
  /** Exit code of a `run:` step. */
  exitCode?: number
  stdout: string
  stderr: string
  /** Outputs the step wrote to `$GITHUB_OUTPUT`. */
  outputs: Record<string, string>
  /** The evaluated `with:` of a `uses:` step. */
  with?: Record<string, string>
}

/** Options of {@link runCompositeAction}. */
export interface RunActionOptions {
  /** Input values by name (strings, as in a workflow); undeclared names throw. */
  inputs?: Record<string, string>
  /** The job's workspace: the working directory of `run:` steps. */
  workspace: string
  /** Value of `github.action_path`. */
  actionPath: string
  /** Ids of `run:` steps to treat as succeeded without running them (e.g. an install step). */
  skipRunSteps?: string[]
  /** Environment the runner starts from (default: this process's). */
  baseEnv?: NodeJS.ProcessEnv
  /** Extra environment of every `run:` step. */
  env?: Record<string, string>
  /** Kill a `run:` step after this many milliseconds. */
  timeoutMs?: number
}

/** The result of running a composite action. */
export interface ActionRun {
  steps: StepResult[]
  /** The step with this id (throws when there is none). */
  step(id: string): StepResult
  /** Whether the action failed (some step failed). */
  failed: boolean
  /** The action's evaluated `outputs:`. */
  outputs: Record<string, string>
}

/** Parses a `$GITHUB_OUTPUT` file: `name=value` lines and `name<<DELIMITER` blocks. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!
    if (line === '') continue
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, index + 1)
      if (end === -1) throw new Error(`unterminated ${heredoc[2]} block for output ${heredoc[1]}`)
      outputs[heredoc[1]!] = lines.slice(index + 1, end).join('\n')
      index = end
      continue
    }
    const separator = line.indexOf('=')
    if (separator <= 0) throw new Error(`malformed $GITHUB_OUTPUT line ${JSON.stringify(line)}`)
    outputs[line.slice(0, separator)] = line.slice(separator + 1)
  }
  return outputs
}

/**
 * Runs a composite action's steps in order, as the runner would.
 * @param action The parsed `action.yml`.
 * @param options Inputs, workspace, action path.
 */
export function runCompositeAction(action: ActionDefinition, options: RunActionOptions): ActionRun {
  if (action.runs.using !== 'composite') throw new Error(`not a composite action: runs.using is ${action.runs.using}`)
  const declared = action.inputs ?? {}
  const inputs: Record<string, ExpressionValue> = {}
  for (const [name, input] of Object.entries(declared)) inputs[name] = input.default ?? ''
  for (const [name, value] of Object.entries(options.inputs ?? {})) {
    if (!Object.hasOwn(declared, name)) throw new Error(`input ${name} is not declared in action.yml`)
    inputs[name] = value
  }
  const stepsContext: Record<string, ExpressionValue> = {}
  const context: ExpressionContext = {
    contexts: {
      inputs,
      steps: stepsContext,
      github: {action_path: options.actionPath, workspace: options.workspace},
    },
    failed: false,
  }
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'bilint-runner-'))
  const results: StepResult[] = []
  try {
    for (const [index, step] of (action.runs.steps ?? []).entries()) {
      const result: StepResult = {step, outcome: 'skipped', stdout: '', stderr: '', outputs: {}}
      results.push(result)
      if (!evaluateCondition(step.if, context)) continue
      if (step.uses !== undefined) {
        result.outcome = 'simulated'
        result.with = Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, stringify(evaluateTemplate(String(value), context))]))
      } else if (step.run !== undefined) {
        if (step.shell !== 'bash') throw new Error(`step ${step.id ?? index}: only shell: bash is simulated, not ${step.shell}`)
        if (step.id !== undefined && options.skipRunSteps?.includes(step.id)) {
          result.outcome = 'success'
        } else {
          const script = path.join(scratch, `step-${index}.sh`)
          const outputFile = path.join(scratch, `output-${index}`)
          writeFileSync(script, stringify(evaluateTemplate(step.run, context)))
          writeFileSync(outputFile, '')
          const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, stringify(evaluateTemplate(String(value), context))]))
          const cwd = step['working-directory'] === undefined ? options.workspace : stringify(evaluateTemplate(step['working-directory'], context))
          const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
            cwd,
            encoding: 'utf8',
            timeout: options.timeoutMs ?? 60_000,
            env: {
              ...(options.baseEnv ?? process.env),
              CI: 'true',
              GITHUB_ACTIONS: 'true',
              GITHUB_WORKSPACE: options.workspace,
              GITHUB_ACTION_PATH: options.actionPath,
              GITHUB_OUTPUT: outputFile,
              ...options.env,
              ...stepEnv,
            },
          })
          if (run.error) throw run.error
          result.exitCode = run.status ?? -1
          result.stdout = run.stdout
          result.stderr = run.stderr
          result.outputs = parseOutputFile(readFileSync(outputFile, 'utf8'))
          result.outcome = run.status === 0 ? 'success' : 'failure'
        }
      } else {
        throw new Error(`step ${step.id ?? index} has neither run nor uses`)
      }
      if (result.outcome === 'failure') context.failed = true
      if (step.id !== undefined) stepsContext[step.id] = {outputs: result.outputs, outcome: result.outcome, conclusion: result.outcome}
    }
  } finally {
    rmSync(scratch, {recursive: true, force: true})
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs ?? {}).map(([name, output]) => [name, stringify(evaluateTemplate(output.value, context))]))
  return {
    steps: results,
    step(id) {
      const found = results.find((result) => result.step.id === id)
      if (!found) throw new Error(`no step with id ${id}`)
      return found
    },
    failed: context.failed,
    outputs,
  }
}
