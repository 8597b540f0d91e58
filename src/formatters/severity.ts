/** Words for message severities. */

import type {Severity} from '../types.js'

/** The word for a severity as the machine-readable formats spell it. */
export type SeverityLabel = 'error' | 'warning'

/** Returns `error` for severity 2 and `warning` for severity 1. */
export function severityLabel(severity: Severity): SeverityLabel {
  return severity === 2 ? 'error' : 'warning'
}

/** Returns `Error` for severity 2 and `Warning` for severity 1, as the unix and JUnit formats print them. */
export function capitalizedSeverityLabel(severity: Severity): 'Error' | 'Warning' {
  return severity === 2 ? 'Error' : 'Warning'
}
