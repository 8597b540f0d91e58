/**
 * The adversarial inputs of `adversarial.test.ts`: what each file holds,
 * whether bilint must lint it or refuse it with one line, and a finding it
 * must still report when there is a known one.
 */
import {neighbourText} from './helpers.js'

/** One adversarial input file. */
export interface AdversarialCase {
  /** Short unique id, for messages and the timing table. */
  id: string
  /** What the input is. */
  title: string
  /** Path inside the temporary tree (its extension picks Markdown or plain text). */
  file: string
  /** The file's content. */
  content: () => string | Uint8Array
  /** `lint`: decoded and linted; `refuse`: one clear line naming the file, no linting. */
  expect: 'lint' | 'refuse'
  /** A finding that must still be reported (1-based line and column). */
  finding?: {ruleId: string; line: number; column: number}
  /**
   * Which command line the case goes on: small edge cases together, large
   * cases by format, deep nesting on its own (it can take the whole run
   * down), cases found while writing this suite together.
   */
  group: 'edge' | 'large-md' | 'large-txt' | 'nesting' | 'found'
}

/** Deterministic pseudo-random bytes (a linear congruential generator), for the binary file. */
function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length)
  let state = seed >>> 0
  for (let index = 0; index < length; index++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    bytes[index] = state >>> 24
  }
  return bytes
}

/** UTF-16 bytes with a byte order mark. */
function utf16WithBom(text: string, endian: 'le' | 'be'): Uint8Array {
  const body = Buffer.from(text, 'utf16le')
  if (endian === 'be') body.swap16()
  return Buffer.concat([Buffer.from(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), body])
}

/** Common Han characters, cycled to build long Chinese text with no punctuation. */
const hanCharacters =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认'

/** `unit` repeated up to `length` UTF-16 units (cut at the end). */
function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length)
}

/** Both a `.md` and a `.txt` variant of a case. */
function bothFormats(
  base: Omit<AdversarialCase, 'file' | 'group' | 'id'> & {id: string; stem: string; large?: boolean},
): AdversarialCase[] {
  const {stem, large, ...rest} = base
  return (['md', 'txt'] as const).map((extension) => ({
    ...rest,
    id: `${base.id}.${extension}`,
    file: `${stem}.${extension}`,
    group: large ? (extension === 'md' ? 'large-md' : 'large-txt') : 'edge',
  }))
}

const glued = {ruleId: 'glued-subscript'}

/** The edge cases: small files that are odd in their bytes, characters, line endings or names. */
export const edgeCases: AdversarialCase[] = [
  ...bothFormats({id: 'empty', stem: 'empty', title: 'empty file', content: () => '', expect: 'lint'}),
  ...bothFormats({id: 'whitespace', stem: 'whitespace', title: 'white space only (spaces, tabs, ideographic spaces, CRLF)', content: () => ' \t \n\n\u3000\u3000\n\t\r\n   \n', expect: 'lint'}),
  {
    id: 'binary.txt',
    title: 'binary file (PNG header and random bytes)',
    file: 'binary.txt',
    content: () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), pseudoRandomBytes(4096, 7)]),
    expect: 'refuse',
    group: 'edge',
  },
  {
    id: 'binary-no-nul.md',
    title: 'binary file without NUL bytes',
    file: 'binary-no-nul.md',
    content: () => pseudoRandomBytes(4096, 11).map((byte) => (byte === 0 ? 1 : byte)),
    expect: 'refuse',
    group: 'edge',
  },
  {
    id: 'invalid-utf8.md',
    title: 'invalid UTF-8 (a lead byte followed by ASCII)',
    file: 'invalid-utf8.md',
    content: () => Buffer.concat([Buffer.from('Haze was '), Buffer.from([0xc3, 0x28]), Buffer.from(' PM2.5Caused by coal.\n')]),
    expect: 'refuse',
    group: 'edge',
  },
  {
    id: 'invalid-utf8.txt',
    title: 'invalid UTF-8 (an overlong encoding, then a sequence cut at the end)',
    file: 'invalid-utf8.txt',
    content: () => Buffer.concat([Buffer.from('中文 '), Buffer.from([0xc0, 0xaf]), Buffer.from(' text '), Buffer.from([0xe4, 0xb8])]),
    expect: 'refuse',
    group: 'edge',
  },
  {
    id: 'utf16le-bom.md',
    title: 'UTF-16LE with BOM (decoded)',
    file: 'utf16le-bom.md',
    content: () => utf16WithBom(`标题\n${neighbourText}`, 'le'),
    expect: 'lint',
    finding: {...glued, line: 2, column: 10},
    group: 'edge',
  },
  {
    id: 'utf16be-bom.txt',
    title: 'UTF-16BE with BOM (decoded)',
    file: 'utf16be-bom.txt',
    content: () => utf16WithBom(`标题\n\n${neighbourText}`, 'be'),
    expect: 'lint',
    finding: {...glued, line: 3, column: 10},
    group: 'edge',
  },
  ...bothFormats({id: 'nul', stem: 'nul', title: 'a NUL byte inside text', content: () => 'Haze was PM2.5Caused\0 by coal.\n', expect: 'refuse'}),
  {
    id: 'lone-surrogate-utf8.md',
    title: 'a lone surrogate encoded in UTF-8 bytes (ED A0 80, invalid UTF-8)',
    file: 'lone-surrogate-utf8.md',
    content: () => Buffer.concat([Buffer.from('Haze '), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(' was PM2.5Caused.\n')]),
    expect: 'refuse',
    group: 'edge',
  },
  ...bothFormats({
    id: 'lone-surrogate-utf16',
    stem: 'lone-surrogate-utf16',
    title: 'lone surrogates in UTF-16 with BOM (decoded, each replaced by U+FFFD)',
    content: () => utf16WithBom('\uD800Haze was PM2.5Caused by coal.\uDC00 中\uD83D文 \uDFFF\n', 'le'),
    expect: 'lint',
    finding: {...glued, line: 1, column: 11},
  }),
  ...bothFormats({
    id: 'cr-only',
    stem: 'cr-only',
    title: 'CR-only line endings',
    content: () => `Title line\r\r${neighbourText.trimEnd()}\r\rEnd of the text.\r`,
    expect: 'lint',
    finding: {...glued, line: 3, column: 10},
  }),
  ...bothFormats({
    id: 'mixed-endings',
    stem: 'mixed-endings',
    title: 'mixed line endings (CRLF, LF, CR, LF CR)',
    content: () => `One\r\nTwo\nThree\r\r\n${neighbourText.trimEnd()}\n\rLast line\r\n`,
    expect: 'lint',
    finding: {...glued, line: 5, column: 10},
  }),
  ...bothFormats({
    id: 'zero-width-bidi',
    stem: 'zero-width-bidi',
    title: 'zero-width and bidi control characters',
    content: () =>
      'Haze\u200B was\u200C PM2.5Caused\u200D by\u2060 coal\uFEFF.\n\n\u202Eevil\u202C \u2066isolated\u2069 \u061C\u200E\u200F 中\u200B文\u200D，English\u2067 text\u2069。\n\n' +
      '# \u200B\n\n\u202E1. \u200B二、\u2066First,\u2069 step\n',
    expect: 'lint',
  }),
  ...bothFormats({
    id: 'ideographic-space',
    stem: 'ideographic-space',
    title: 'ideographic spaces around and inside mixed text',
    content: () => `\u3000\u3000第一章\u3000概述\n\n\u3000\u3000${neighbourText.trimEnd()}\u3000\u3000\n\n中文\u3000English\u3000，\u3000text\u3000。\n`,
    expect: 'lint',
    finding: {...glued, line: 3, column: 12},
  }),
  {
    id: 'path-with-spaces',
    title: 'a path with spaces, Chinese characters and parentheses',
    file: '目录 with spaces/文件 名 (副本).md',
    content: () => neighbourText,
    expect: 'lint',
    finding: {...glued, line: 1, column: 10},
    group: 'edge',
  },
]

/** The large cases of the issue: one long line or one long run of markers. */
export const largeCases: AdversarialCase[] = [
  ...bothFormats({id: 'pm25-line', stem: 'pm25-line', large: true, title: '6 MB single line of PM2.5PM2.5…', content: () => 'PM2.5'.repeat(1_200_000), expect: 'lint'}),
  ...bothFormats({id: 'word-3mb', stem: 'word-3mb', large: true, title: '3 MB single word', content: () => repeatTo('abcdefghijklmnopqrstuvwxyz', 3_000_000), expect: 'lint'}),
  ...bothFormats({id: 'han-2m', stem: 'han-2m', large: true, title: '2 million Han characters, no punctuation', content: () => repeatTo(hanCharacters, 2_000_000), expect: 'lint'}),
  ...bothFormats({id: 'dun-300k', stem: 'dun-300k', large: true, title: '300,000 `一、` markers in a row', content: () => '一、'.repeat(300_000), expect: 'lint'}),
  ...bothFormats({id: 'first-200k', stem: 'first-200k', large: true, title: '200,000 `First,` in a row', content: () => 'First,'.repeat(200_000), expect: 'lint'}),
  {
    id: 'headings-100k.md',
    title: '100,000 headings',
    file: 'headings-100k.md',
    content: () => Array.from({length: 100_000}, (_, index) => `# Heading ${index + 1}\n`).join(''),
    expect: 'lint',
    group: 'large-md',
  },
  {
    id: 'headings-100k.txt',
    title: '100,000 plain-text headings, each with one body line',
    file: 'headings-100k.txt',
    content: () => Array.from({length: 100_000}, (_, index) => `Section ${index + 1}\n\nBody ${index + 1}.\n\n`).join(''),
    expect: 'lint',
    group: 'large-txt',
  },
]

/** Deep nesting: on its own command line, since a crash here may take the whole run down. */
export const nestingCases: AdversarialCase[] = [
  ...bothFormats({
    id: 'quotes-400',
    stem: 'quotes-400',
    title: '400 levels of nested block quotes',
    content: () => `${'> '.repeat(400)}${neighbourText}`,
    expect: 'lint',
    finding: {...glued, line: 1, column: 810},
  }).map((entry) => ({...entry, group: 'nesting' as const})),
  ...bothFormats({
    id: 'lists-3000',
    stem: 'lists-3000',
    title: '3,000 levels of nested lists',
    content: () => `${'- '.repeat(3000)}${neighbourText}`,
    expect: 'lint',
    finding: {...glued, line: 1, column: 6010},
  }).map((entry) => ({...entry, group: 'nesting' as const})),
  {
    id: 'quotes-4000.md',
    title: '4,000 levels of nested block quotes',
    file: 'quotes-4000.md',
    content: () => `${'> '.repeat(4000)}${neighbourText}`,
    expect: 'lint',
    finding: {...glued, line: 1, column: 8010},
    group: 'nesting',
  },
]

/**
 * Inputs found while writing this suite that take super-linear time. Each is
 * small; a linear implementation lints it in well under a second.
 */
export const foundCases: AdversarialCase[] = [
  {
    id: 'slash-words.txt',
    title: '`ab/ab/ab/…` (60 KB, no white space): every word start scans the rest of the chunk',
    file: 'slash-words.txt',
    content: () => 'ab/'.repeat(20_000),
    expect: 'lint',
    group: 'found',
  },
  {
    id: 'directives.md',
    title: '16,000 `bilint-disable` comments, each followed by a finding (850 KB)',
    file: 'directives.md',
    content: () => '<!-- bilint-disable spelling -->\n\nPM2.5Caused haze.\n\n'.repeat(16_000),
    expect: 'lint',
    group: 'found',
  },
  {
    id: 'unmatched-closers.txt',
    title: '20,000 `(` then 20,000 unmatched `]` in an English paragraph with Chinese (80 KB)',
    file: 'unmatched-closers.txt',
    content: () => `This is a long English sentence with 中文 ${'( '.repeat(20_000)}${'] '.repeat(20_000)}`,
    expect: 'lint',
    group: 'found',
  },
  {
    id: 'nox-caps.txt',
    title: '20,000 `NOX` in one all-capitals sentence (80 KB)',
    file: 'nox-caps.txt',
    content: () => 'NOX '.repeat(20_000),
    expect: 'lint',
    group: 'found',
  },
  {
    id: 'footnote-closers.md',
    title: '40,000 `]` in one Markdown paragraph (40 KB)',
    file: 'footnote-closers.md',
    content: () => `a ${']'.repeat(40_000)}`,
    expect: 'lint',
    group: 'found',
  },
  {
    id: 'emphasis-openers.md',
    title: '40,000 `*a` in one Markdown paragraph (80 KB)',
    file: 'emphasis-openers.md',
    content: () => '*a'.repeat(40_000),
    expect: 'lint',
    group: 'found',
  },
  {
    id: 'long-paragraph.md',
    title: 'one Markdown paragraph of 40,000 lines (1.2 MB)',
    file: 'long-paragraph.md',
    content: () => 'Haze was PM2.5 caused by coal.\n'.repeat(40_000),
    expect: 'lint',
    group: 'found',
  },
]

/** Every case that is a file of its own. */
export const allCases: AdversarialCase[] = [...edgeCases, ...largeCases, ...nestingCases, ...foundCases]
