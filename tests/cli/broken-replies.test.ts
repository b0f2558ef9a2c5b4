// Replies that fail the checks are never written as translations nor kept for later runs: the next run asks again,
// a bounded number of times. The server stands for a DeepL-compatible one that drops the tags it was sent.
import { afterEach, describe, expect, it } from 'vitest';
import { DeeplProject } from '../support/deepl-project.ts';

const dropAtoms = (translation: string) => translation.replace(/<x\d+\s*\/>|<x\d+><\/x\d+>/g, '');

let project: DeeplProject;
afterEach(() => project.dispose());

const files = {
  'locales/en/glossary.json': '{ "chongqing": "Chongqing" }\n',
  'articles/en/a.md': '# Design\n\nDesign centres in Chongqing grow fast.\n\nRun `npm ci` before the build.\n',
};

describe('a reply that fails the checks', () => {
  it('is written as the source, reported, kept out of the memory and asked again at most three times', async () => {
    project = await DeeplProject.create({ files, server: { rewrite: dropAtoms } });

    const first = await project.translate();
    expect(first.code).toBe(1);
    const messages = first.summary!.problems.map((problem) => problem.message).join('\n');
    expect(messages).toMatch(/glossary term "Chongqing" \(<x1\/>\) was lost/);
    expect(messages).toMatch(/<x1\/> was lost/);
    const output = await project.read('articles/de/a.md');
    expect(output).toContain('\nDesign centres in Chongqing grow fast.\n');
    expect(output).toContain('\nRun `npm ci` before the build.\n');
    expect(output).toContain('# \\[DE] DESIGN');
    expect((await project.status()).rows.map((row) => [row.state, row.untranslated])).toEqual([['stale', 2]]);

    // Nothing broken was remembered: each later run sends the two texts again, until the third broken reply.
    for (const run of [2, 3]) {
      const again = await project.translate();
      expect(again.code, `run ${run}`).toBe(1);
      expect(again.summary!.languages['de']!.translated, `run ${run}`).toBe(2);
    }
    const given = await project.translate();
    expect(given.code).toBe(1);
    expect(given.summary!.languages['de']!.translated).toBe(0);
    expect(given.summary!.problems.filter((problem) => /failed the checks 3 times/.test(problem.message))).toHaveLength(2);
    expect(project.server.translateRequests()).toHaveLength(3);
  });

  it('leaves a good reply alone', async () => {
    project = await DeeplProject.create({ files });
    expect((await project.translate()).code).toBe(0);
    expect(await project.read('articles/de/a.md')).toContain('[DE] DESIGN CENTRES IN Chongqing GROW FAST.');
    expect((await project.translate()).summary!.languages['de']!.translated).toBe(0);
  });
});
