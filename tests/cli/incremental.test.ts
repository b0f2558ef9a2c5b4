import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeeplProject } from '../support/deepl-project.ts';

// Incremental runs through the real CLI against the DeepL test server, whose request log shows
// exactly which texts a run paid for. The server's fake German is "[DE] " and the words upper-cased.

const alpha = `---
title: Alpha guide
---

# Alpha

Alpha paragraph one talks about rivers.

Alpha paragraph two has *emphasis* and \`code\`.

Alpha paragraph three ends the guide.
`;

const beta = `# Beta

Beta paragraph one is short.

Beta paragraph two is short too.
`;

const gamma = `# Gamma

- Gamma item one
- Gamma item two

Gamma closing words.
`;

const articles = { 'articles/en/a.md': alpha, 'articles/en/b.md': beta, 'articles/en/guides/c.md': gamma };

let project: DeeplProject | undefined;

afterEach(async () => {
  await project?.dispose();
  project = undefined;
});

async function translatedProject(config: Record<string, unknown> = {}, files: Record<string, string> = {}): Promise<DeeplProject> {
  project = await DeeplProject.create({ config, files: { ...articles, ...files } });
  const first = await project.translateOk();
  for (const figures of Object.values(first.languages)) {
    expect(figures.translated).toBeGreaterThan(0);
    expect(figures.fromMemory).toBe(0);
  }
  return project;
}

describe('incremental runs', { timeout: 180_000 }, () => {
  it('sends nothing on a second run with nothing changed and writes byte-identical outputs', async () => {
    const project = await translatedProject({ targetLanguages: ['de', 'fr'] });
    const before = { de: await project.snapshot('articles/de'), fr: await project.snapshot('articles/fr') };
    expect(Object.keys(before.de)).toEqual(['a.md', 'b.md', 'guides/c.md']);
    const mark = project.mark();

    const second = await project.translateOk();

    expect(project.textsSentSince(mark)).toEqual([]);
    for (const language of ['de', 'fr'] as const) {
      const figures = second.languages[language]!;
      expect(figures).toMatchObject({ articles: 3, translated: 0, requests: 0, billedCharacters: 0, failedArticles: 0, failedSegments: 0 });
      expect(figures.segments).toBeGreaterThan(0);
      expect(figures.fromMemory).toBe(figures.segments);
      expect(await project.snapshot(`articles/${language}`)).toEqual(before[language]);
    }
  });

  it('leaves unchanged outputs unwritten on a second run, and rewrites only the article whose source changed', async () => {
    const project = await translatedProject();
    const output = (file: string) => path.join(project.dir, 'articles', 'de', file);
    const before = await Promise.all(['a.md', 'b.md'].map(async (file) => (await stat(output(file))).mtimeMs));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await project.write({ 'articles/en/b.md': beta.replace('Beta paragraph one is short.', 'Beta paragraph one is brief.') });
    await project.translateOk();
    const after = await Promise.all(['a.md', 'b.md'].map(async (file) => (await stat(output(file))).mtimeMs));
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toBeGreaterThan(before[1]!);
  });

  it('sends exactly the one paragraph that was edited', async () => {
    const project = await translatedProject();
    const before = await project.snapshot('articles/de');
    const mark = project.mark();

    await project.write({ 'articles/en/a.md': alpha.replace('Alpha paragraph one talks about rivers.', 'Alpha paragraph one now talks about mountains.') });
    const second = await project.translateOk();

    expect(project.textsSentSince(mark)).toEqual(['Alpha paragraph one now talks about mountains.']);
    expect(second.languages['de']).toMatchObject({ translated: 1, requests: 1 });
    expect(second.languages['de']!.fromMemory).toBe(second.languages['de']!.segments - 1);
    const after = await project.snapshot('articles/de');
    expect(after['a.md']).toBe(before['a.md']!.replace('\\[DE] ALPHA PARAGRAPH ONE TALKS ABOUT RIVERS.', '\\[DE] ALPHA PARAGRAPH ONE NOW TALKS ABOUT MOUNTAINS.'));
    expect(after['a.md']).not.toBe(before['a.md']);
    expect(after['b.md']).toBe(before['b.md']);
    expect(after['guides/c.md']).toBe(before['guides/c.md']);
  });

  it('sends only a paragraph inserted at the top of an article', async () => {
    const project = await translatedProject();
    const before = await project.snapshot('articles/de');
    const mark = project.mark();

    await project.write({ 'articles/en/b.md': `A new opening paragraph comes first.\n\n${beta}` });
    const second = await project.translateOk();

    expect(project.textsSentSince(mark)).toEqual(['A new opening paragraph comes first.']);
    expect(second.languages['de']).toMatchObject({ translated: 1, requests: 1 });
    const after = await project.snapshot('articles/de');
    expect(after['b.md']).toBe(`\\[DE] A NEW OPENING PARAGRAPH COMES FIRST.\n\n${before['b.md']}`);
    expect(after['a.md']).toBe(before['a.md']);
  });

  it('sends nothing for an article that was moved and renamed, and writes it at its new path', async () => {
    const project = await translatedProject();
    const before = await project.snapshot('articles/de');
    const mark = project.mark();

    await project.move('articles/en/a.md', 'articles/en/guides/b.md');
    const second = await project.translateOk();

    expect(project.textsSentSince(mark)).toEqual([]);
    expect(second.languages['de']).toMatchObject({ articles: 3, translated: 0, requests: 0 });
    expect(second.languages['de']!.fromMemory).toBe(second.languages['de']!.segments);
    expect(await project.read('articles/de/guides/b.md')).toBe(before['a.md']);
    expect(await project.read('articles/de/b.md')).toBe(before['b.md']);
  });

  it('re-sends only the segments holding a glossary term whose target form changed, and writes the new form', async () => {
    const travel = '# Travel\n\nChongqing lies on two rivers.\n\nThe Yuelai district hosts fairs.\n\nTrains leave every hour.\n';
    const food = '# Food\n\nHot pot in Chongqing is spicy.\n\nNoodles are cheap.\n';
    project = await DeeplProject.create({
      files: {
        'articles/en/travel.md': travel,
        'articles/en/food.md': food,
        'locales/en/glossary.json': JSON.stringify({ cq: 'Chongqing', yl: 'Yuelai' }),
        'locales/de/glossary.json': JSON.stringify({ cq: 'Tschungking', yl: 'Yuelai' }),
      },
    });
    const first = await project.translateOk();
    expect(first.languages['de']!.translated).toBe(7);
    expect(await project.read('articles/de/travel.md')).toBe('# \\[DE] TRAVEL\n\n\\[DE] Tschungking LIES ON TWO RIVERS.\n\n\\[DE] THE Yuelai DISTRICT HOSTS FAIRS.\n\n\\[DE] TRAINS LEAVE EVERY HOUR.\n');
    const before = await project.snapshot('articles/de');
    const mark = project.mark();

    await project.write({ 'locales/de/glossary.json': JSON.stringify({ cq: 'Tschongking', yl: 'Yuelai' }) });
    const second = await project.translateOk();

    // The masked texts are the same as before; their glossary version is what changed.
    expect(project.textsSentSince(mark).sort()).toEqual(['<x1/> lies on two rivers.', 'Hot pot in <x1/> is spicy.']);
    expect(second.languages['de']).toMatchObject({ translated: 2, fromMemory: 5 });
    const after = await project.snapshot('articles/de');
    expect(after['travel.md']).toBe(before['travel.md']!.replace('Tschungking', 'Tschongking'));
    expect(after['food.md']).toBe(before['food.md']!.replace('Tschungking', 'Tschongking'));
    expect(after['food.md']).toContain('\\[DE] HOT POT IN Tschongking IS SPICY.');
  });

  it('remembers words sent once around different glossary terms under each term, so a second run sends nothing', async () => {
    // Masked, both headings read "Hot pot in <x1/>": one request translates them, two memory keys need it.
    project = await DeeplProject.create({
      files: {
        'articles/en/a.md': '# Hot pot in Chongqing\n\nA first paragraph.\n',
        'articles/en/b.md': '# Hot pot in Yuelai\n\nA second paragraph.\n',
        'articles/en/c.md': '# Hot pot in Chongqing\n\nA third paragraph.\n',
        'locales/en/glossary.json': JSON.stringify({ cq: 'Chongqing', yl: 'Yuelai' }),
        'locales/de/glossary.json': JSON.stringify({ cq: 'Tschungking', yl: 'Yuelai' }),
      },
    });
    await project.translateOk();
    const mark = project.mark();

    const second = await project.translateOk();

    expect(project.textsSentSince(mark)).toEqual([]);
    expect(second.languages['de']).toMatchObject({ translated: 0, fromMemory: 6 });
    expect(await project.read('articles/de/b.md')).toContain('\\[DE] HOT POT IN Yuelai');
  });

  it('uses a reviewed translation imported from an exported and edited TMX instead of the machine one, sending nothing', async () => {
    const project = await translatedProject();
    const exported = path.join(project.dir, 'memory-de.tmx');
    const exportRun = await project.run(['memory', 'export'], [exported, '--lang', 'de']);
    expect(exportRun.code, exportRun.stderr).toBe(0);
    const tmx = await project.read('memory-de.tmx');
    // A reviewer fixes one unit in a CAT tool: new target text, status reviewed; the jialing props stay as exported.
    const edited = reviewUnit(tmx, 'Alpha paragraph one talks about rivers.', 'Absatz eins handelt von Flüssen.');
    await writeFile(exported, edited);
    const importRun = await project.run(['memory', 'import'], [exported]);
    expect(importRun.code, importRun.stderr).toBe(0);
    const mark = project.mark();

    const second = await project.translateOk();

    expect(project.textsSentSince(mark)).toEqual([]);
    expect(second.languages['de']).toMatchObject({ translated: 0, requests: 0 });
    const output = await project.read('articles/de/a.md');
    expect(output).toContain('\n\nAbsatz eins handelt von Flüssen.\n\n');
    expect(output).not.toContain('RIVERS');
    expect(output).toContain('\\[DE] ALPHA PARAGRAPH THREE ENDS THE GUIDE.');
  });

  it("uses a reviewed unit from another tool's TMX for a new paragraph, sending nothing", async () => {
    const project = await translatedProject();
    await project.write({
      'reviewed.tmx': tmxDocument([{ source: 'Beta paragraph three was written and reviewed by hand.', target: 'Beta Absatz drei wurde von Hand geprüft.', status: 'reviewed' }]),
    });
    const importRun = await project.run(['memory', 'import'], [path.join(project.dir, 'reviewed.tmx')]);
    expect(importRun.code, importRun.stderr).toBe(0);
    expect(importRun.stderr).toMatch(/Imported 1 translation unit/);
    const mark = project.mark();

    await project.write({ 'articles/en/b.md': `${beta}\nBeta paragraph three was written and reviewed by hand.\n` });
    const second = await project.translateOk();

    expect(project.textsSentSince(mark)).toEqual([]);
    expect(second.languages['de']).toMatchObject({ translated: 0, requests: 0 });
    expect(await project.read('articles/de/b.md')).toBe(
      '# \\[DE] BETA\n\n\\[DE] BETA PARAGRAPH ONE IS SHORT.\n\n\\[DE] BETA PARAGRAPH TWO IS SHORT TOO.\n\nBeta Absatz drei wurde von Hand geprüft.\n',
    );
  });
});

/** The exported TMX with the unit of `source` marked reviewed and its German text replaced; fails unless exactly one unit matches. */
function reviewUnit(tmx: string, source: string, target: string): string {
  let units = 0;
  const edited = tmx.replace(/<tu [\s\S]*?<\/tu>/g, (unit) => {
    if (!unit.includes(`<tuv xml:lang="en"><seg>${source}</seg></tuv>`)) return unit;
    units++;
    return unit
      .replace('<prop type="x-jialing-status">machine</prop>', '<prop type="x-jialing-status">reviewed</prop>')
      .replace(/(<tuv xml:lang="de"><seg>)[\s\S]*?(<\/seg>)/, `$1${target}$2`);
  });
  expect(units).toBe(1);
  expect(edited).toContain('<prop type="x-jialing-status">reviewed</prop>');
  return edited;
}

/** A minimal TMX 1.4 document as another tool writes it: no jialing props other than the status. */
function tmxDocument(units: readonly { source: string; target: string; status?: string }[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    '  <header creationtool="cat-tool" creationtoolversion="1" segtype="block" o-tmf="cat" adminlang="en" srclang="en" datatype="plaintext"/>',
    '  <body>',
    ...units.map((unit) =>
      [
        '    <tu>',
        ...(unit.status ? [`      <prop type="x-jialing-status">${unit.status}</prop>`] : []),
        `      <tuv xml:lang="en"><seg>${unit.source}</seg></tuv>`,
        `      <tuv xml:lang="de"><seg>${unit.target}</seg></tuv>`,
        '    </tu>',
      ].join('\n'),
    ),
    '  </body>',
    '</tmx>',
    '',
  ].join('\n');
}
