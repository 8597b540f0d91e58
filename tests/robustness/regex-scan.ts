/**
 * A small scanner that finds the regular expressions in TypeScript source:
 * regex literals (told apart from division by the token before them) and
 * `new RegExp(` calls. Strings, template literals and comments are skipped
 * so that slashes inside them are not mistaken for regexes.
 */

/** A regex literal found in a source file. */
export interface FoundRegexLiteral {
  /** Path of the file, as given. */
  file: string
  /** 1-based line of the literal. */
  line: number
  /** Pattern between the slashes. */
  source: string
  /** Flags after the closing slash. */
  flags: string
}

/** A `new RegExp(` call found in a source file. */
export interface FoundRegexConstructor {
  /** Path of the file, as given. */
  file: string
  /** 1-based line of the call. */
  line: number
  /** The text of the call's arguments, up to the matching parenthesis. */
  argumentsText: string
}

/** Everything the scanner found in one file. */
export interface ScanResult {
  literals: FoundRegexLiteral[]
  constructors: FoundRegexConstructor[]
}

/** Keywords after which a `/` starts a regex rather than a division. */
const keywordsBeforeRegex = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await',
])

/** Punctuators after which a `/` starts a regex. */
const punctuatorsBeforeRegex = new Set([...'([{,;:=!&|?+-*%<>~^}'])

function isIdentifierCharacter(character: string): boolean {
  return /[A-Za-z0-9_$]/.test(character)
}

/**
 * Finds the regexes of one TypeScript file.
 * @param text The file's text.
 * @param file Its path, copied into the results.
 */
export function scanRegexes(text: string, file: string): ScanResult {
  const literals: FoundRegexLiteral[] = []
  const constructors: FoundRegexConstructor[] = []
  // The last significant token: an identifier/keyword, a punctuator, or a value (string, number, regex, `)` `]`).
  let previous: {kind: 'word'; value: string} | {kind: 'punctuator'; value: string} | {kind: 'value'} = {kind: 'punctuator', value: ';'}
  // Template literal nesting: each entry counts the braces open inside one `${`.
  const templateBraces: number[] = []
  // A shebang line (`#!/usr/bin/env node`) is not code.
  let index = 0
  if (text.startsWith('#!')) {
    const end = text.indexOf('\n')
    index = end === -1 ? text.length : end
  }
  const lineAt = (offset: number): number => {
    let line = 1
    for (let at = 0; at < offset; at++) if (text.charCodeAt(at) === 10) line++
    return line
  }

  const skipString = (quote: string): void => {
    index++
    while (index < text.length && text[index] !== quote) {
      if (text[index] === '\\') index++
      index++
    }
    index++
  }

  /** Skips template text up to the closing backtick or a `${`; returns true when it stopped at `${`. */
  const skipTemplateText = (): boolean => {
    while (index < text.length) {
      const character = text[index]!
      if (character === '\\') {
        index += 2
        continue
      }
      if (character === '`') {
        index++
        return false
      }
      if (character === '$' && text[index + 1] === '{') {
        index += 2
        return true
      }
      index++
    }
    return false
  }

  /** Reads template text: into a `${…}` (a value opens like a brace) or past the closing backtick (a value). */
  const readTemplateText = (): void => {
    if (skipTemplateText()) {
      templateBraces.push(0)
      previous = {kind: 'punctuator', value: '{'}
    } else {
      previous = {kind: 'value'}
    }
  }

  while (index < text.length) {
    const character = text[index]!
    const next = text[index + 1]
    if (/\s/.test(character)) {
      index++
      continue
    }
    if (character === '/' && next === '/') {
      while (index < text.length && text[index] !== '\n') index++
      continue
    }
    if (character === '/' && next === '*') {
      const end = text.indexOf('*/', index + 2)
      index = end === -1 ? text.length : end + 2
      continue
    }
    if (character === "'" || character === '"') {
      skipString(character)
      previous = {kind: 'value'}
      continue
    }
    if (character === '`') {
      index++
      readTemplateText()
      continue
    }
    if (character === '{') {
      if (templateBraces.length > 0) templateBraces[templateBraces.length - 1]!++
      index++
      previous = {kind: 'punctuator', value: '{'}
      continue
    }
    if (character === '}') {
      index++
      if (templateBraces.length > 0 && templateBraces[templateBraces.length - 1] === 0) {
        // The end of a `${…}`: back into the template text.
        templateBraces.pop()
        readTemplateText()
        continue
      }
      if (templateBraces.length > 0) templateBraces[templateBraces.length - 1]!--
      previous = {kind: 'punctuator', value: '}'}
      continue
    }
    if (isIdentifierCharacter(character)) {
      const start = index
      while (index < text.length && isIdentifierCharacter(text[index]!)) index++
      const word = text.slice(start, index)
      if (word === 'new' && /^\s*RegExp\s*\(/.test(text.slice(index, index + 20))) {
        const open = text.indexOf('(', index)
        let depth = 0
        let end = open
        for (; end < text.length; end++) {
          if (text[end] === '(') depth++
          else if (text[end] === ')' && --depth === 0) break
        }
        constructors.push({file, line: lineAt(start), argumentsText: text.slice(open + 1, end)})
      }
      previous = /^[0-9]/.test(word) ? {kind: 'value'} : {kind: 'word', value: word}
      continue
    }
    if (character === '/') {
      const regexAllowed =
        (previous.kind === 'punctuator' && punctuatorsBeforeRegex.has(previous.value)) ||
        (previous.kind === 'word' && keywordsBeforeRegex.has(previous.value))
      if (regexAllowed) {
        const start = index
        index++
        let inClass = false
        while (index < text.length) {
          const current = text[index]!
          if (current === '\\') {
            index += 2
            continue
          }
          if (current === '\n') break
          if (inClass) {
            if (current === ']') inClass = false
          } else if (current === '[') {
            inClass = true
          } else if (current === '/') {
            break
          }
          index++
        }
        const source = text.slice(start + 1, index)
        index++
        const flagsStart = index
        while (index < text.length && /[a-z]/.test(text[index]!)) index++
        literals.push({file, line: lineAt(start), source, flags: text.slice(flagsStart, index)})
        previous = {kind: 'value'}
        continue
      }
    }
    // `)` and `]` end a value (so a `/` after them divides); anything else is a punctuator.
    previous = character === ')' || character === ']' ? {kind: 'value'} : {kind: 'punctuator', value: character}
    index++
  }
  return {literals, constructors}
}
