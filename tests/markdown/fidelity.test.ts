// Round-trip fidelity: extract segments, send every segment through the copy engine, rebuild, and check
// that the rebuilt markdown means the same to a reader (same HTML, same frontmatter data) as the source.
//
// Three corpora: every CommonMark spec example, hand-written GFM (and frontmatter) examples, and real-world
// markdown found under node_modules. Each corpus lists its known exceptions by key with a one-line reason;
// every other document must render identically, so a new regression fails, and a listed exception that
// renders identically again fails too, so the list stays honest.
//
// Reasons starting with "BUG:" are defects in src/ waiting for a fix; "LIMITATION:" marks a difference
// that cannot be avoided. The ≥ 99.5% target counts limitations and unlisted differences against it, and
// reports the raw rate (known bugs included) next to it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCopyEngine } from '../../src/engines/copy-engine.ts';
import { rebuildArticle } from '../../src/markdown/rebuild-article.ts';
import { extract, renderDocument } from './helpers.ts';

const frontmatterKeys = ['title', 'description'];
const targetRate = 0.995;
const byteTargetRate = 0.99;
const corpusTimeout = 300_000;

interface Document {
  readonly key: string;
  readonly source: string;
}

interface Outcome {
  readonly key: string;
  readonly byteIdentical: boolean;
  readonly renderIdentical: boolean;
  readonly failures: readonly string[];
  /** Where the rendering first differs, or what was thrown. */
  readonly difference?: string;
}

interface Corpus {
  readonly name: string;
  readonly documents: () => Document[];
  readonly minimumDocuments: number;
  /** Key → one-line reason, "BUG: …" or "LIMITATION: …". */
  readonly exceptions: Readonly<Record<string, string>>;
}

// ---------------------------------------------------------------------------------------------------------
// (a) CommonMark spec examples
// ---------------------------------------------------------------------------------------------------------


const specExceptions: Record<string, string> = {
};

interface SpecExample {
  readonly markdown: string;
  readonly html: string;
  readonly section: string;
  readonly number: number;
}

function specDocuments(): Document[] {
  const require = createRequire(import.meta.url);
  const spec = require('commonmark-spec') as { tests: readonly SpecExample[] };
  // The spec writes tabs as `→`; its own test runner turns them back into tabs.
  return spec.tests.map((example) => ({ key: String(example.number), source: example.markdown.replaceAll('→', '\t') }));
}

// ---------------------------------------------------------------------------------------------------------
// (b) GFM extensions (and frontmatter), written here
// ---------------------------------------------------------------------------------------------------------

const gfmExamples: Record<string, string> = {
  // Tables
  'table-basic': '| foo | bar |\n| --- | --- |\n| baz | bim |\n',
  'table-alignment': '| abc | defghi |\n:-: | -----------:\nbar | baz\n',
  'table-alignment-all': '| Left | Centre | Right | None |\n|:-----|:------:|------:|------|\n| a | b | c | d |\n| *emphasis* | **strong** | `code` | [link](https://example.com) |\n',
  'table-escaped-pipes': '| f\\|oo  |\n| ------ |\n| b `\\|` az |\n| b **\\|** im |\n',
  'table-escaped-pipe-in-text-and-code': '| Command | Meaning |\n| --- | --- |\n| a \\| b | either a or b |\n| `x \\| y` | pipe in code |\n',
  'table-escaped-pipe-in-link-text': '| Link |\n| --- |\n| [a \\| b](https://example.com) |\n',
  'table-escaped-pipe-in-title': '| Link |\n| --- |\n| [a](https://example.com "pipe \\| title") |\n',
  'table-escaped-pipe-in-alt': '| Image |\n| --- |\n| ![a \\| b](logo.png) |\n',
  'table-interrupted-by-quote': '| abc | def |\n| --- | --- |\n| bar | baz |\n> bar\n',
  'table-ended-by-blank-line': '| abc | def |\n| --- | --- |\n| bar | baz |\nbar\n\nbar\n',
  'table-delimiter-mismatch': '| abc | def |\n| --- |\n| bar |\n',
  'table-ragged-rows': '| abc | def |\n| --- | --- |\n| bar |\n| bar | baz | boo |\n',
  'table-header-only': '| abc | def |\n| --- | --- |\n',
  'table-empty-cells': '| a |  | c |\n|---|---|---|\n|  | b |  |\n',
  'table-no-outer-pipes': 'Name | Value\n--- | ---\nalpha | one\nbeta | two\n',
  'table-in-blockquote': '> | a | b |\n> |---|---|\n> | Some text | more *text* |\n',
  'table-in-list': '- item\n\n  | a | b |\n  |---|---|\n  | one | two |\n',
  'table-image-and-html': '| Logo | Notes |\n| --- | --- |\n| ![alt text](logo.png "The logo") | line<br>break |\n',
  'table-strikethrough-and-footnote': '| Old | New |\n| --- | --- |\n| ~~v1~~ | v2[^v] |\n\n[^v]: Released *today*.\n',
  // Strikethrough
  'strikethrough-double': '~~Hi~~ Hello, world!\n',
  'strikethrough-single': 'This ~text~ is struck.\n',
  'strikethrough-across-paragraphs': 'This ~~has a\n\nnew paragraph~~.\n',
  'strikethrough-three-tildes': 'This will ~~~not~~~ strike.\n',
  'strikethrough-nested': '~~struck with *emphasis* inside~~ and ~*emphasis struck*~\n',
  'strikethrough-in-heading': '## The ~~old~~ new heading\n',
  'strikethrough-multiline': '~~struck across\ntwo lines~~ and ~one~\n',
  // Autolink literals
  'autolink-www': 'www.commonmark.org\n',
  'autolink-www-path': 'Visit www.commonmark.org/help for more information.\n',
  'autolink-www-trailing-punctuation': 'Visit www.commonmark.org.\n\nVisit www.commonmark.org/a.b.\n',
  'autolink-parentheses': 'www.google.com/search?q=Markup+(business)\n\nwww.google.com/search?q=Markup+(business)))\n\n(www.google.com/search?q=Markup+(business))\n',
  'autolink-www-query': 'www.google.com/search?q=commonmark&hl=en\n',
  'autolink-www-entity-like-end': 'www.google.com/search?q=commonmark&hl;\n',
  'autolink-www-less-than': 'www.commonmark.org/he<lp\n',
  'autolink-www-in-quotes': 'The site "www.example.com" moved.\n',
  'autolink-http': 'http://commonmark.org\n\n(Visit https://encrypted.google.com/search?q=Markup+(business))\n',
  'autolink-http-in-sentence': 'Read https://example.com/docs/page.html, then continue.\n',
  'autolink-email': 'foo@bar.baz\n',
  'autolink-email-plus': "hello@mail+xyz.example isn't valid, but hello+xyz@mail.example is.\n",
  'autolink-email-trailing-dot': 'a.b-c_d@a.b\n\na.b-c_d@a.b.\n',
  'autolink-email-trailing-hyphen': 'a.b-c_d@a.b-\n',
  'autolink-email-trailing-underscore': 'a.b-c_d@a.b_\n',
  'autolink-protocols': 'mailto:foo@bar.baz\n\nmailto:a.b-c_d@a.b\n\nxmpp:foo@bar.baz/txt\n',
  'autolink-in-emphasis': '*see www.example.com for details*\n',
  'autolink-angle-and-literal': 'Contact us at <info@example.com> or info@example.com.\n',
  // Task lists
  'task-list': '- [ ] foo\n- [x] bar\n',
  'task-list-nested': '- [x] foo\n  - [ ] bar\n  - [x] baz\n- [ ] bim\n',
  'task-list-ordered': '1. [ ] first task\n2. [X] second *task*\n',
  'task-list-multiline': '- [ ] write the\n  documentation for *this*\n- [x] ship it\n',
  'task-list-with-link': '* [x] read [the guide](https://example.com/guide)\n* [ ] try `npm test`\n',
  // Footnotes
  'footnote-basic': 'Here is a simple footnote[^1]. With some additional text after it.\n\n[^1]: My reference.\n',
  'footnote-named': 'A note[^note] and another[^other].\n\n[^note]: The *first* note.\n[^other]: The second note.\n',
  'footnote-multi-paragraph': 'Text with a long note.[^long]\n\n[^long]: First paragraph of the note.\n\n    Second paragraph, indented.\n\n    ```\n    code in note\n    ```\n',
  'footnote-reused': 'One[^a], two[^a].\n\n[^a]: Shared.\n',
  'footnote-undefined': 'Missing[^nope] footnote.\n',
  'footnote-in-heading-and-quote': '# Heading[^h]\n\n> Quoted[^h] text\n\n[^h]: Shared note.\n',
  // Frontmatter (configured keys: title, description)
  'frontmatter-plain': '---\ntitle: Hello world\ndescription: A plain value\nauthor: Jane\n---\n\n# Body\n',
  'frontmatter-quoted': "---\ntitle: \"Quoted: with colon\"\ndescription: 'It''s single'\ntags: [a, b]\n---\n\nBody text.\n",
  'frontmatter-multiline-plain': '---\ntitle: A long\n  plain title\ndescription: x\n---\n\nBody\n',
  'frontmatter-block-scalar': '---\ntitle: |\n  Literal block\n  on two lines\nauthor: Jane\n---\n\nBody\n',
  'frontmatter-toml': '+++\ntitle = "TOML is left alone"\n+++\n\nBody\n',
  // Everything together
  'mixed-document':
    '---\ntitle: Mixed\n---\n\n# GFM ~~tour~~\n\n- [x] Tables:\n\n  | Feature | Status |\n  | :-- | --: |\n  | ~~old~~ | done |\n\n- [ ] Links: www.example.com and <https://example.org>\n\nSee the note.[^n]\n\n[^n]: Footnote with https://example.net.\n',
};

const gfmExceptions: Record<string, string> = {
};

function gfmDocuments(): Document[] {
  return Object.entries(gfmExamples).map(([key, source]) => ({ key, source }));
}

// ---------------------------------------------------------------------------------------------------------
// (c) Real-world markdown: *.md under node_modules, sorted by path
// ---------------------------------------------------------------------------------------------------------

const nodeModules = fileURLToPath(new URL('../../node_modules/', import.meta.url));
const maxFiles = 400;
const maxBytes = 200 * 1024;


// Tied to the installed packages (package-lock.json): installing or upgrading dependencies can change this list.
const realWorldExceptions: Record<string, string> = {
};

function markdownFiles(directory: string, isTop = true): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    // Dot entries right under node_modules (.bin, .vite, caches) are tool output, not packages; symlinks are not followed.
    if (isTop && entry.name.startsWith('.')) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) found.push(...markdownFiles(path, false));
    else if (entry.isFile() && /\.md$/i.test(entry.name)) found.push(path);
  }
  return found;
}

function realWorldDocuments(): Document[] {
  return markdownFiles(nodeModules)
    .map((path) => relative(nodeModules, path).split(sep).join('/'))
    .sort()
    .filter((key) => statSync(join(nodeModules, key)).size <= maxBytes)
    .slice(0, maxFiles)
    .map((key) => ({ key, source: readFileSync(join(nodeModules, key), 'utf8') }));
}

// ---------------------------------------------------------------------------------------------------------

const corpora: readonly Corpus[] = [
  { name: 'CommonMark spec examples', documents: specDocuments, minimumDocuments: 600, exceptions: specExceptions },
  { name: 'GFM and frontmatter examples', documents: gfmDocuments, minimumDocuments: 50, exceptions: gfmExceptions },
  { name: 'real-world markdown under node_modules', documents: realWorldDocuments, minimumDocuments: 100, exceptions: realWorldExceptions },
];

const engine = createCopyEngine();

async function roundTrip(document: Document): Promise<Outcome> {
  const { key, source } = document;
  let rebuilt;
  try {
    const { segments } = extract(source, frontmatterKeys);
    const translated = await engine.translate(
      segments.map((segment) => segment.text),
      { source: 'en', target: 'xx' },
    );
    if (translated.length !== segments.length) throw new Error(`copy engine returned ${translated.length} texts for ${segments.length} segments`);
    rebuilt = rebuildArticle(source, segments, new Map(translated.map((text, index) => [index, text])));
  } catch (error) {
    return { key, byteIdentical: false, renderIdentical: false, failures: [], difference: `threw: ${(error as Error).message}` };
  }
  const failures = rebuilt.failures.map((failure) => `segment ${failure.segment.index}: ${failure.problems.join('; ')}`);
  if (rebuilt.text === source) return { key, byteIdentical: true, renderIdentical: true, failures };
  const expected = renderDocument(source);
  const actual = renderDocument(rebuilt.text);
  if (expected === actual) return { key, byteIdentical: false, renderIdentical: true, failures };
  return { key, byteIdentical: false, renderIdentical: false, failures, difference: firstDifference(expected, actual) };
}

function firstDifference(expected: string, actual: string): string {
  let index = 0;
  while (index < expected.length && expected[index] === actual[index]) index++;
  const around = (text: string) => JSON.stringify(text.slice(Math.max(0, index - 60), index + 60));
  return `expected …${around(expected)}… got …${around(actual)}…`;
}

const percent = (count: number, total: number) => `${((100 * count) / total).toFixed(2)}%`;

for (const corpus of corpora) {
  describe(`round-trip fidelity with the copy engine: ${corpus.name}`, () => {
    let outcomes: Outcome[] = [];
    const isListed = (outcome: Outcome) => Object.hasOwn(corpus.exceptions, outcome.key);
    const isBug = (outcome: Outcome) => corpus.exceptions[outcome.key]?.startsWith('BUG:') ?? false;

    beforeAll(async () => {
      outcomes = [];
      for (const document of corpus.documents()) {
        outcomes.push(await roundTrip(document));
        // Yield to the event loop between documents so the worker keeps answering the test runner on a busy machine.
        await new Promise((resolve) => setImmediate(resolve));
      }
      const total = outcomes.length;
      const rendered = outcomes.filter((outcome) => outcome.renderIdentical).length;
      const bytes = outcomes.filter((outcome) => outcome.byteIdentical).length;
      const bugs = outcomes.filter((outcome) => !outcome.renderIdentical && isBug(outcome)).length;
      console.log(
        `[fidelity] ${corpus.name}: ${total} documents; render-identical ${percent(rendered, total)} (${rendered}); ` +
          `byte-identical ${percent(bytes, total)} (${bytes}); differing ${total - rendered} (${bugs} listed as BUG); ` +
          `render-identical once listed bugs are fixed ${percent(rendered + bugs, total)}`,
      );
    }, corpusTimeout);

    it('has the documents it is meant to have', () => {
      expect(outcomes.length).toBeGreaterThanOrEqual(corpus.minimumDocuments);
      const keys = outcomes.map((outcome) => outcome.key);
      expect(new Set(keys).size, 'document keys are unique').toBe(keys.length);
    });

    it('rebuilds every document without reporting failures', () => {
      const failed = outcomes.filter((outcome) => outcome.failures.length > 0).map((outcome) => `${outcome.key}: ${outcome.failures.join(' | ')}`);
      expect(failed).toEqual([]);
    });

    it('renders every document not listed as an exception identically', () => {
      const unexpected = outcomes.filter((outcome) => !outcome.renderIdentical && !isListed(outcome)).map((outcome) => `${outcome.key}: ${outcome.difference}`);
      expect(unexpected).toEqual([]);
    });

    it('lists only exceptions that are in the corpus and still differ', () => {
      const byKey = new Map(outcomes.map((outcome) => [outcome.key, outcome]));
      const stale = Object.keys(corpus.exceptions).filter((key) => byKey.get(key)?.renderIdentical !== false);
      expect(stale, 'these exceptions render identically now (or are gone): remove them from the list').toEqual([]);
      const unexplained = Object.entries(corpus.exceptions).filter(([, reason]) => !/^(BUG|LIMITATION): \S/.test(reason));
      expect(unexplained, 'every exception gives a reason starting with BUG: or LIMITATION:').toEqual([]);
    });

    it(`keeps at least ${byteTargetRate * 100}% of documents byte for byte, since the copy engine changes no text`, () => {
      const changed = outcomes.filter((outcome) => !outcome.byteIdentical).map((outcome) => outcome.key);
      expect(changed.length / outcomes.length, `changed bytes: ${changed.slice(0, 10).join(', ')}`).toBeLessThanOrEqual(1 - byteTargetRate);
    });

    it(`renders at least ${targetRate * 100}% of documents identically, known bugs aside`, () => {
      const total = outcomes.length;
      const rendered = outcomes.filter((outcome) => outcome.renderIdentical).length;
      const bytes = outcomes.filter((outcome) => outcome.byteIdentical).length;
      const bugs = outcomes.filter((outcome) => !outcome.renderIdentical && isBug(outcome)).length;
      const message =
        `${corpus.name}: render-identical ${percent(rendered, total)}, byte-identical ${percent(bytes, total)}, ` +
        `${bugs} more documents differ only because of listed bugs`;
      expect((rendered + bugs) / total, message).toBeGreaterThanOrEqual(targetRate);
    });
  });
}
