/**
 * bilint's programmatic API.
 *
 * ```ts
 * import {lintText, lintFiles} from 'bilint'
 * const result = await lintText('PM2.5Caused haze.', {filePath: 'report.md'})
 * const results = await lintFiles(['docs/'], {cwd: process.cwd()})
 * ```
 * Results have the shape the `json` format prints (ESLint's).
 */
export {lintFiles, lintText, type LintFilesOptions, type LintOptions, type LintTextOptions} from './engine/lint-files.js'
export {defineRule, type RuleContext, type RuleModule, type RuleReport, type RuleSettings} from './engine/rule.js'
export {ruleMetas} from './rule-metas.js'
export type {
  BilintConfig,
  FixApplicability,
  LintMessage,
  LintResult,
  RuleMeta,
  RuleSetting,
  Severity,
  SeverityName,
  Suggestion,
  TextEdit,
} from './types.js'
export type {DocumentIndex, Block, BlockKind} from './document/types.js'
export {paragraphOf} from './document/block-walk.js'
export {BlockTokens, TokenType} from './parser/block-tokens.js'
