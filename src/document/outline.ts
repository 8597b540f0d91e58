/**
 * Numbered sequences as an outline: a stack of open sequences, one per level.
 *
 * Official Chinese documents nest `一、` › `（一）` › `1.` › `（1）` (GB/T 9704):
 * a marker of a new style that starts at 1 opens a deeper level; a marker
 * whose style is open returns to that level; a marker of another style that
 * does not start at 1 continues the current level in a different style.
 */
import type {NumberingMarker, NumberingStyle} from './numbering.js'

/** One sequence of markers at one level. */
export interface NumberedSequence {
  /** The style of its first marker: the style every later marker should keep. */
  style: NumberingStyle
  /** The markers placed so far, in order. */
  markers: NumberingMarker[]
  /** Value the last marker counted as. */
  lastValue: number
}

/** Where a marker was placed. */
export interface Placement<Item> {
  /** 0-based level in the outline. */
  level: number
  /** The sequence it joined or opened. */
  sequence: NumberedSequence
  /** Whether it opened the sequence. */
  opened: boolean
  /** The item placed before it in the same sequence, if any. */
  previous: Item | null
  /** The value of the sequence's previous marker (0 when it opened the sequence). */
  previousValue: number
}

/** A stack of open sequences. */
export class Outline<Item = NumberingMarker> {
  private readonly stack: Array<{sequence: NumberedSequence; lastItem: Item | null}> = []

  /** Closes every sequence. */
  reset(): void {
    this.stack.length = 0
  }

  /** Number of open levels. */
  get depth(): number {
    return this.stack.length
  }

  /**
   * Places a marker and returns where it went.
   * @param marker The marker.
   * @param item What the caller wants to remember with it (e.g. its block).
   */
  place(marker: NumberingMarker, item: Item): Placement<Item> {
    const stack = this.stack
    for (let level = stack.length - 1; level >= 0; level--) {
      const entry = stack[level]!
      if (entry.sequence.style === marker.style) {
        // `1.` after `3.` of the same style starts a new list rather than repeating.
        if (marker.value === 1 && entry.sequence.lastValue > 1) {
          stack.length = level
          return this.open(marker, item)
        }
        stack.length = level + 1
        return this.join(level, marker, item)
      }
    }
    if (marker.value === 1 || stack.length === 0) return this.open(marker, item)
    return this.join(stack.length - 1, marker, item)
  }

  private open(marker: NumberingMarker, item: Item): Placement<Item> {
    const sequence: NumberedSequence = {style: marker.style, markers: [marker], lastValue: marker.value}
    this.stack.push({sequence, lastItem: item})
    return {level: this.stack.length - 1, sequence, opened: true, previous: null, previousValue: 0}
  }

  private join(level: number, marker: NumberingMarker, item: Item): Placement<Item> {
    const entry = this.stack[level]!
    const previous = entry.lastItem
    const previousValue = entry.sequence.lastValue
    entry.sequence.markers.push(marker)
    entry.sequence.lastValue = marker.value
    entry.lastItem = item
    return {level, sequence: entry.sequence, opened: false, previous, previousValue}
  }
}
