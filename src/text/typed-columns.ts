/**
 * Growing typed-array columns, for rules that keep per-token data in
 * reused arrays instead of one object per token.
 */

/** A typed array bilint keeps per-token columns in. */
type Column = Uint8Array | Int32Array

/**
 * A copy of `column` with room for `size` entries (its values kept, the rest zero).
 * @param column The column to grow.
 * @param size The new length.
 */
export function grownColumn<T extends Column>(column: T, size: number): T {
  const grown = new (column.constructor as new (length: number) => T)(size)
  grown.set(column)
  return grown
}
