/**
 * orphaned-heading: a heading with no body before the next heading of the
 * same or a higher level, or before the end of the document.
 */
import type {Block} from '../../src/document/types.js'
import {defineRule} from '../../src/engine/rule.js'
import {meta} from './meta.js'

/** Options of orphaned-heading (none yet). */
export type OrphanedHeadingOptions = Record<string, never>

/** Whether a block counts as a section's body: anything but headings, bylines, breaks and comments. */
function isBody(block: Block, text: string): boolean {
  switch (block.kind) {
    case 'heading':
    case 'metadata':
    case 'thematicBreak':
      return false
    case 'html':
      return !text.startsWith('<!--', block.start)
    case 'other':
      // Front matter and link definitions are not content.
      return false
    default:
      return true
  }
}

/** Shortens a heading's text for a message. */
function quote(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > 60 ? `${line.slice(0, 57)}…` : line
}

export default defineRule<OrphanedHeadingOptions>(
  meta,
  {},
  ({index, report}) => {
    const blocks = index.blocks
    for (let position = 0; position < blocks.length; position++) {
      const heading = blocks[position]!
      if (heading.kind !== 'heading') continue
      let next: Block | undefined
      let hasBody = false
      for (let after = position + 1; after < blocks.length; after++) {
        const block = blocks[after]!
        if (block.kind === 'heading') {
          next = block
          break
        }
        if (isBody(block, index.text)) {
          hasBody = true
          break
        }
      }
      if (hasBody || (next && next.depth > heading.depth)) continue
      const title = quote(heading.prose?.value ?? index.text.slice(heading.start, heading.end))
      report({
        message: next
          ? `Unexpected empty section \`${title}\`: the next heading follows with no text in between`
          : `Unexpected empty section \`${title}\` at the end of the document`,
        start: heading.start,
        end: heading.end,
      })
    }
  },
)
