import { readFile, mkdtemp, writeFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeCorpus } from './write-corpus.ts';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkStringify from 'remark-stringify';
import { parseMarkdown } from '../src/markdown/parse-markdown.ts';
import { extractSegments } from '../src/markdown/extract-segments.ts';
import { rebuildArticle } from '../src/markdown/rebuild-article.ts';
import { createCopyEngine } from '../src/engines/copy-engine.ts';
import { resolveConfig } from '../src/config/resolve-config.ts';
import { translateArticles } from '../src/run.ts';

let t = performance.now();
const dir = await writeCorpus(1, 1000);
console.log('corpus', performance.now() - t);
const files = (await readdir(dir, { recursive: true })).filter((f) => String(f).endsWith('.md'));
const texts = await Promise.all(files.map((f) => readFile(path.join(dir, String(f)), 'utf8')));
const proc = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkStringify).freeze();
const copy = createCopyEngine();
for (let rep = 0; rep < 3; rep++) {
  t = performance.now();
  for (const text of texts) proc.stringify(proc.parse(text));
  const bare = performance.now() - t;
  t = performance.now();
  let segs = 0, bad = 0;
  for (const text of texts) {
    const { segments } = extractSegments(parseMarkdown(text), text, ['title', 'description']);
    const tr = await copy.translate(segments.map((s) => s.text), { source: 'en', target: 'es' });
    segs += segments.length;
    const out = rebuildArticle(text, segments, new Map(segments.map((s, i) => [s.index, tr[i]!])));
    if (out.text !== text) bad++;
  }
  const pieces = performance.now() - t;
  t = performance.now();
  for (const text of texts) parseMarkdown(text);
  const parseOnly = performance.now() - t;
  console.log({ bare, pieces, parseOnly, segs, bad });
}
const tmp = await mkdtemp(path.join(os.tmpdir(), 'jb-'));
const config = resolveConfig({ sourceLanguage: 'en', targetLanguages: ['es'], articles: dir, output: path.join(tmp, 'out/{lang}'), locales: '/work/main/locales', engine: 'copy', memory: path.join(tmp, 'm.db'), report: path.join(tmp, 'report') }, path.join(tmp, 'pipeline.config.json'));
for (let rep = 0; rep < 2; rep++) {
  t = performance.now();
  const r = await translateArticles(config, {});
  console.log('full', performance.now() - t, r.report.languages, r.findings.length, r.report.problems.length);
}
