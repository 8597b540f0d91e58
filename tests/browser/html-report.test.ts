/**
 * The HTML report in a real browser: Debian's headless Chromium, driven by
 * playwright-core, opens reports the built bin wrote for the example fixture,
 * the shared seed corpus and a hostile document. Each page must load nothing,
 * log no error, run no script from the document, show the file's text
 * exactly once with one highlight per finding of the JSON report (on the
 * finding's own text), show a finding's message on focus and on hover, and
 * render to a screenshot that is not blank.
 *
 * Skipped where `/usr/bin/chromium` is missing (`apt-get install chromium`).
 */

import {existsSync, readFileSync} from 'node:fs'
import {mkdir} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {chromium, type Browser, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {makeTempTree, parseJsonReport, repoRoot, runBilint, type JsonMessage, type TempTree} from '../cli/helpers.js'

/** Debian's Chromium, which CI installs with apt. */
const chromiumPath = '/usr/bin/chromium'

/** Flags for a quiet, offline, headless Chromium in a container. */
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const seedUrl = new URL('../../../shared/corpus/seed.txt', import.meta.url)

/** Where the seed report's screenshots are kept for people to look at (git-ignored). */
const scratchFolder = path.join(repoRoot, 'scratch')

/** The window size of every page. */
const viewport = {width: 1280, height: 1000}

/** A text with markup that must stay text, CRLF line breaks, astral characters and findings. */
const hostileDocument = [
  '# Notes on <script>',
  '',
  '<script>window.__bilintInjected = 1</script> The O3More came from PM2.5Caused haze.',
  '<img src="https://example.com/x.png" onerror="window.__bilintInjected = 2"> 𠀀😀 二、加强联防联控,共享数据.',
  '',
  '## Next',
  '',
].join('\r\n')

/** What one report page showed. */
interface PageFindings {
  /** Console errors, uncaught exceptions, failed requests and requests for anything but the page. */
  problems: string[]
  /** The open page. */
  page: Page
}

/** The text a highlight covers, and where. */
interface MarkText {
  id: string
  rule: string
  line: string
  column: string
  /** The text of the mark and its continuations, pieces on different lines joined by `\n`. */
  text: string
}

/** A rectangle on the page, in CSS pixels. */
interface PageRect {
  left: number
  top: number
  width: number
  height: number
}

/** The little of a DOM element that the functions run in the page use (the project compiles without the DOM library). */
interface PageElement {
  readonly id: string
  readonly textContent: string | null
  readonly hidden: boolean
  readonly dataset: Record<string, string | undefined>
  closest(selector: string): PageElement | null
  matches(selector: string): boolean
  getClientRects(): ArrayLike<PageRect>
  getBoundingClientRect(): PageRect
  blur(): void
}

/** A 2D canvas, as far as decoding a PNG needs it. */
interface PageCanvas {
  width: number
  height: number
  getContext(kind: '2d'): {
    drawImage(image: unknown, x: number, y: number): void
    getImageData(x: number, y: number, width: number, height: number): {data: ArrayLike<number>}
  } | null
}

/** The page's globals that the functions run in the page use. */
interface PageGlobals {
  document: {
    readonly activeElement: PageElement | null
    querySelectorAll(selector: string): Iterable<PageElement>
    createElement(name: 'canvas'): PageCanvas
  }
  Image: new () => {src: string; naturalWidth: number; naturalHeight: number; decode(): Promise<void>}
  __bilintInjected?: unknown
}

/** Returns the lines of `text` as the engine splits them, a BOM left out. */
function linesOf(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
}

/** Returns how many different colours the PNG `png` has, decoded by the browser's own canvas. */
async function distinctColours(browser: Browser, png: Buffer): Promise<number> {
  const page = await browser.newPage()
  try {
    return await page.evaluate(async (dataUrl) => {
      const {document, Image} = globalThis as unknown as PageGlobals
      const image = new Image()
      image.src = dataUrl
      await image.decode()
      const canvas = document.createElement('canvas')
      canvas.width = image.naturalWidth
      canvas.height = image.naturalHeight
      const context = canvas.getContext('2d')
      if (context === null) throw new Error('no 2D canvas')
      context.drawImage(image, 0, 0)
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data
      const colours = new Set<number>()
      for (let index = 0; index < pixels.length; index += 4) {
        colours.add(((pixels[index] ?? 0) << 16) | ((pixels[index + 1] ?? 0) << 8) | (pixels[index + 2] ?? 0))
      }
      return colours.size
    }, `data:image/png;base64,${png.toString('base64')}`)
  } finally {
    await page.close()
  }
}

describe.skipIf(!existsSync(chromiumPath))('the HTML report in Chromium', () => {
  let browser: Browser
  let tree: TempTree

  beforeAll(async () => {
    browser = await chromium.launch({executablePath: chromiumPath, args: chromiumArgs})
    tree = await makeTempTree({'hostile.md': hostileDocument})
  })

  afterAll(async () => {
    await browser?.close()
    await tree?.remove()
  })

  /** Lints `file` (from its folder, configuration ignored) into the JSON report's messages and an HTML report file. */
  async function lint(file: string): Promise<{messages: JsonMessage[]; reportPath: string}> {
    const cwd = path.dirname(file)
    const name = path.basename(file)
    const json = await runBilint(['--no-config', '--format', 'json', name], {cwd})
    expect(json.stderr).toBe('')
    const report = parseJsonReport(json.stdout)
    expect(report).toHaveLength(1)
    const reportPath = tree.path(`${name}.html`)
    const html = await runBilint(['--no-config', '--format', 'html', '--output-file', reportPath, name], {cwd})
    expect(html.stderr).toBe('')
    expect(html.stdout).toBe('')
    expect(html.code).toBe(json.code)
    return {messages: report[0]!.messages, reportPath}
  }

  /** Opens the report at `reportPath`, recording anything that goes wrong or goes out. */
  async function open(reportPath: string): Promise<PageFindings> {
    const page = await browser.newPage({viewport})
    const pageUrl = pathToFileURL(reportPath).href
    const problems: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`)
    })
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
    page.on('requestfailed', (request) => problems.push(`failed request: ${request.url()}`))
    page.on('request', (request) => {
      if (request.url() !== pageUrl) problems.push(`request: ${request.url()}`)
    })
    await page.goto(pageUrl, {waitUntil: 'load'})
    return {problems, page}
  }

  /** Returns the text each highlight of the page covers, by mark id. */
  function markTexts(page: Page): Promise<MarkText[]> {
    return page.$$eval('mark.m', (marks: PageElement[]) =>
      marks.map((mark) => {
        const {document} = globalThis as unknown as PageGlobals
        const pieces = [mark, ...document.querySelectorAll(`[data-of="${mark.id}"]`)]
        let text = ''
        let lastLine: PageElement | null = null
        for (const piece of pieces) {
          const line = piece.closest('.line')
          if (lastLine !== null && line !== lastLine) text += '\n'
          text += piece.textContent ?? ''
          lastLine = line
        }
        const data = mark.dataset
        return {id: mark.id, rule: data['rule'] ?? '', line: data['line'] ?? '', column: data['column'] ?? '', text}
      }),
    )
  }

  /** Returns the tooltip's text, or `null` when it is hidden. */
  function tooltipText(page: Page): Promise<string | null> {
    return page.$eval('#tip', (tip: PageElement) => (tip.hidden ? null : tip.textContent))
  }

  /** Moves the pointer to the middle of the first line box of the element `id`. */
  async function hoverFirstBox(page: Page, id: string): Promise<void> {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded()
    const point = await page.$eval(`#${id}`, (element: PageElement) => {
      const box = element.getClientRects()[0] ?? element.getBoundingClientRect()
      return {x: box.left + Math.max(1, box.width / 2), y: box.top + box.height / 2}
    })
    await page.mouse.move(point.x, point.y)
  }

  /**
   * Checks the report of `file` against its JSON report, in a page that is
   * closed after; its screenshot must not be blank, and is also written to
   * `screenshotCopy` (and the tooltip's to `…-tooltip.png`) when given.
   */
  async function checkReport(file: string, screenshotCopy?: string): Promise<void> {
    const {messages, reportPath} = await lint(file)
    expect(messages.length).toBeGreaterThan(0)
    const {problems, page} = await open(reportPath)
    try {
      expect(await page.title()).toMatch(/^bilint report: \d+ problems?/)

      // The text, exactly once, line by line.
      const shownLines = await page.$$eval('.source .lt', (lines) => lines.map((line) => line.textContent ?? ''))
      expect(shownLines).toEqual(linesOf(readFileSync(file, 'utf8')))

      // One highlight per finding, on the finding's own text.
      const marks = await markTexts(page)
      expect(marks).toHaveLength(messages.length)
      expect(await page.locator('.source mark[data-rule][data-line][data-column][tabindex="0"][title]').count()).toBe(messages.length)
      messages.forEach((message, index) => {
        const mark = marks.find((candidate) => candidate.id === `m1-${index + 1}`)
        expect(mark, `mark of message ${index + 1}`).toMatchObject({rule: message.ruleId ?? '', line: String(message.line), column: String(message.column)})
        if (message.actual !== undefined) expect(mark!.text, `${message.ruleId} at ${message.line}:${message.column}`).toBe(message.actual.replace(/\r\n|\r/g, '\n'))
      })

      // The screenshot, before the tooltip shows.
      const png = await page.screenshot()
      expect(await distinctColours(browser, png)).toBeGreaterThan(50)
      if (screenshotCopy !== undefined) {
        await mkdir(path.dirname(screenshotCopy), {recursive: true})
        await page.screenshot({path: screenshotCopy})
      }

      // Focus shows the message; Tab goes on to another highlight.
      expect(await tooltipText(page)).toBeNull()
      await page.locator('#m1-1').focus()
      expect(await tooltipText(page)).toContain(messages[0]!.message)
      await page.keyboard.press('Tab')
      const focused = await page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.matches('mark.m') === true)
      expect(focused, 'Tab moves to the next highlight').toBe(true)
      await page.keyboard.press('Escape')
      expect(await tooltipText(page)).toBeNull()

      // Hovering shows the message too (the last finding that covers some text).
      const lastIndex = messages.findLastIndex((message) => message.line < message.endLine || message.column < message.endColumn)
      await page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.blur())
      await hoverFirstBox(page, `m1-${lastIndex + 1}`)
      expect(await tooltipText(page)).toContain(messages[lastIndex]!.message)
      if (screenshotCopy !== undefined) {
        await page.screenshot({path: screenshotCopy.replace(/\.png$/, '-tooltip.png')})
      }
      await page.mouse.move(1, 1)
      expect(await tooltipText(page)).toBeNull()

      expect(problems).toEqual([])
    } finally {
      await page.close()
    }
  }

  it('shows fixtures/example.md with every finding highlighted', async () => {
    await checkReport(path.join(repoRoot, 'fixtures', 'example.md'))
  })

  it.skipIf(!existsSync(seedUrl))('shows the seed corpus with every finding highlighted', async () => {
    await checkReport(fileURLToPath(seedUrl), path.join(scratchFolder, 'seed-report.png'))
  })

  it('never runs markup from the document, and places CRLF and astral text right', async () => {
    await checkReport(tree.path('hostile.md'))
    const {problems, page} = await open(tree.path('hostile.md.html'))
    try {
      expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).__bilintInjected)).toBeUndefined()
      expect(await page.locator('.source script, .source img').count()).toBe(0)
      expect(await page.locator('.source').textContent()).toContain('<script>window.__bilintInjected = 1</script>')
      expect(problems).toEqual([])
    } finally {
      await page.close()
    }
  })
})
