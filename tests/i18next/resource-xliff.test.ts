import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { DeeplProject } from '../support/deepl-project.ts';

let project: DeeplProject | undefined;

afterEach(async () => {
  await project?.dispose();
  project = undefined;
});

it('exports resource strings to XLIFF with their keys and imports a translator’s correction as reviewed', async () => {
  project = await DeeplProject.create({
    config: { targetLanguages: ['de'], engine: 'pseudo' },
    files: { 'articles/en/a.md': '# A\n\nShort text here.\n', 'locales/en/common.json': '{\n  "nav": { "home": "Home page" },\n  "ticket_one": "{{count}} ticket",\n  "ticket_other": "{{count}} tickets"\n}\n' },
  });
  await project.translateOk();
  const exported = await project.run(['xliff', 'export'], ['--out', 'xliff']);
  expect(exported.code).toBe(0);
  const file = path.join(project.dir, 'xliff', 'de', 'common.json.xlf');
  const xliff = await readFile(file, 'utf8');
  expect([...xliff.matchAll(/<note category="key">([^<]*)<\/note>/g)].map((match) => match[1])).toEqual(['nav.home', 'ticket_one', 'ticket_other']);
  expect(xliff).toContain('<data id="d1">{{count}}</data>');
  await writeFile(file, xliff.replace(/(<source>Home page<\/source>\s*<target>)[^<]*/, '$1Startseite'));
  const imported = await project.run(['xliff', 'import'], [file]);
  expect(imported.code, imported.stderr).toBe(0);
  expect(JSON.parse(await project.read('locales/de/common.json'))).toMatchObject({ nav: { home: 'Startseite' } });
  const status = await project.status();
  expect(status.rows.find((row) => row.file === 'common.json')).toMatchObject({ state: 'up-to-date', reviewed: 1 });
}, 300_000);
