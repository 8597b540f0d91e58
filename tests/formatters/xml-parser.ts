/**
 * A small, strict XML 1.0 parser for tests: it accepts the subset of XML the
 * checkstyle and JUnit formats write (declaration, elements, attributes,
 * text, character and predefined entity references, CDATA sections,
 * comments) and throws on anything that is not well-formed.
 */

/** A parsed element with its decoded attribute values. */
export interface XmlElement {
  name: string
  attributes: Record<string, string>
  children: XmlNode[]
}

/** A node of the parsed tree: an element, or decoded text (CDATA included). */
export type XmlNode = XmlElement | string

/** Characters XML 1.0 allows in a document. */
const allowedCharacters = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u

/** A name, restricted to the characters the formats use. */
const namePattern = /[A-Za-z_:][A-Za-z0-9._:-]*/y

/** The XML declaration, when present. */
const declarationPattern = /<\?xml\s+version="1\.\d+"(\s+encoding="[A-Za-z][A-Za-z0-9._-]*")?(\s+standalone="(yes|no)")?\s*\?>/y

/** The five predefined entities. */
const predefinedEntities: Readonly<Record<string, string>> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'"}

/** Parses one document, keeping the position in the text. */
class XmlReader {
  private position = 0

  constructor(private readonly text: string) {}

  /** Throws a syntax error that names the position. */
  private fail(problem: string): never {
    throw new SyntaxError(`${problem} at offset ${this.position}: ${JSON.stringify(this.text.slice(this.position, this.position + 30))}`)
  }

  private startsWith(literal: string): boolean {
    return this.text.startsWith(literal, this.position)
  }

  private expect(literal: string): void {
    if (!this.startsWith(literal)) this.fail(`expected ${JSON.stringify(literal)}`)
    this.position += literal.length
  }

  private skipWhitespace(): boolean {
    const start = this.position
    while (/[ \t\n\r]/.test(this.text.charAt(this.position))) this.position += 1
    return this.position > start
  }

  private readName(): string {
    namePattern.lastIndex = this.position
    const match = namePattern.exec(this.text)
    if (match === null) this.fail('expected a name')
    this.position += match[0].length
    return match[0]
  }

  /** Reads a reference after its `&` and returns the character(s) it stands for. */
  private readReference(): string {
    this.expect('&')
    const end = this.text.indexOf(';', this.position)
    if (end < 0) this.fail('unterminated reference')
    const body = this.text.slice(this.position, end)
    let value: string | undefined
    if (/^#[0-9]+$/.test(body)) value = String.fromCodePoint(Number.parseInt(body.slice(1), 10))
    else if (/^#x[0-9A-Fa-f]+$/.test(body)) value = String.fromCodePoint(Number.parseInt(body.slice(2), 16))
    else value = predefinedEntities[body]
    if (value === undefined || !allowedCharacters.test(value)) this.fail(`bad reference &${body};`)
    this.position = end + 1
    return value
  }

  /** Skips comments and whitespace between top-level constructs. */
  private skipMisc(): void {
    for (;;) {
      this.skipWhitespace()
      if (!this.startsWith('<!--')) return
      this.readComment()
    }
  }

  private readComment(): void {
    this.expect('<!--')
    const end = this.text.indexOf('--', this.position)
    if (end < 0 || !this.text.startsWith('-->', end)) this.fail('bad comment')
    this.position = end + 3
  }

  private readAttributeValue(): string {
    const quote = this.text.charAt(this.position)
    if (quote !== '"' && quote !== "'") this.fail('expected a quoted attribute value')
    this.position += 1
    let value = ''
    for (;;) {
      const character = this.text.charAt(this.position)
      if (character === '') this.fail('unterminated attribute value')
      if (character === quote) break
      if (character === '<') this.fail('"<" in attribute value')
      if (character === '&') value += this.readReference()
      else {
        // Attribute value normalization: literal white space becomes a space.
        value += /[\t\n\r]/.test(character) ? ' ' : character
        this.position += 1
      }
    }
    this.position += 1
    return value
  }

  private readElement(): XmlElement {
    this.expect('<')
    const element: XmlElement = {name: this.readName(), attributes: {}, children: []}
    for (;;) {
      const hadWhitespace = this.skipWhitespace()
      if (this.startsWith('/>')) {
        this.position += 2
        return element
      }
      if (this.startsWith('>')) {
        this.position += 1
        break
      }
      if (!hadWhitespace) this.fail('expected white space before an attribute')
      const attributeName = this.readName()
      if (Object.hasOwn(element.attributes, attributeName)) this.fail(`duplicate attribute ${attributeName}`)
      this.skipWhitespace()
      this.expect('=')
      this.skipWhitespace()
      element.attributes[attributeName] = this.readAttributeValue()
    }
    this.readContent(element)
    this.expect('</')
    if (this.readName() !== element.name) this.fail(`end tag does not match <${element.name}>`)
    this.skipWhitespace()
    this.expect('>')
    return element
  }

  private readContent(element: XmlElement): void {
    let text = ''
    const flushText = (): void => {
      if (text !== '') element.children.push(text)
      text = ''
    }
    for (;;) {
      if (this.position >= this.text.length) this.fail(`unclosed <${element.name}>`)
      if (this.startsWith('</')) break
      if (this.startsWith('<![CDATA[')) {
        this.position += '<![CDATA['.length
        const end = this.text.indexOf(']]>', this.position)
        if (end < 0) this.fail('unterminated CDATA section')
        text += this.text.slice(this.position, end)
        this.position = end + 3
      } else if (this.startsWith('<!--')) {
        this.readComment()
      } else if (this.startsWith('<?') || this.startsWith('<!')) {
        this.fail('unsupported markup')
      } else if (this.startsWith('<')) {
        flushText()
        element.children.push(this.readElement())
      } else if (this.startsWith('&')) {
        text += this.readReference()
      } else {
        if (this.startsWith(']]>')) this.fail('"]]>" in text')
        text += this.text.charAt(this.position)
        this.position += 1
      }
    }
    flushText()
  }

  /** Reads the whole document and returns its root element. */
  readDocument(): XmlElement {
    if (!allowedCharacters.test(this.text)) this.fail('character not allowed in XML')
    if (this.startsWith('<?xml')) {
      declarationPattern.lastIndex = 0
      const declaration = declarationPattern.exec(this.text)
      if (declaration === null) this.fail('bad XML declaration')
      this.position = declaration[0].length
    }
    this.skipMisc()
    const root = this.readElement()
    this.skipMisc()
    if (this.position !== this.text.length) this.fail('content after the root element')
    return root
  }
}

/** Parses `text` as an XML document and returns its root element; throws `SyntaxError` when it is not well-formed. */
export function parseXml(text: string): XmlElement {
  return new XmlReader(text.replace(/\r\n?/g, '\n')).readDocument()
}

/** Returns every element of the tree under `root` (itself included) named `name`, in document order. */
export function findElements(root: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = root.name === name ? [root] : []
  for (const child of root.children) if (typeof child !== 'string') found.push(...findElements(child, name))
  return found
}

/** Returns the text content of `element`, CDATA included. */
export function textContent(element: XmlElement): string {
  return element.children.map((child) => (typeof child === 'string' ? child : textContent(child))).join('')
}
