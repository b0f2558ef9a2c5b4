import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeeplProject } from '../support/deepl-project.ts';

// Hand edits, keys of the target's own and stale plural forms, through the real CLI with the DeepL test server,
// whose "German" is "[DE] " and the words upper-cased.
const resource = `{
  "title": "Opening hours",
  "closed": "Closed on Mondays",
  "ticket_one": "{{count}} ticket",
  "ticket_other": "{{count}} tickets"
}
`;

let project: DeeplProject | undefined;

afterEach(async () => {
  await project?.dispose();
  project = undefined;
});

async function translatedProject(config: Record<string, unknown> = {}): Promise<DeeplProject> {
  project = await DeeplProject.create({ config: { targetLanguages: ['de'], ...config }, files: { 'articles/en/a.md': '# A\n\nShort text here.\n', 'locales/en/common.json': resource } });
  await project.translateOk();
  return project;
}

async function readOutput(from: DeeplProject): Promise<Record<string, string>> {
  return JSON.parse(await from.read('locales/de/common.json')) as Record<string, string>;
}

describe('i18next resources edited by hand', () => {
  it('keeps a hand edit, stores it as reviewed and writes it again when the file is lost', async () => {
    const edited = await translatedProject();
    const written = await edited.read('locales/de/common.json');
    await edited.write({ 'locales/de/common.json': written.replace(/"title": "[^"]*"/, '"title": "Öffnungszeiten"') });
    const mark = edited.mark();
    const second = await edited.translateOk();
    expect(second.languages['de']!.reviewerEdits).toBe(1);
    expect(edited.textsSentSince(mark)).toEqual([]);
    expect((await readOutput(edited))['title']).toBe('Öffnungszeiten');

    // The source of another key changes: the file is rebuilt, with the reviewed edit in it.
    await edited.write({ 'locales/en/common.json': resource.replace('Closed on Mondays', 'Closed on Tuesdays') });
    const third = await edited.translate();
    expect(third.code).toBe(0);
    expect(edited.textsSentSince(mark)).toEqual(['Closed on Tuesdays']);
    const output = await readOutput(edited);
    expect(output['title']).toBe('Öffnungszeiten');
    expect(output['closed']).toBe('[DE] CLOSED ON TUESDAYS');

    await rm(path.join(edited.dir, 'locales/de/common.json'));
    await edited.translateOk();
    expect(edited.textsSentSince(mark)).toEqual(['Closed on Tuesdays']);
    expect((await readOutput(edited))['title']).toBe('Öffnungszeiten');
  }, 300_000);

  it('flags for review a reviewed string whose source changed, and translates it anew', async () => {
    const edited = await translatedProject();
    const written = await edited.read('locales/de/common.json');
    await edited.write({ 'locales/de/common.json': written.replace(/"closed": "[^"]*"/, '"closed": "Montags geschlossen"') });
    await edited.translateOk();
    await edited.write({ 'locales/en/common.json': resource.replace('Closed on Mondays', 'Closed on Mondays.') });
    const run = await edited.translate();
    expect(run.summary!.problems.some((problem) => problem.severity === 'warning' && problem.message.includes('needs review'))).toBe(true);
    expect((await readOutput(edited))['closed']).toBe('[DE] CLOSED ON MONDAYS.');
  }, 300_000);

  it('keeps and reports keys of the target file the source lacks, and removes stale plural forms', async () => {
    const edited = await translatedProject();
    const output = await readOutput(edited);
    await edited.write({ 'locales/de/common.json': `${JSON.stringify({ ...output, legacy: 'Alt', ticket_few: 'veraltet' }, null, 2)}\n` });
    const run = await edited.translate();
    expect(run.code).toBe(0);
    const rewritten = await readOutput(edited);
    expect(rewritten['legacy']).toBe('Alt');
    expect(Object.keys(rewritten).filter((key) => key.startsWith('ticket_'))).toEqual(['ticket_one', 'ticket_other']);
    expect(run.summary!.problems.map((problem) => problem.message).join('\n')).toContain('"legacy"');
    const check = await edited.run(['check'], ['--json']);
    expect((JSON.parse(check.stdout) as { findings: { check: string; message: string }[] }).findings).toEqual([expect.objectContaining({ check: 'extra-key', message: expect.stringContaining('legacy') })]);
  }, 300_000);

  it('removes keys the source lacks when resources.extraKeys is "remove"', async () => {
    const edited = await translatedProject({ resources: { extraKeys: 'remove' } });
    const output = await readOutput(edited);
    await edited.write({ 'locales/de/common.json': `${JSON.stringify({ ...output, legacy: 'Alt' }, null, 2)}\n` });
    const run = await edited.translate();
    expect(run.code).toBe(0);
    expect(Object.keys(await readOutput(edited))).toEqual(['title', 'closed', 'ticket_one', 'ticket_other']);
    expect(run.summary!.problems.map((problem) => problem.message).join('\n')).toContain('"legacy"');
  }, 300_000);

  it('reports with `check` a lost plural form and a changed placeholder', async () => {
    const edited = await translatedProject();
    const output = await readOutput(edited);
    const { ticket_one: _lost, ...rest } = output;
    await edited.write({ 'locales/de/common.json': `${JSON.stringify({ ...rest, ticket_other: output['ticket_other']!.replace('{{count}}', '{{anzahl}}') }, null, 2)}\n` });
    const check = await edited.run(['check'], ['--json']);
    expect(check.code).toBe(1);
    const findings = (JSON.parse(check.stdout) as { findings: { check: string; message: string }[] }).findings;
    expect(findings.map((finding) => finding.check).sort()).toEqual(['markup', 'plural', 'resolve']);
    expect(findings.find((finding) => finding.check === 'plural')!.message).toContain('ticket_one');
  }, 300_000);
});

describe('i18next resources that would read as deep markdown', () => {
  it('translates a file whose many strings open emphasis, which a markdown article could not nest', async () => {
    const fields = Object.fromEntries(Array.from({ length: 120 }, (_, index) => [`field${index}`, 'Name *']));
    project = await DeeplProject.create({ config: { targetLanguages: ['de'] }, files: { 'articles/en/a.md': '# A\n\nShort text here.\n', 'locales/en/forms.json': `${JSON.stringify(fields, null, 2)}\n` } });
    const run = await project.translate();
    expect(run.code, run.stderr).toBe(0);
    expect(Object.keys(JSON.parse(await project.read('locales/de/forms.json')) as object)).toHaveLength(120);
  }, 300_000);
});

describe('i18next resources replaced with --overwrite', () => {
  it('keeps the keys of the target file the source lacks when a conflicting file is replaced', async () => {
    project = await DeeplProject.create({ config: { targetLanguages: ['pl'], engine: 'pseudo' }, files: { 'articles/en/a.md': '# A\n\nShort text here.\n', 'locales/en/common.json': resource } });
    await project.translateOk();
    const output = JSON.parse(await project.read('locales/pl/common.json')) as Record<string, string>;
    // A hand edit of a plural form no source string maps to alone cannot be lined up: the file is a conflict.
    await project.write({ 'locales/pl/common.json': `${JSON.stringify({ ...output, ticket_many: 'edited by hand', legacy: 'Stary' }, null, 2)}\n` });
    const kept = await project.translate();
    expect(kept.code).toBe(1);
    expect(kept.stderr).toContain('--overwrite');
    const replaced = await project.translate(['--overwrite']);
    expect(replaced.code, replaced.stderr).toBe(0);
    const written = JSON.parse(await project.read('locales/pl/common.json')) as Record<string, string>;
    expect(written['legacy']).toBe('Stary');
    expect(written['ticket_many']).not.toBe('edited by hand');
  }, 300_000);
});
