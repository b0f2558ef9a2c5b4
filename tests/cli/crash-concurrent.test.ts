import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DeeplProject } from '../support/deepl-project.ts';
import { articleNames, numberedArticleFiles, numberedArticleTexts, numberedArticleTranslated } from '../support/numbered-articles.ts';

// Two `jialing translate` processes on one project and one memory file at the same time. The memory
// is SQLite in WAL mode with a busy timeout, so both must finish and leave a whole memory behind.

const paragraphs = 4;
const names = articleNames(24);
const allTexts = names.flatMap((name) => numberedArticleTexts(name, paragraphs));
// Context on: one request per article, each slowed down, so the two runs' writes to the memory
// interleave many times over a few seconds.
const config = { targetLanguages: ['de', 'fr'], deepl: { concurrency: 1 } };
const slowly = [{ fault: { type: 'delay', ms: 200 }, times: Infinity }] as const;

let project: DeeplProject | undefined;

afterEach(async () => {
  await project?.dispose();
  project = undefined;
});

function expectMemoryIntact(project: DeeplProject): void {
  const db = new Database(project.memoryFile, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = db.prepare('SELECT target_language AS language, count(*) AS entries FROM entries GROUP BY target_language ORDER BY target_language').all();
    expect(rows).toEqual([
      { language: 'de', entries: allTexts.length },
      { language: 'fr', entries: allTexts.length },
    ]);
  } finally {
    db.close();
  }
}

async function expectOutputs(project: DeeplProject, language: string, target: string): Promise<void> {
  const outputs = await project.snapshot(`articles/${language}`);
  expect(Object.keys(outputs)).toEqual(names.map((name) => `${name}.md`));
  for (const name of names) expect(outputs[`${name}.md`], `${language}/${name}`).toBe(numberedArticleTranslated(name, paragraphs, target));
}

describe('two runs at once on one memory', { timeout: 240_000 }, () => {
  it('both succeed for two languages, starting from no memory, and leave a whole memory that a third run finds complete', async () => {
    project = await DeeplProject.create({ config, files: numberedArticleFiles(names.length, paragraphs) });
    project.server.set(slowly);

    const runs = await Promise.all([project.translate(['--lang', 'de']), project.translate(['--lang', 'fr'])]);

    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    expect(runs.map((run) => run.summary?.languages['de']?.translated ?? run.summary?.languages['fr']?.translated)).toEqual([allTexts.length, allTexts.length]);
    // The runs overlapped (each sent requests while the other was sending), or the test proved nothing.
    const byTarget = (target: string) => project!.translateRequests().filter((request) => request.fields['target_lang']?.[0]?.toUpperCase() === target);
    const [de, fr] = [byTarget('DE'), byTarget('FR')];
    expect(de[0]!.receivedAt).toBeLessThan(fr.at(-1)!.receivedAt);
    expect(fr[0]!.receivedAt).toBeLessThan(de.at(-1)!.receivedAt);
    expectMemoryIntact(project);

    project.server.set([]);
    const mark = project.mark();
    const third = await project.translateOk();
    expect(project.textsSentSince(mark)).toEqual([]);
    expect(third.languages['de']).toMatchObject({ translated: 0, fromMemory: allTexts.length });
    expect(third.languages['fr']).toMatchObject({ translated: 0, fromMemory: allTexts.length });
    await expectOutputs(project, 'de', 'DE');
    await expectOutputs(project, 'fr', 'FR');
    const exported = await project.run(['memory', 'export']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout.match(/<tu /g)).toHaveLength(2 * allTexts.length);
    expect(await project.temporaryFiles()).toEqual([]);
  });

  it('survives the same languages twice at once: whole memory, whole outputs, nothing left to translate', async () => {
    project = await DeeplProject.create({ config, files: numberedArticleFiles(names.length, paragraphs) });
    await project.translateOk(['--lang', 'fr']);
    project.server.set(slowly);

    const runs = await Promise.all([project.translate(), project.translate()]);

    // Neither waits for the other: both succeed (each sending what the memory lacked when it looked).
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    expectMemoryIntact(project);
    project.server.set([]);
    const mark = project.mark();
    const third = await project.translateOk();
    expect(project.textsSentSince(mark)).toEqual([]);
    expect(third.languages['de']).toMatchObject({ translated: 0, fromMemory: allTexts.length });
    await expectOutputs(project, 'de', 'DE');
    await expectOutputs(project, 'fr', 'FR');
    expect(await project.temporaryFiles()).toEqual([]);
  });
});
