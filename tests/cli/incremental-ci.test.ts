import path from 'node:path';
import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { DeeplProject, type StatusRow } from '../support/deepl-project.ts';

// CI mode (`translate --frozen`), `--dry-run` and `status --json` on a project translated once with
// the DeepL test server.

const alpha = '# Alpha\n\nAlpha paragraph one talks about rivers.\n\nAlpha paragraph two talks about hills.\n';
const beta = '# Beta\n\nBeta paragraph one is short.\n\nBeta paragraph two is short too.\n';
const gamma = '# Gamma\n\nGamma lies in Chongqing.\n\nGamma closing words.\n';
const glossary = { 'locales/en/glossary.json': JSON.stringify({ cq: 'Chongqing' }), 'locales/de/glossary.json': JSON.stringify({ cq: 'Tschungking' }) };
const articles = { 'articles/en/a.md': alpha, 'articles/en/b.md': beta, 'articles/en/guides/c.md': gamma, ...glossary };

let project: DeeplProject | undefined;

afterEach(async () => {
  await project?.dispose();
  project = undefined;
});

async function translatedProject(config: Record<string, unknown> = {}): Promise<DeeplProject> {
  project = await DeeplProject.create({ config, files: articles });
  await project.translateOk();
  return project;
}

/** Status rows as `file language state untranslated`, compact enough to compare whole. */
function states(rows: readonly StatusRow[]): string[] {
  return rows.map((row) => `${row.file} ${row.language} ${row.state} ${row.untranslated}`);
}

describe('translate --frozen', { timeout: 180_000 }, () => {
  it('exits 1 naming the changed article and its text, sends nothing and leaves that output as it was; exits 0 once translated', async () => {
    const project = await translatedProject();
    const before = await project.snapshot('articles/de');
    const mark = project.mark();

    await project.write({ 'articles/en/b.md': beta.replace('Beta paragraph two is short too.', 'Beta got a brand new paragraph.') });
    const frozen = await project.translate(['--frozen']);

    expect(frozen.code).toBe(1);
    expect(frozen.stderr).toMatch(/b\.md \[de\] was not written: 1 segments need translating and --frozen forbids calling the engine \(first: "Beta got a brand new paragraph\."\)/);
    expect(frozen.stderr).not.toMatch(/a\.md|c\.md/);
    expect(project.textsSentSince(mark)).toEqual([]);
    expect(frozen.summary?.languages['de']).toMatchObject({ translated: 0, requests: 0, failedArticles: 1 });
    expect(await project.snapshot('articles/de')).toEqual(before);

    await project.translateOk();
    expect(project.textsSentSince(mark)).toEqual(['Beta got a brand new paragraph.']);
    const translated = await project.snapshot('articles/de');

    const again = await project.translate(['--frozen']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.summary?.languages['de']).toMatchObject({ translated: 0, requests: 0, failedArticles: 0 });
    expect(project.textsSentSince(mark)).toHaveLength(1);
    expect(await project.snapshot('articles/de')).toEqual(translated);
  });

  it('exits 1 for a glossary change that needs new translations, sending nothing', async () => {
    const project = await translatedProject();
    const mark = project.mark();

    await project.write({ 'locales/de/glossary.json': JSON.stringify({ cq: 'Tschongking' }) });
    const frozen = await project.translate(['--frozen']);

    expect(frozen.code).toBe(1);
    expect(frozen.stderr).toMatch(/guides\/c\.md \[de\] was not written: 1 segments need translating/);
    expect(project.textsSentSince(mark)).toEqual([]);
  });
  // prepareTargets runs engine.checkPair for every target; DeepL's checkPair fetches /v2/languages.
  it('makes no request at all to the engine when nothing needs translating', async () => {
    const project = await translatedProject();
    const requestsBefore = project.server.requests.length;

    const frozen = await project.translate(['--frozen']);

    expect(frozen.code, frozen.stderr).toBe(0);
    expect(project.server.requests.slice(requestsBefore).map((request) => request.path)).toEqual([]);
  });
  // (SetupError, exit 2), so a CI job that holds no key cannot check that the outputs are current.
  it('needs no DEEPL_AUTH_KEY when nothing needs translating', async () => {
    const project = await translatedProject();

    const frozen = await project.translate(['--frozen'], { DEEPL_AUTH_KEY: '' });

    expect(frozen.stderr).toBe('');
    expect(frozen.code).toBe(0);
  });
});

describe('translate --dry-run', { timeout: 180_000 }, () => {
  it('counts only the edited paragraph as billed, calls no engine and writes nothing', async () => {
    const project = await translatedProject();
    const before = await project.snapshot('articles/de');
    const memoryBefore = await project.snapshot('.jialing');
    const requestsBefore = project.server.requests.length;

    await project.write({ 'articles/en/a.md': alpha.replace('Alpha paragraph two talks about hills.', 'Alpha paragraph two is new.') });
    const dry = await project.translate(['--dry-run']);

    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.summary).toMatchObject({ dryRun: true, articles: 3 });
    const figures = dry.summary!.languages['de']!;
    expect(figures).toMatchObject({ translated: 0, requests: 0, billedCharacters: 'Alpha paragraph two is new.'.length });
    expect(figures.fromMemory).toBe(figures.segments - 1);
    expect(project.server.requests.length).toBe(requestsBefore);
    expect(await project.snapshot('articles/de')).toEqual(before);
    expect(Object.keys(await project.snapshot('.jialing'))).toEqual(Object.keys(memoryBefore));
  });
});

describe('status --json', { timeout: 180_000 }, () => {
  it('reports missing before the first run, up-to-date after it, and stale for edited and inserted paragraphs', async () => {
    project = await DeeplProject.create({ files: articles });

    const fresh = await project.status();
    expect(fresh.code).toBe(1);
    expect(states(fresh.rows)).toEqual(['a.md de missing 3', 'b.md de missing 3', 'guides/c.md de missing 3']);

    await project.translateOk();
    const done = await project.status();
    expect(done.code).toBe(0);
    expect(states(done.rows)).toEqual(['a.md de up-to-date 0', 'b.md de up-to-date 0', 'guides/c.md de up-to-date 0']);
    expect(done.rows.map((row) => [row.segments, row.machine, row.reviewed])).toEqual([
      [3, 3, 0],
      [3, 3, 0],
      [3, 3, 0],
    ]);

    await project.write({
      'articles/en/a.md': alpha.replace('talks about hills', 'talks about valleys'),
      'articles/en/b.md': `A new first paragraph.\n\nAnd a second new one.\n\n${beta}`,
    });
    const edited = await project.status();
    expect(edited.code).toBe(1);
    expect(states(edited.rows)).toEqual(['a.md de stale 1', 'b.md de stale 2', 'guides/c.md de up-to-date 0']);
    expect(edited.rows.find((row) => row.file === 'b.md')).toMatchObject({ segments: 5, machine: 3 });

    await project.translateOk();
    expect(states((await project.status()).rows)).toEqual(['a.md de up-to-date 0', 'b.md de up-to-date 0', 'guides/c.md de up-to-date 0']);
  });

  it('reports missing for a deleted output and for a moved article, stale for a glossary change, and counts reviewed entries', async () => {
    const project = await translatedProject({ targetLanguages: ['de', 'fr'] });

    await rm(path.join(project.dir, 'articles/fr/b.md'));
    await project.move('articles/en/a.md', 'articles/en/guides/moved.md');
    await project.write({ 'locales/de/glossary.json': JSON.stringify({ cq: 'Tschongking' }) });
    const changed = await project.status();
    expect(changed.code).toBe(1);
    expect(states(changed.rows)).toEqual([
      'b.md de up-to-date 0',
      'b.md fr missing 0',
      'guides/c.md de stale 1',
      'guides/c.md fr up-to-date 0',
      'guides/moved.md de missing 0',
      'guides/moved.md fr missing 0',
    ]);
    expect(states((await project.status(['--lang', 'fr'])).rows)).toEqual(['b.md fr missing 0', 'guides/c.md fr up-to-date 0', 'guides/moved.md fr missing 0']);

    const mark = project.mark();
    await project.translateOk();
    expect(project.textsSentSince(mark)).toEqual(['Gamma lies in <x1/>.']);
    await project.write({
      'reviewed.tmx': [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="block" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body>',
        '<tu><prop type="x-jialing-status">reviewed</prop><tuv xml:lang="en"><seg>Beta paragraph one is short.</seg></tuv><tuv xml:lang="de"><seg>Beta Absatz eins ist kurz.</seg></tuv></tu>',
        '</body></tmx>',
      ].join('\n'),
    });
    const imported = await project.run(['memory', 'import'], [path.join(project.dir, 'reviewed.tmx')]);
    expect(imported.code, imported.stderr).toBe(0);

    // The reviewed translation is in the memory but not yet in the output: nothing to translate, a rewrite due.
    const reviewed = await project.status();
    expect(states(reviewed.rows).filter((row) => row.startsWith('b.md de'))).toEqual(['b.md de stale 0']);
    await project.translateOk();
    expect(await project.read('articles/de/b.md')).toContain('Beta Absatz eins ist kurz.');

    const settled = await project.status();
    expect(states(settled.rows)).toEqual([
      'b.md de up-to-date 0',
      'b.md fr up-to-date 0',
      'guides/c.md de up-to-date 0',
      'guides/c.md fr up-to-date 0',
      'guides/moved.md de up-to-date 0',
      'guides/moved.md fr up-to-date 0',
    ]);
    expect(settled.rows.find((row) => row.file === 'b.md' && row.language === 'de')).toMatchObject({ reviewed: 1, machine: 2 });
    expect(settled.rows.find((row) => row.file === 'b.md' && row.language === 'fr')).toMatchObject({ reviewed: 0, machine: 3 });
  });

  it('reports an article stale when a paragraph was removed from its source', async () => {
    const project = await translatedProject();

    await project.write({ 'articles/en/a.md': '# Alpha\n\nAlpha paragraph one talks about rivers.\n' });
    const status = await project.status();

    expect(await project.read('articles/de/a.md')).toContain('HILLS');
    expect(states(status.rows)).toEqual(['a.md de stale 0', 'b.md de up-to-date 0', 'guides/c.md de up-to-date 0']);
    expect(status.code).toBe(1);
  });
  // DEEPL_AUTH_KEY is set and `translate` therefore used (and stored under) DeepL's profile: every
  // article translated with DeepL through `auto` is reported stale forever.
  it('reports up-to-date for languages translated through engine "auto" with a DeepL key', async () => {
    const project = await translatedProject({ engine: 'auto' });
    expect(project.textsSentSince(0).length).toBeGreaterThan(0);

    const status = await project.status();

    expect(states(status.rows)).toEqual(['a.md de up-to-date 0', 'b.md de up-to-date 0', 'guides/c.md de up-to-date 0']);
  });
});
