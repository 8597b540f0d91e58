/**
 * Prose text as the tokenizer reads it, tied back to the source file.
 *
 * In Markdown the prose of a paragraph is not one slice of the file: markup
 * (`**`, `[`, `](url)`), list indents and `> ` markers sit in between, and
 * entities or escapes are shorter once decoded. A `ProseText` holds the text
 * the reader sees plus a piecewise-linear map from each of its UTF-16 offsets
 * to the offset in the file, so every node keeps an exact position.
 */

import type {TokenRecord} from './token-record.js'

/** A run of prose that maps linearly onto the source. */
interface Piece {
  /** Offset in the prose text. */
  proseStart: number
  /** Offset in the source text. */
  sourceStart: number
}

/** A range of prose text that is not language (inline code, inline HTML). */
export interface OpaqueRange {
  /** Start offset in the prose text. */
  start: number
  /** End offset in the prose text (exclusive). */
  end: number
}

/** Prose text with its map back to the source. */
export class ProseText {
  /** The text as a reader sees it. */
  value = ''
  /** Ranges of `value` that hold code or markup, kept as nlcst `SourceNode`s. */
  readonly opaque: OpaqueRange[] = []
  private readonly pieces: Piece[] = []
  /** Index of the piece found last: lookups in document order are O(1). */
  private lastPiece = 0
  /** The document's token record holding this prose's tokens, if they were recorded (see `token-record.ts`). */
  tokenRecord: TokenRecord | null = null
  /** Where this prose's tokens start in {@link tokenRecord}. */
  tokenStart = 0
  /** How many entries they take. */
  tokenCount = 0

  /**
   * Appends text whose characters sit one-to-one on `source` from `sourceStart`.
   * @param text The text.
   * @param sourceStart Offset of its first character in the source.
   */
  append(text: string, sourceStart: number): void {
    if (text === '') return
    const last = this.pieces[this.pieces.length - 1]
    // Extend the previous piece when the new text continues it in the source.
    if (!last || last.sourceStart + (this.value.length - last.proseStart) !== sourceStart) {
      this.pieces.push({proseStart: this.value.length, sourceStart})
    }
    this.value += text
  }

  /**
   * Appends text that is not prose (code, HTML), taken verbatim from the source.
   * @param text The source slice.
   * @param sourceStart Its offset in the source.
   */
  appendOpaque(text: string, sourceStart: number): void {
    const start = this.value.length
    this.append(text, sourceStart)
    if (text !== '') this.opaque.push({start, end: this.value.length})
  }

  /**
   * Source offset of the character at prose offset `offset`.
   * @param offset Offset in `value`; `value.length` maps just past the last character.
   */
  toSource(offset: number): number {
    const pieces = this.pieces
    if (pieces.length === 0) return 0
    let index = this.lastPiece
    if (pieces[index]!.proseStart > offset) index = 0
    while (index + 1 < pieces.length && pieces[index + 1]!.proseStart <= offset) index++
    this.lastPiece = index
    const piece = pieces[index]!
    return piece.sourceStart + (offset - piece.proseStart)
  }

  /**
   * Whether the source range `[sourceStart, sourceEnd)` is prose copied
   * verbatim: inside one piece (no markup, escape, entity or line prefix in
   * between) and outside every opaque range. Only such ranges may be fixed.
   * @param sourceStart Start offset in the source.
   * @param sourceEnd End offset in the source (exclusive).
   */
  isVerbatim(sourceStart: number, sourceEnd: number): boolean {
    const pieces = this.pieces
    for (let index = 0; index < pieces.length; index++) {
      const piece = pieces[index]!
      const length = (pieces[index + 1]?.proseStart ?? this.value.length) - piece.proseStart
      if (sourceStart < piece.sourceStart || sourceEnd > piece.sourceStart + length) continue
      const proseStart = piece.proseStart + (sourceStart - piece.sourceStart)
      const proseEnd = proseStart + (sourceEnd - sourceStart)
      return !this.opaque.some((range) => range.start < proseEnd && range.end > proseStart)
    }
    return false
  }

  /**
   * Source offset just past the character before prose offset `end`: the end
   * of a range, which must not jump to the start of the next piece.
   * @param end Exclusive end offset in `value`.
   */
  toSourceEnd(end: number): number {
    return end === 0 ? this.toSource(0) : this.toSource(end - 1) + 1
  }
}
