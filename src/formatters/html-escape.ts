/** Writing text safely into HTML: element content and double-quoted attribute values. */

/** The character references that replace markup characters. */
const references: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  // References keep line breaks inside attribute values and every element on one line of the page.
  '\n': '&#10;',
  '\r': '&#13;',
  // HTML parsers drop or replace NUL; U+FFFD shows that something was there.
  '\u0000': '\uFFFD',
}

/** Markup characters, line breaks, and NUL, which may not appear literally in HTML text. */
const charactersToEscape = /[&<>"'\n\r\u0000]/g

/** Lone UTF-16 surrogates, which cannot be written as UTF-8. */
const loneSurrogates = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Any character that {@link escapeHtml} may change: the common case of none is answered quickly. */
const mayNeedEscaping = /[&<>"'\n\r\u0000\uD800-\uDFFF]/

/**
 * Returns `text` with every markup character replaced by a character
 * reference, so that it can stand as element content or inside a
 * double-quoted attribute value and never be read as markup. Lone surrogates
 * become U+FFFD, as they would when the page is encoded as UTF-8.
 */
export function escapeHtml(text: string | number): string {
  const string = String(text)
  if (!mayNeedEscaping.test(string)) return string
  return string
    .replace(loneSurrogates, '\uFFFD')
    .replace(charactersToEscape, (character) => references[character] ?? character)
}
