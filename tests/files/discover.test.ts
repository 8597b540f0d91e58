import {mkdir, mkdtemp, realpath, rm, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {discoverFiles} from '../../src/files/discover.js'

let root: string

beforeEach(async () => {
  // The real path, so that paths found by walking compare equal on systems where tmpdir is a symlink.
  root = await realpath(await mkdtemp(path.join(tmpdir(), 'bilint-discover-')))
})

afterEach(async () => {
  await rm(root, {recursive: true, force: true})
})

/** Creates files (with any missing directories) under the temporary root. */
async function put(...relativePaths: string[]): Promise<void> {
  for (const relativePath of relativePaths) {
    const filePath = path.join(root, relativePath)
    await mkdir(path.dirname(filePath), {recursive: true})
    await writeFile(filePath, `# ${relativePath}\n`)
  }
}

/** Absolute paths under the temporary root. */
function under(...relativePaths: string[]): string[] {
  return relativePaths.map((relativePath) => path.join(root, relativePath))
}

describe('discoverFiles', () => {
  it('walks a directory for text files, skipping node_modules and VCS directories', async () => {
    await put(
      'README.md',
      'docs/guide.markdown',
      'docs/notes.TXT',
      'docs/image.png',
      'docs/script.js',
      'node_modules/pkg/README.md',
      'docs/node_modules/x.md',
      '.git/COMMIT_EDITMSG.txt',
      '.hg/notes.md',
      '.github/PULL_REQUEST_TEMPLATE.md',
    )
    const result = await discoverFiles(['.'], {cwd: root})
    expect(result).toEqual({
      files: under('.github/PULL_REQUEST_TEMPLATE.md', 'README.md', 'docs/guide.markdown', 'docs/notes.TXT'),
      missing: [],
      ignored: [],
    })
  })

  it('honours .bilintignore and extra ignore patterns', async () => {
    await put('a.md', 'build/out.md', 'docs/draft.md', 'docs/keep.md', 'docs/sub/old.md', 'vendor/x.md')
    await writeFile(path.join(root, '.bilintignore'), '\uFEFF# generated\nbuild/\ndocs/*.md\n!docs/keep.md\n')
    const result = await discoverFiles(['.'], {cwd: root, extraIgnorePatterns: ['vendor', 'old.md']})
    expect(result.files).toEqual(under('a.md', 'docs/keep.md'))
  })

  it('reads the ignore file name given', async () => {
    await put('a.md', 'b.md')
    await writeFile(path.join(root, '.customignore'), 'b.md\n')
    expect((await discoverFiles(['.'], {cwd: root, ignoreFileName: '.customignore'})).files).toEqual(under('a.md'))
  })

  it('takes an explicitly named file whatever its extension', async () => {
    await put('CHANGELOG', 'notes.rst')
    const result = await discoverFiles(['CHANGELOG', path.join(root, 'notes.rst')], {cwd: root})
    expect(result.files).toEqual(under('CHANGELOG', 'notes.rst'))
  })

  it('skips explicitly named files and directories that are ignored, listing them as ignored', async () => {
    await put('a.md', 'build/out.md', 'draft.md', 'node_modules/pkg/README.md')
    await writeFile(path.join(root, '.bilintignore'), 'build/\ndraft.md\n')
    const result = await discoverFiles(['a.md', 'build/out.md', 'draft.md', 'build', 'node_modules/pkg/README.md'], {
      cwd: root,
    })
    expect(result).toEqual({
      files: under('a.md'),
      missing: [],
      ignored: under('build', 'build/out.md', 'draft.md', 'node_modules/pkg/README.md'),
    })
  })

  it('expands globs and filters them through the ignore rules', async () => {
    await put('docs/a.md', 'docs/b.txt', 'docs/deep/c.md', 'docs/deep/skip.md', 'docs/.hidden/d.md', 'node_modules/e.md')
    await writeFile(path.join(root, '.bilintignore'), 'skip.md\n')
    const result = await discoverFiles(['docs/**/*.md', '**/*.{txt,rst}'], {cwd: root})
    expect(result).toEqual({files: under('docs/a.md', 'docs/b.txt', 'docs/deep/c.md'), missing: [], ignored: []})
  })

  it('lists patterns that name nothing and match nothing as missing', async () => {
    await put('a.md')
    const result = await discoverFiles(['a.md', 'no-such-file.md', 'no-dir/', '*.rst'], {cwd: root})
    expect(result).toEqual({files: under('a.md'), missing: ['no-such-file.md', 'no-dir/', '*.rst'], ignored: []})
  })

  it('treats a name with glob characters that exists as a plain file', async () => {
    await put('notes[1].md')
    expect((await discoverFiles(['notes[1].md'], {cwd: root})).files).toEqual(under('notes[1].md'))
  })

  it('ends on a symlink loop and skips broken symlinks', async () => {
    await put('a/one.md', 'a/b/two.md')
    await symlink('..', path.join(root, 'a', 'loop'))
    await symlink(path.join(root, 'nowhere.md'), path.join(root, 'a', 'broken.md'))
    const result = await discoverFiles(['.'], {cwd: root})
    expect(result).toEqual({files: under('a/b/two.md', 'a/one.md'), missing: [], ignored: []})
    const globbed = await discoverFiles(['a/**/*.md'], {cwd: root})
    expect(globbed.files).toEqual(under('a/b/two.md', 'a/one.md'))
  })

  it('follows a symlinked directory once', async () => {
    await put('real/x.md')
    await symlink(path.join(root, 'real'), path.join(root, 'alias'))
    expect((await discoverFiles(['alias'], {cwd: root})).files).toEqual(under('alias/x.md'))
    expect((await discoverFiles(['.'], {cwd: root})).files).toEqual(under('real/x.md'))
  })

  it('handles spaces and Chinese characters in paths', async () => {
    await put('文档 目录/说明.md', '文档 目录/子 目录/翻译.txt')
    const expected = under('文档 目录/子 目录/翻译.txt', '文档 目录/说明.md')
    expect((await discoverFiles(['文档 目录'], {cwd: root})).files).toEqual(expected)
    expect((await discoverFiles(['文档 目录/**/*'], {cwd: root})).files).toEqual(expected)
    expect((await discoverFiles([path.join(root, '文档 目录', '说明.md')], {cwd: root})).files).toEqual(
      under('文档 目录/说明.md'),
    )
  })

  it('lists each file once, sorted, however often and in whatever order it is named', async () => {
    await put('b.md', 'a.md', 'sub/c.md')
    const result = await discoverFiles(['sub/c.md', 'b.md', './b.md', path.join(root, 'b.md'), '*.md', '.', 'sub'], {
      cwd: root,
    })
    expect(result).toEqual({files: under('a.md', 'b.md', 'sub/c.md'), missing: [], ignored: []})
  })

  it('lists a file reached through a file symlink once', async () => {
    await put('docs/index.md')
    await symlink(path.join(root, 'docs', 'index.md'), path.join(root, 'README.md'))
    expect((await discoverFiles(['.'], {cwd: root})).files).toEqual(under('README.md'))
  })
})
