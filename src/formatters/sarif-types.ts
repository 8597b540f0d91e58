/**
 * The part of the SARIF 2.1.0 object model that bilint writes
 * (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html).
 */

/** A message: plain text. */
export interface SarifMessage {
  text: string
}

/** A file, by a URI reference resolved against `uriBaseId` when one is given. */
export interface SarifArtifactLocation {
  uri: string
  uriBaseId?: string
}

/** A text region: 1-based lines and columns, the end column exclusive. */
export interface SarifRegion {
  startLine: number
  startColumn: number
  endLine: number
  endColumn: number
}

/** A place in a file. */
export interface SarifLocation {
  physicalLocation: {
    artifactLocation: SarifArtifactLocation
    region?: SarifRegion
  }
}

/** A proposed edit of one file. */
export interface SarifFix {
  artifactChanges: Array<{
    artifactLocation: SarifArtifactLocation
    replacements: Array<{
      deletedRegion: SarifRegion
      insertedContent?: {text: string}
    }>
  }>
}

/** What a rule is, as listed once in the tool's driver. */
export interface SarifReportingDescriptor {
  id: string
  name?: string
  shortDescription: SarifMessage
  helpUri?: string
  defaultConfiguration: {level: 'error' | 'warning'}
  properties?: {tags: string[]}
}

/** One problem found. */
export interface SarifResult {
  ruleId: string
  ruleIndex?: number
  level: 'error' | 'warning'
  message: SarifMessage
  locations: SarifLocation[]
  fixes?: SarifFix[]
}

/** A problem of the run itself rather than of a file's text, such as an unreadable file. */
export interface SarifNotification {
  level: 'error'
  message: SarifMessage
  locations: SarifLocation[]
}

/** How the run went. */
export interface SarifInvocation {
  executionSuccessful: boolean
  toolExecutionNotifications?: SarifNotification[]
}

/** One run of one tool. */
export interface SarifRun {
  tool: {
    driver: {
      name: string
      version: string
      informationUri: string
      rules: SarifReportingDescriptor[]
    }
  }
  invocations: SarifInvocation[]
  originalUriBaseIds: Record<string, {uri: string}>
  results: SarifResult[]
  columnKind: 'utf16CodeUnits'
}

/** A whole SARIF file. */
export interface SarifLog {
  $schema: string
  version: '2.1.0'
  runs: SarifRun[]
}
