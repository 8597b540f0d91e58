/**
 * Public types shared by the engine, the rules, the reporters and the API.
 *
 * The result shape follows ESLint's JSON format so that tools reading ESLint
 * output can read bilint's.
 */

/** A severity as written in configuration. */
export type SeverityName = 'off' | 'warn' | 'error'

/** A numeric severity as printed in results: 1 = warning, 2 = error (ESLint's numbers). */
export type Severity = 1 | 2

/** How safe a fix is: `safe` fixes are applied by `--fix`, `unsafe` ones only on request. */
export type FixApplicability = 'safe' | 'unsafe'

/** A text edit in ESLint's shape: replace `range` (UTF-16 offsets into the text without BOM) with `text`. */
export interface TextEdit {
  /** Start and end offsets, end exclusive, in UTF-16 code units. */
  range: [number, number]
  /** The replacement text. */
  text: string
}

/** An unsafe fix offered as a suggestion, as ESLint's `suggestions`. */
export interface Suggestion {
  /** What applying the suggestion does. */
  desc: string
  /** The edit. */
  fix: TextEdit
}

/** One finding in one file. */
export interface LintMessage {
  /** The rule that reported it; `null` for a file that could not be read, `internal-error` for a rule crash. */
  ruleId: string | null
  /** 1 = warning, 2 = error. */
  severity: Severity
  /** Human-readable text. */
  message: string
  /** 1-based line of the start. */
  line: number
  /** 1-based column of the start, in UTF-16 code units. */
  column: number
  /** 1-based line of the end. */
  endLine: number
  /** 1-based column just past the end, in UTF-16 code units. */
  endColumn: number
  /** `true` for a message about a file that could not be linted at all. */
  fatal?: boolean
  /** The text the rule objects to. */
  actual?: string
  /** Replacement candidates, best first. */
  expected?: string[]
  /** Documentation URL of the rule. */
  url?: string
  /** The safe fix, applied by `--fix`. */
  fix?: TextEdit
  /** Unsafe fixes, applied only by `--fix-unsafe`. */
  suggestions?: Suggestion[]
}

/** The findings for one file, in ESLint's JSON shape. */
export interface LintResult {
  /** The path as given (absolute for files on disk, the stdin name for stdin). */
  filePath: string
  /** Findings in document order. */
  messages: LintMessage[]
  /** Number of messages of severity 2. */
  errorCount: number
  /** Number of messages of severity 1. */
  warningCount: number
  /** Messages that could not be linted at all (unreadable file). */
  fatalErrorCount: number
  /** Errors with a safe fix. */
  fixableErrorCount: number
  /** Warnings with a safe fix. */
  fixableWarningCount: number
  /** The source text, kept only when a reporter needs it. */
  source?: string
  /** The fixed text, present when fixing changed the file (as ESLint's `output`). */
  output?: string
}

/** Rule settings as written in configuration: a severity, or a severity with options. */
export type RuleSetting = SeverityName | [SeverityName] | [SeverityName, Record<string, unknown>]

/** A configuration object as found in `.bilintrc.json`, `.bilintrc.yaml` or package.json's `bilint` key. */
export interface BilintConfig {
  /** Optional JSON schema reference for editors. */
  $schema?: string
  /** Rule settings by rule id. */
  rules?: Record<string, RuleSetting>
  /** Forces the document language. */
  language?: 'en' | 'zh'
  /** Gitignore-style patterns of files not to lint, relative to the config file. */
  ignorePatterns?: string[]
  /** Project words the spelling rule accepts. */
  words?: string[]
}

/** What a rule is and how it behaves, as exported from `rules/<id>/index.ts`. */
export interface RuleMeta {
  /** Stable rule id, also its folder name. */
  id: string
  /** One-line description. */
  description: string
  /** ESLint's rule types. */
  type: 'problem' | 'suggestion' | 'layout'
  /** Document languages the rule applies to. */
  languages: Array<'en' | 'zh'>
  /** Whether the rule offers fixes. */
  fixable: 'always' | 'sometimes' | 'never'
  /** Severity when a preset turns the rule on. */
  defaultSeverity: Exclude<SeverityName, 'off'>
  /** JSON Schema of the options object. */
  schema: Record<string, unknown>
  /** Documentation URL. */
  url: string
  /** Presets that turn the rule on. */
  presets: string[]
}
