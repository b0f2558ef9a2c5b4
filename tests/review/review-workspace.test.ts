import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { TranslationMemory } from '../../src/memory/translation-memory.ts';
import { ReviewEditError, ReviewWorkspace } from '../../src/review/review-workspace.ts';
import { makeTempDir, removeTempDir, runCli, writeProject } from '../support/cli.ts';

const timeout = 120_000;
const article = [
  '# Design in Liangjiang',
  '',
  'The city has **many** new studios and a [design centre](https://example.com/centre "The centre").',
  '',
  'The museum opens every Monday.',
  '',
  '![A river at night](river.png)',
  '',
].join('\n');

describe('ReviewWorkspace', () => {
  let dir: string;
  let workspace: ReviewWorkspace | undefined;
  const output = () => path.join(dir, 'articles', 'es', 'a.md');
  beforeEach(async () => {
    dir = await makeTempDir('jialing-workspace-');
    await writeProject(dir, {
      'pipeline.config.json': JSON.stringify({ targetLanguages: ['es'], engine: 'apertium' }),
      'articles/en/a.md': article,
      'locales/en/glossary.json': JSON.stringify({ Liangjiang: 'Liangjiang' }),
      'locales/es/glossary.json': JSON.stringify({ Liangjiang: 'Liangjiang (ES)' }),
    });
    expect((await runCli(['translate', '-q'], { cwd: dir })).code).toBe(0);
    workspace = await ReviewWorkspace.open(await loadConfig(undefined, dir));
  });
  afterEach(async () => {
    workspace?.close();
    await removeTempDir(dir);
  });

  it(
    'lists segments with their translation, tags, terms and state',
    async () => {
      const review = await workspace!.article('a.md', 'es');
      expect(review.counts).toMatchObject({ segments: review.segments.length, machine: review.segments.length, reviewed: 0, untranslated: 0 });
      const heading = review.segments.find((segment) => segment.kind === 'heading')!;
      expect(heading.terms).toEqual([{ termId: 'Liangjiang', source: 'Liangjiang', target: 'Liangjiang (ES)', isPresent: true, notes: [] }]);
      expect(heading.targetMarkdown).toContain('Liangjiang (ES)');
      const paragraph = review.segments.find((segment) => segment.source.startsWith('The city'))!;
      expect(paragraph.state).toBe('translated');
      expect(paragraph.tags).toEqual([
        { id: 1, kind: 'pair', open: '**', close: '**' },
        { id: 2, kind: 'pair', open: '[', close: '](https://example.com/centre "…")' },
      ]);
      expect(paragraph.targetMarkdown).toMatch(/^La ciudad .*\*\*.*\*\*.*\]\(https:\/\/example\.com\/centre "/);
      expect(review.segments.map((segment) => segment.kind)).toContain('alt');
    },
    timeout,
  );

  it(
    'saves an edit given as markdown: reviewed in the memory, written in the file, kept by the next run',
    async () => {
      const before = await workspace!.article('a.md', 'es');
      const paragraph = before.segments.find((segment) => segment.source.startsWith('The museum'))!;
      const after = await workspace!.save('a.md', 'es', [{ index: paragraph.index, markdown: 'El museo abre los lunes \\*siempre\\*.' }]);
      expect(after.segments.find((segment) => segment.index === paragraph.index)).toMatchObject({ state: 'reviewed', target: 'El museo abre los lunes *siempre*.' });
      expect(await readFile(output(), 'utf8')).toContain('El museo abre los lunes \\*siempre\\*.');

      const memory = TranslationMemory.open(path.join(dir, '.jialing', 'memory.db'));
      const reviewed = [...memory.entries()].filter((entry) => entry.status === 'reviewed');
      memory.close();
      expect(reviewed).toMatchObject([{ sourceText: 'The museum opens every Monday.', targetText: 'El museo abre los lunes *siempre*.', origin: 'human' }]);

      const saved = await readFile(output(), 'utf8');
      expect((await runCli(['translate', '-q'], { cwd: dir })).code).toBe(0);
      expect(await readFile(output(), 'utf8')).toBe(saved);
    },
    timeout,
  );

  it(
    'maps formatting written in markdown back onto the source tags',
    async () => {
      const { segments } = await workspace!.article('a.md', 'es');
      const paragraph = segments.find((segment) => segment.source.startsWith('The city'))!;
      await workspace!.save('a.md', 'es', [{ index: paragraph.index, markdown: 'Hay un [centro](https://example.com/centre "El centro") y __muchos__ estudios.' }]);
      const review = await workspace!.article('a.md', 'es');
      expect(review.segments.find((segment) => segment.index === paragraph.index)!.target).toBe('Hay un <g2>centro</g2> y <g1>muchos</g1> estudios.');
      expect(await readFile(output(), 'utf8')).toContain('Hay un [centro](https://example.com/centre "El centro") y **muchos** estudios.');
    },
    timeout,
  );

  it(
    'refuses a batch with one bad edit and stores none of it',
    async () => {
      const { segments } = await workspace!.article('a.md', 'es');
      const paragraph = segments.find((segment) => segment.source.startsWith('The city'))!;
      const museum = segments.find((segment) => segment.source.startsWith('The museum'))!;
      const before = await readFile(output(), 'utf8');
      const error = await workspace!
        .save('a.md', 'es', [
          { index: museum.index, markdown: 'El museo abre los lunes.' },
          { index: paragraph.index, markdown: 'Sin formato ninguno.' },
          { index: 999, target: 'x' },
        ])
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ReviewEditError);
      expect((error as ReviewEditError).problems.map((problem) => problem.index)).toEqual([paragraph.index, 999]);
      expect((error as ReviewEditError).problems[0]!.message).toMatch(/formatting `\*\*…\*\*`.*was removed/);
      expect(await readFile(output(), 'utf8')).toBe(before);
      expect((await workspace!.article('a.md', 'es')).counts.reviewed).toBe(0);
    },
    timeout,
  );

  it(
    'takes up a hand edit of the file before saving, so neither is lost',
    async () => {
      const text = await readFile(output(), 'utf8');
      await writeFile(output(), text.replace(/^El museo.*$/m, 'El museo abre cada lunes sin falta.'));
      const { segments } = await workspace!.article('a.md', 'es');
      const paragraph = segments.find((segment) => segment.source.startsWith('The city'))!;
      await workspace!.save('a.md', 'es', [{ index: paragraph.index, markdown: 'Hay **muchos** estudios y un [centro](https://example.com/centre "El centro").' }]);
      const written = await readFile(output(), 'utf8');
      expect(written).toContain('El museo abre cada lunes sin falta.');
      expect(written).toContain('Hay **muchos** estudios');
      expect((await workspace!.article('a.md', 'es')).counts.reviewed).toBe(2);
    },
    timeout,
  );

  it(
    'refuses an unknown article or language',
    async () => {
      await expect(workspace!.article('../secret.md', 'es')).rejects.toThrow(/No article "\.\.\/secret\.md"/);
      await expect(workspace!.article('a.md', 'de')).rejects.toThrow(/"de" is not a target language/);
    },
    timeout,
  );
});
