import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { fillMissingPositions } from '../../src/markdown/fill-missing-positions.ts';
import { tableRowLines } from '../../src/markdown/gfm-extensions.ts';
import { parseMarkdown } from '../../src/markdown/parse-markdown.ts';
import { createRandom } from '../fuzz/hostile-documents.ts';

describe('tableRowLines', () => {
  it.each([
    ['| a |\n| - |\n| 1 |\n\n| 2 |\n', [1, 3]],
    ['a | b\n:-- | --:\n', [1]],
    ['> | a |\n> |---|\n> | 1 |\n', [1, 3]],
    ['- item\n\n  a | b\n  \t-|-\r\n  c\r\n \r\nd', [3, 5]],
    ['a\n:-\n', [1]],
    ['Title\n---\n\n***\n\n- - -\n', []],
    ['a | b | c, and a line - with | pipes\n', []],
  ])('finds where a table row may start in %j', (source, lines) => {
    expect([...tableRowLines(source)]).toEqual(lines);
  });

  // The time limit catches a pattern that backtracks on such a line (27 s at this length), with a wide margin.
  it('reads a long line of dashes in one pass', { timeout: 10_000 }, () => {
    const dashes = '-'.repeat(200_000);
    expect([...tableRowLines(`a\n${dashes}|\n${dashes}x\n`)]).toEqual([1, 3]);
  });
});

// remark-gfm as everyone uses it: the parse that leaving constructs out must not change.
const fullGfm = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

function treeDifference(source: string): string | undefined {
  const expected = fullGfm.parse(source);
  fillMissingPositions(expected, source);
  const expectedJson = JSON.stringify(expected);
  return JSON.stringify(parseMarkdown(source)) === expectedJson ? undefined : source;
}

/**
 * The documents among `sources` that parse differently from full GFM. It gives the event loop a turn every tenth
 * of a second: the test runner's messages wait for one, and its worker fails the run when a message waits over a
 * minute, which these tests together take on a slow machine.
 */
async function differing(sources: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  let lastTurn = performance.now();
  for (const source of sources) {
    if (treeDifference(source) !== undefined) found.push(source);
    if (performance.now() - lastTurn > 100) {
      await nextTurn();
      lastTurn = performance.now();
    }
  }
  return found;
}

type Random = () => number;
const pick = <T,>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const upTo = (random: Random, count: number) => 1 + Math.floor(random() * count);

// Fragments near the edges of what the guards look for: delimiter-row characters behind containers, every case
// of `www.` and `http`, atext next to `@`, escapes and references that spell the same characters.
const fragments = ['a', 'b c', ' ', '  ', '\t', '|', ':', '-', '--', ':-:', '> ', '- ', '* ', '1. ', '\n', '\n', '\r\n', '\r', 'www.', 'WwW.', 'ww.', 'www', 'http', 'HTTPS:', 'http://', 'https://x.y', 'x.com', '.', '@', 'a@b.co', 'x+y@z.org', '_', '+', 'mailto:', 'xmpp:', '[', ']', '(', ')', '*', '**', '~', '`', '\\', '&#64;', '&commat;', '<', '>', '[^1]', '[^1]: ', '    ', '#', '---\n', '===', 'ü', '东'];

function fragmentDocument(random: Random): string {
  const byteOrderMark = random() < 0.1 ? '\uFEFF' : '';
  return byteOrderMark + Array.from({ length: upTo(random, 40) }, () => pick(random, fragments)).join('');
}

// Rows, delimiter rows, blank lines and other blocks behind random container markers and line endings.
const prefixes = ['', '', '> ', '>', '- ', '  ', '1. ', '   ', '    ', '> - ', '\t', '>  > '];
const cells = ['a', 'b c', '`x|y`', 'a\\|b', '**b**', 'x@y.co', 'www.a.b', 'http://q.r', '', ' ', '[l](u)'];
const delimiters = ['-', '--', ':-', '-:', ':-:', ' - ', '---'];
const blocks = ['text', '# h', '```', '***', '===', '- -', '> q'];

function tableDocument(random: Random): string {
  const lines = Array.from({ length: upTo(random, 8) }, () => {
    const [lead, tail] = [random() < 0.5 ? '|' : '', random() < 0.5 ? '|' : ''];
    const kind = random();
    const row = kind < 0.4 ? Array.from({ length: upTo(random, 3) }, () => pick(random, cells)).join('|') : kind < 0.7 ? Array.from({ length: upTo(random, 3) }, () => pick(random, delimiters)).join('|') : '';
    return pick(random, prefixes) + (row ? lead + row + tail : kind < 0.85 ? '' : pick(random, blocks));
  });
  return lines.join(pick(random, ['\n', '\n', '\r\n', '\r'])) + (random() < 0.5 ? '\n' : '');
}

function markdownFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith('.') ? [] : markdownFiles(path);
    return entry.isFile() && /\.md$/i.test(entry.name) && statSync(path).size <= 200 * 1024 ? [path] : [];
  });
}

describe('parseMarkdown with the costly GFM constructs guarded', () => {
  it('gives every CommonMark spec example the tree full GFM gives it', async () => {
    const spec = createRequire(import.meta.url)('commonmark-spec') as { tests: readonly { markdown: string }[] };
    expect(await differing(spec.tests.map((example) => example.markdown.replaceAll('→', '\t')))).toEqual([]);
  });

  it('gives the markdown files of the installed packages the trees full GFM gives them', async () => {
    const files = markdownFiles(fileURLToPath(new URL('../../node_modules/', import.meta.url)));
    expect(files.length).toBeGreaterThan(200);
    expect(await differing(files.map((file) => readFileSync(file, 'utf8')))).toEqual([]);
  });

  // The time limit catches a guard that reads the rest of the word at every try (43 s here), with a wide margin.
  it('reads the places micromark gives in the text after a byte-order mark', async () => {
    expect(await differing(['\uFEFFhttp://x.co', '\uFEFFa@b.co and www.x.co', '\uFEFFa | b\n- | -\n1 | 2\n'])).toEqual([]);
  });

  it('reads a word once, however many literal autolinks are tried inside it', { timeout: 20_000 }, async () => {
    // At every `h` after `_` the URL literal is tried, and the e-mail literal is not: `_` belongs to the word.
    expect(await differing(['_h'.repeat(100_000), `${'a_h'.repeat(30_000)}@x.co`, `${'0w'.repeat(50_000)} www.x.co`])).toEqual([]);
  });

  it('gives 15,000 generated documents of autolink and table fragments the trees full GFM gives them', { timeout: 60_000 }, async () => {
    const random = createRandom(19);
    expect(await differing(Array.from({ length: 15_000 }, () => fragmentDocument(random)))).toEqual([]);
  });

  it('gives 10,000 generated tables behind containers the trees full GFM gives them', { timeout: 60_000 }, async () => {
    const random = createRandom(23);
    expect(await differing(Array.from({ length: 10_000 }, () => tableDocument(random)))).toEqual([]);
  });
});
