import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { ReviewWorkspace } from '../../src/review/review-workspace.ts';
import { makeTempDir, removeTempDir, runCli, writeProject } from '../support/cli.ts';

const timeout = 120_000;

describe('ReviewWorkspace over a project that changes while it is open', () => {
  let dir: string | undefined;
  let workspace: ReviewWorkspace | undefined;
  afterEach(async () => {
    workspace?.close();
    await removeTempDir(dir);
    workspace = dir = undefined;
  });

  async function project(files: Record<string, string>): Promise<ReviewWorkspace> {
    dir = await makeTempDir('jialing-workspace-changes-');
    await writeProject(dir, { 'pipeline.config.json': JSON.stringify({ targetLanguages: ['es'], engine: 'copy' }), ...files });
    expectTranslated(await runCli(['translate', '-q'], { cwd: dir }));
    workspace = await ReviewWorkspace.open(await loadConfig(undefined, dir));
    return workspace;
  }

  it(
    'uses a glossary term added after it opened, and a save keeps the form the run wrote',
    async () => {
      await project({
        'articles/en/a.md': 'The museum stands in Liangjiang.\n\nThe studio opens at nine.\n\nMore studios open in Liangjiang soon.\n',
        'locales/en/glossary.json': JSON.stringify({ museum: 'museum' }),
        'locales/es/glossary.json': JSON.stringify({ museum: 'museo' }),
      });
      await workspace!.article('a.md', 'es');
      await writeProject(dir!, {
        'locales/en/glossary.json': JSON.stringify({ museum: 'museum', liangjiang: 'Liangjiang' }),
        'locales/es/glossary.json': JSON.stringify({ museum: 'museo', liangjiang: 'Liangjiang (nueva zona)' }),
      });
      expectTranslated(await runCli(['translate', '-q'], { cwd: dir! }));
      const written = await readFile(path.join(dir!, 'articles', 'es', 'a.md'), 'utf8');
      expect(written).toContain('Liangjiang (nueva zona)');

      const review = await workspace!.article('a.md', 'es');
      expect(review.segments[0]).toMatchObject({ state: 'translated', terms: [{ source: 'museum', target: 'museo' }, { source: 'Liangjiang', target: 'Liangjiang (nueva zona)' }] });
      expect(review.segments[0]!.targetMarkdown).toContain('Liangjiang (nueva zona)');

      await workspace!.save('a.md', 'es', [{ index: 1, markdown: 'El estudio abre a las nueve.' }]);
      expect(await readFile(path.join(dir!, 'articles', 'es', 'a.md'), 'utf8')).toBe(written.replace('The studio opens at nine.', 'El estudio abre a las nueve.'));
      expect((await runCli(['status', '--json'], { cwd: dir! })).stdout).not.toContain('stale');
    },
    timeout,
  );

  it(
    'writes a reviewed translation holding a glossary term, and refuses one that lost the term’s form',
    async () => {
      await project({
        'articles/en/a.md': 'The museum stands in Liangjiang.\n',
        'locales/en/glossary.json': JSON.stringify({ liangjiang: 'Liangjiang' }),
        'locales/es/glossary.json': JSON.stringify({ liangjiang: 'Liangjiang (nueva zona)' }),
      });
      await workspace!.save('a.md', 'es', [{ index: 0, markdown: 'El museo está en Liangjiang (nueva zona).' }]);
      expect(await readFile(path.join(dir!, 'articles', 'es', 'a.md'), 'utf8')).toBe('El museo está en Liangjiang (nueva zona).\n');
      expect((await workspace!.article('a.md', 'es')).segments[0]).toMatchObject({ state: 'reviewed', target: 'El museo está en Liangjiang (nueva zona).' });

      await expect(workspace!.save('a.md', 'es', [{ index: 0, markdown: 'El museo está en Liangjiang.' }])).rejects.toThrow(/glossary term "Liangjiang" must be translated as "Liangjiang \(nueva zona\)"/);
      expect(await readFile(path.join(dir!, 'articles', 'es', 'a.md'), 'utf8')).toBe('El museo está en Liangjiang (nueva zona).\n');
    },
    timeout,
  );
});

// With stderr in the failure, so a run that did not translate says why.
function expectTranslated(result: { code: number | null; stderr: string }): void {
  expect(result.code, result.stderr).toBe(0);
}
