/** Where the rules' pages are published. */

/**
 * Documentation URL of a rule page.
 * @param id The rule id.
 */
export function ruleUrl(id: string): string {
  return `https://github.com/bilint/bilint/blob/main/rules/${id}/README.md`
}
