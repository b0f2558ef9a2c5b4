import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMarkdownFormat } from '../../src/formats/markdown-format.ts';
import type { Glossary } from '../../src/glossary/glossary.ts';
import { loadGlossary } from '../../src/glossary/load-glossary.ts';
import { createTermMatcher } from '../../src/glossary/match-terms.ts';
import { segmentMarkdown } from '../../src/markdown/segment-markdown.ts';
import { segmentOptions } from '../../src/markdown/segment-options.ts';
import { checkOutput, type OutputCheckRun } from '../../src/pipeline/check-output.ts';
import { maskArticle, type MaskedSegment } from '../../src/pipeline/mask-article.ts';
import { rebuildTranslated } from '../../src/pipeline/rebuild-translated.ts';
import { ConsistencyTracker } from '../../src/qa/consistency-tracker.ts';
import type { Finding } from '../../src/qa/finding.ts';
import { repoRoot } from '../support/cli.ts';

const frontmatterKeys = ['title', 'description'];
const config = { sourceLanguage: 'en', frontmatterKeys, qaSeverities: {}, anchors: 'github' as const };
const format = createMarkdownFormat({ ...config, segmentOptions: segmentOptions(frontmatterKeys) });

const handWritten = `---
title: Opening hours in Chongqing
description: 'Times, prices: 12 yuan'
---

# Opening hours in Chongqing

The museum opens at 9:00 and closes at 17:30,
with a break from 12 to 13.
See ![the map of Liangjiang](map.png "Liangjiang, 2022") and [the site](https://example.com "Chongqing museums").

> Quoted *emphasis* with \`code\` and 3 numbers: 1, 2 and 3.
> A second line of the quote.

| Day | Hours |
| --- | --- |
| Monday | 9 to 17 |
| Sunday | closed |

- Opening hours
- Opening hours
- A **strong** item with [a reference][ref]

[ref]: https://example.com/ref
`;

// Engines' ways of going wrong, one per text in turn: each gives the checks something to find.
const mistakes: readonly ((text: string) => string)[] = [
  (text) => text,
  (text) => onWords(text, (words) => words.replace(/[aeiou]/g, (vowel) => vowel.toUpperCase())),
  (text) => onWords(text, (words) => words.replace(/\d/g, '7')),
  (text) => text.replace(/<\/?g1>/g, ''),
  (text) => text.replace(/<x\d+\/>/g, ''),
  (text) => onWords(text, (words) => `${words} ${words} ${words}`),
  (text) => onWords(text, (words) => words.replace(/[.:]$/, '')),
];

function onWords(text: string, change: (words: string) => string): string {
  return text
    .split(/(<[^>]+>)/)
    .map((part) => (part.startsWith('<') ? part : change(part)))
    .join('');
}

interface Checked {
  readonly findings: Finding[];
  readonly consistency: ConsistencyTracker;
}

function checkBothWays(glossary: Glossary, file: string, text: string, checked: { rebuilt: Checked; parsed: Checked }, offset: number): void {
  const masked: MaskedSegment[] = maskArticle(segmentMarkdown(text, segmentOptions(frontmatterKeys)).segments, createTermMatcher(glossary.terms));
  const byText = new Map(masked.map((item, index) => [item.text, mistakes[(index + offset) % mistakes.length]!(item.text)]));
  const rebuilt = rebuildTranslated(glossary, { file, text, masked, format }, byText, 'es');
  for (const [way, output] of [['rebuilt', rebuilt], ['parsed', rebuilt.text]] as const) {
    const run: OutputCheckRun = { config, glossary, addFindings: (found) => checked[way].findings.push(...found), consistency: checked[way].consistency };
    checkOutput(run, { file, text, masked, format }, output, 'es');
  }
}

describe('checkOutput', () => {
  let glossary: Glossary;
  let articles: { file: string; text: string }[];

  beforeAll(async () => {
    glossary = await loadGlossary(path.join(repoRoot, 'locales'), 'en', ['es']);
    const folder = path.join(repoRoot, 'articles', 'en');
    const files = (await readdir(folder, { recursive: true })).filter((file) => file.endsWith('.md')).sort();
    articles = [{ file: 'hand-written.md', text: handWritten }, ...(await Promise.all(files.map(async (file) => ({ file, text: await readFile(path.join(folder, file), 'utf8') }))))];
  });

  it('finds from a rebuild what it finds by parsing the written output, at the same lines', () => {
    const checked: { rebuilt: Checked; parsed: Checked } = {
      rebuilt: { findings: [], consistency: new ConsistencyTracker() },
      parsed: { findings: [], consistency: new ConsistencyTracker() },
    };
    for (const offset of [0, 1, 2, 3]) {
      for (const { file, text } of articles) checkBothWays(glossary, `${offset}/${file}`, text, checked, offset);
    }
    const sorted = (findings: readonly Finding[]) => [...findings].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(checked.rebuilt.findings.length).toBeGreaterThan(100);
    expect(new Set(checked.rebuilt.findings.map((finding) => finding.check))).toEqual(
      new Set(['untranslated', 'number', 'end-punctuation', 'glossary-term', 'length-ratio']),
    );
    expect(sorted(checked.rebuilt.findings)).toEqual(sorted(checked.parsed.findings));
    expect(sorted(checked.rebuilt.consistency.findings())).toEqual(sorted(checked.parsed.consistency.findings()));
    expect(checked.rebuilt.consistency.findings().length).toBeGreaterThan(0);
  });

  // Parsed back, the output has lost the emptied paragraph and only says its structure changed.
  it('names an emptied segment where the written output has lost it', () => {
    const text = 'First paragraph with words.\n\nSecond paragraph with words.\n\nThird paragraph with words.\n';
    const masked = maskArticle(segmentMarkdown(text, segmentOptions([])).segments, createTermMatcher([]));
    const byText = new Map(masked.map((item, index) => [item.text, index === 1 ? '' : `Traducido: ${item.text}`]));
    const findings: Finding[] = [];
    const run: OutputCheckRun = { config, glossary, addFindings: (found) => findings.push(...found), consistency: new ConsistencyTracker() };
    const source = { file: 'a.md', text, masked, format };
    checkOutput(run, source, rebuildTranslated(glossary, source, byText, 'es'), 'es');
    expect(findings.map(({ check, line }) => [check, line])).toEqual([['empty', 3]]);
  });

  // The copy engine returns its source on purpose: its own rebuild is no untranslated text, but the same text
  // read back from disk is what a person left, and may be.
  it('leaves the untranslated check out for a rebuild whose engine returns its source, and only for it', () => {
    const text = 'The museum opens at nine.\n\nTake the metro to the centre.\n';
    const masked = maskArticle(segmentMarkdown(text, segmentOptions([])).segments, createTermMatcher([]));
    const source = { file: 'a.md', text, masked, format };
    const rebuilt = rebuildTranslated(glossary, source, new Map(masked.map((item) => [item.text, item.text])), 'es');
    const checksOf = (output: string | typeof rebuilt, isSourceReturned: boolean) => {
      const findings: Finding[] = [];
      checkOutput({ config, glossary, addFindings: (found) => findings.push(...found), consistency: new ConsistencyTracker() }, source, output, 'es', { isSourceReturned });
      return findings.map((finding) => finding.check);
    };
    expect(checksOf(rebuilt, false)).toEqual(['untranslated', 'untranslated']);
    expect(checksOf(rebuilt, true)).toEqual([]);
    expect(checksOf(rebuilt.text, true)).toEqual(['untranslated', 'untranslated']);
  });
});
