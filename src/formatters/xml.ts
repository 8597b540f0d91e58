/** Writing XML 1.0 text safely, for the checkstyle and JUnit formats. */

/** The XML declaration both XML formats start with. */
export const xmlDeclaration = '<?xml version="1.0" encoding="utf-8"?>'

/**
 * Characters XML 1.0 does not allow anywhere, not even as character
 * references: control characters other than tab, line feed and carriage
 * return, lone surrogates, U+FFFE and U+FFFF.
 */
const charactersNotAllowedInXml = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/** The references that replace markup characters in attribute values. */
const attributeReferences: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // Parsers turn literal tabs and line breaks in attributes into spaces; references keep them.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
}

/** Removes the characters that may not appear in an XML 1.0 document. */
export function removeCharactersNotAllowedInXml(text: string): string {
  return text.replace(charactersNotAllowedInXml, '')
}

/** Returns `value` ready to be put between double quotes as an XML attribute value. */
export function escapeXmlAttribute(value: string | number): string {
  return removeCharactersNotAllowedInXml(String(value)).replace(
    /[&<>"'\t\n\r]/g,
    (character) => attributeReferences[character] ?? character,
  )
}

/**
 * Returns `text` as a CDATA section. A `]]>` inside the text would end the
 * section early, so it is split across two sections.
 */
export function cdataSection(text: string): string {
  const safeText = removeCharactersNotAllowedInXml(text).replaceAll(']]>', ']]]]><![CDATA[>')
  return `<![CDATA[${safeText}]]>`
}
