import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MemoryEntry } from '../../src/memory/memory-entry.ts';
import { readMemoryEntries } from '../support/memory-entries.ts';
import { listFiles, makeTempDir, removeTempDir, runCli, stackFrames, writeProject } from '../support/cli.ts';

const timeout = 120_000;

const river = [
  '# Rivers of Chongqing',
  '',
  'Visit the *old town* by the river and run `npm ci` first.',
  '',
  'The boats leave at nine.',
  '',
].join('\n');

const bridge = '# Bridges\n\nThe bridge is long.\n';

const project = {
  'pipeline.config.json': JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es', 'ca'], engine: 'pseudo' }),
  'locales/en/glossary.json': JSON.stringify({ chongqing: 'Chongqing' }),
  'articles/en/guides/river.md': river,
  'articles/en/bridge.md': bridge,
};

let dir: string;

beforeEach(async () => {
  dir = await makeTempDir('jialing-xliff-');
  await writeProject(dir, project);
  const translated = await runCli(['translate', '-q'], { cwd: dir });
  expect(translated.code, translated.stderr).toBe(0);
});

afterEach(async () => {
  await removeTempDir(dir);
});

const riverXliff = () => path.join(dir, '.jialing', 'xliff', 'es', 'guides', 'river.md.xlf');
const bridgeXliff = () => path.join(dir, '.jialing', 'xliff', 'es', 'bridge.md.xlf');
const riverOutput = () => path.join(dir, 'articles', 'es', 'guides', 'river.md');

function memoryEntries(): Promise<MemoryEntry[]> {
  return readMemoryEntries(path.join(dir, '.jialing', 'memory.db'));
}

/** Everything an import could change: the localised markdown and the memory. */
async function snapshot(): Promise<{ outputs: Record<string, string>; memory: MemoryEntry[] }> {
  const outputs: Record<string, string> = {};
  for (const language of ['es', 'ca']) {
    for (const file of await listFiles(path.join(dir, 'articles', language))) outputs[`${language}/${file}`] = await readFile(path.join(dir, 'articles', language, file), 'utf8');
  }
  return { outputs, memory: await memoryEntries() };
}

async function exportOk(...args: string[]): Promise<void> {
  const result = await runCli(['xliff', 'export', ...args], { cwd: dir });
  expect(result.code, result.stderr).toBe(0);
}

/** Replaces the `<target>` of one unit (and optionally its state) in an XLIFF file. */
async function editUnit(file: string, unit: string, target: string, state?: string): Promise<void> {
  const xliff = await readFile(file, 'utf8');
  const pattern = new RegExp(`(<unit id="${unit}"[\\s\\S]*?<segment id="s\\d+" state=")(\\w+)("[^>]*>[\\s\\S]*?<target>)[\\s\\S]*?(</target>)`);
  expect(xliff).toMatch(pattern);
  await writeFile(file, xliff.replace(pattern, (_whole, before: string, oldState: string, middle: string, end: string) => `${before}${state ?? oldState}${middle}${target}${end}`));
}

describe('jialing xliff export', () => {
  it(
    'writes one XLIFF 2.1 file per article and language with inline codes, their markdown, glossary notes and states',
    async () => {
      const result = await runCli(['xliff', 'export', '--json'], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      const written = JSON.parse(result.stdout) as { files: { article: string; language: string; path: string; units: number; translated: number; reviewed: number }[] };
      expect(written.files.map((file) => path.relative(dir, file.path)).sort()).toEqual(
        ['.jialing/xliff/ca/bridge.md.xlf', '.jialing/xliff/ca/guides/river.md.xlf', '.jialing/xliff/es/bridge.md.xlf', '.jialing/xliff/es/guides/river.md.xlf'].map((file) => file.split('/').join(path.sep)),
      );
      expect(written.files.find((file) => file.language === 'es' && file.article === 'guides/river.md')).toMatchObject({ units: 3, translated: 3, reviewed: 0 });

      const xliff = await readFile(riverXliff(), 'utf8');
      expect(xliff).toContain('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:jl="urn:jialing:xliff:1" version="2.1" srcLang="en" trgLang="es">');
      expect(xliff).toContain('<file id="f1" original="guides/river.md" canResegment="no" jl:language="es">');
      expect(xliff).toMatch(/<unit id="u0" name="[0-9a-f]{16}" jl:base="[\w-]{16}" xml:space="preserve">\n {6}<notes>\n {8}<note category="glossary">Chongqing → Chongqing<\/note>/);
      expect(xliff).toContain('<data id="d1">*</data>\n        <data id="d1-end">*</data>\n        <data id="d2">`npm ci`</data>');
      expect(xliff).toContain('<source>Visit the <pc id="1" dataRefStart="d1" dataRefEnd="d1-end">old town</pc> by the river and run <ph id="2" dataRef="d2"/> first.</source>');
      expect(xliff).toMatch(/<segment id="s1" state="translated">\n.*\n {8}<target>⟦Ṽíšíţ ţĥé <pc id="1" dataRefStart="d1" dataRefEnd="d1-end">óļď ţóŵñ<\/pc>/);
    },
    timeout,
  );

  it(
    'exports one resource file named by its path or as status lists it',
    async () => {
      await writeProject(dir, { 'locales/en/common.json': JSON.stringify({ welcome: 'Welcome to the river' }) });
      expect((await runCli(['translate', '-q'], { cwd: dir })).code).toBe(0);
      await exportOk('--lang', 'es', '--article', 'locales/en/common.json', '--out', 'by-path');
      await exportOk('--lang', 'es', '--article', 'common.json', '--out', 'by-name');
      expect(await listFiles(path.join(dir, 'by-path'))).toEqual(['es/common.json.xlf']);
      expect(await listFiles(path.join(dir, 'by-name'))).toEqual(['es/common.json.xlf']);
    },
    timeout,
  );

  it(
    'writes one article in one language to another folder, and refuses a language the config lacks',
    async () => {
      await exportOk('--lang', 'es', '--article', 'articles/en/guides/river.md', '--out', 'for-review');
      expect(await listFiles(path.join(dir, 'for-review'))).toEqual(['es/guides/river.md.xlf']);

      const wrong = await runCli(['xliff', 'export', '--lang', 'de'], { cwd: dir });
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toMatch(/error: --lang de: not in targetLanguages \(es, ca\) of .*pipeline\.config\.json\./);
      expect(stackFrames(wrong.stderr)).toEqual([]);
    },
    timeout,
  );

  it.each([
    ['a file', 'notes.txt', /error: --out notes\.txt is a file; expected a folder\./],
    ['a path under a file', 'notes.txt/es', /error: --out notes\.txt\/es: .*notes\.txt, on the way to it, is a file; expected a folder\./],
    ['a name like one XLIFF file', 'review.xlf', /error: --out review\.xlf names a file, but --out takes a folder: .*\nhint: Name a folder, for example --out review\./],
  ])(
    'refuses an --out that is %s with exit 2, writing nothing',
    async (_what, out, message) => {
      await writeFile(path.join(dir, 'notes.txt'), 'mine\n');
      const before = await listFiles(dir);
      const result = await runCli(['xliff', 'export', '--out', out], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(stackFrames(result.stderr)).toEqual([]);
      expect(await listFiles(dir)).toEqual(before);
      expect(await readFile(path.join(dir, 'notes.txt'), 'utf8')).toBe('mine\n');
    },
    timeout,
  );
});

describe('jialing xliff import', () => {
  it(
    'changes nothing when the exported files come back unedited',
    async () => {
      await exportOk('--lang', 'es');
      const before = await snapshot();
      const result = await runCli(['xliff', 'import', riverXliff(), bridgeXliff(), '--json'], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual({
        imported: [
          { file: riverXliff(), article: 'guides/river.md', language: 'es', saved: 0, unchanged: 3, notImported: [] },
          { file: bridgeXliff(), article: 'bridge.md', language: 'es', saved: 0, unchanged: 2, notImported: [] },
        ],
        rejected: [],
      });
      expect(await snapshot()).toEqual(before);
    },
    timeout,
  );

  it(
    'stores an edited target as reviewed, rewrites the markdown with the source formatting, and keeps it over later runs',
    async () => {
      await exportOk('--lang', 'es');
      await editUnit(riverXliff(), 'u1', 'Ejecute <ph id="2"/> antes y visite el <pc id="1">casco antiguo</pc> junto al río.');
      const result = await runCli(['xliff', 'import', riverXliff()], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toBe(`${riverXliff()}: es/guides/river.md: 1 saved as reviewed, 2 unchanged\n`);

      const expectedLine = 'Ejecute `npm ci` antes y visite el *casco antiguo* junto al río.';
      expect((await readFile(riverOutput(), 'utf8')).split('\n')).toContain(expectedLine);
      const reviewed = (await memoryEntries()).filter((entry) => entry.status === 'reviewed');
      expect(reviewed).toHaveLength(1);
      expect(reviewed[0]).toMatchObject({ targetLanguage: 'es', targetText: 'Ejecute <x2/> antes y visite el <g1>casco antiguo</g1> junto al río.' });

      const again = await runCli(['translate', '-q'], { cwd: dir });
      expect(again.code, again.stderr).toBe(0);
      expect((await readFile(riverOutput(), 'utf8')).split('\n')).toContain(expectedLine);

      // The next export shows the segment as reviewed, and importing it again changes nothing.
      await exportOk('--lang', 'es', '--article', 'guides/river.md');
      expect(await readFile(riverXliff(), 'utf8')).toMatch(/<segment id="s1" state="reviewed">/);
      const before = await snapshot();
      expect((await runCli(['xliff', 'import', riverXliff()], { cwd: dir })).stdout).toContain('0 saved as reviewed, 3 unchanged');
      expect(await snapshot()).toEqual(before);
    },
    timeout,
  );

  it(
    'imports every XLIFF file of a folder, as the export wrote it',
    async () => {
      await exportOk('--lang', 'es');
      await editUnit(riverXliff(), 'u2', 'Los barcos salen a las nueve y media.');
      const result = await runCli(['xliff', 'import', path.join(dir, '.jialing', 'xliff', 'es')], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout.trim().split('\n')).toEqual([
        `${bridgeXliff()}: es/bridge.md: 0 saved as reviewed, 2 unchanged`,
        `${riverXliff()}: es/guides/river.md: 1 saved as reviewed, 2 unchanged`,
      ]);
      expect(await readFile(riverOutput(), 'utf8')).toContain('Los barcos salen a las nueve y media.');
    },
    timeout,
  );

  it(
    'refuses a path that does not exist and a folder without XLIFF files, naming both, with exit 2 and nothing imported',
    async () => {
      await exportOk('--lang', 'es');
      await editUnit(riverXliff(), 'u2', 'Los barcos salen a las nueve y media.');
      const before = await snapshot();
      const result = await runCli(['xliff', 'import', riverXliff(), 'returned/river.md.xlf', path.join(dir, 'articles', 'en')], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('returned/river.md.xlf: no such file or folder');
      expect(result.stderr).toContain(`${path.join(dir, 'articles', 'en')}: a folder holding no .xlf or .xliff file`);
      expect(result.stderr).toContain('Nothing was imported.');
      expect(stackFrames(result.stderr)).toEqual([]);
      expect(await snapshot()).toEqual(before);
    },
    timeout,
  );

  it(
    'stores an unchanged translation as reviewed when its state is raised to final, from a UTF-16 file',
    async () => {
      await exportOk('--lang', 'es', '--article', 'bridge.md');
      const xliff = await readFile(bridgeXliff(), 'utf8');
      // Saved as UTF-16 with a byte order mark, as some Windows CAT tools do.
      const raised = xliff.replace('<segment id="s1" state="translated">', '<segment id="s1" state="final">').replace('encoding="UTF-8"', 'encoding="UTF-16"');
      await writeFile(bridgeXliff(), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(raised, 'utf16le')]));
      const before = await readFile(path.join(dir, 'articles', 'es', 'bridge.md'), 'utf8');
      const result = await runCli(['xliff', 'import', bridgeXliff()], { cwd: dir });
      expect(result.stdout).toContain('1 saved as reviewed, 1 unchanged');
      expect(await readFile(path.join(dir, 'articles', 'es', 'bridge.md'), 'utf8')).toBe(before);
      expect((await memoryEntries()).filter((entry) => entry.status === 'reviewed').map((entry) => entry.sourceText)).toEqual(['The bridge is long.']);
    },
    timeout,
  );

  it(
    'rejects each broken file with one message naming the file, unit and problem, imports nothing from it, and still imports the valid one',
    async () => {
      await exportOk('--lang', 'es');
      const exported = await readFile(riverXliff(), 'utf8');
      const broken = {
        'version.xlf': exported.replace('version="2.1"', 'version="1.2"'),
        'language.xlf': exported.replace('trgLang="es"', 'trgLang="de"'),
        'unknown-unit.xlf': exported.replace('<unit id="u2"', '<unit id="u9"'),
        'missing-code.xlf': exported.replace(/(<unit id="u1"[\s\S]*?<target>)[\s\S]*?(<\/target>)/, '$1Visite el casco antiguo <ph id="2"/>.$2'),
        'extra-code.xlf': exported.replace(/(<unit id="u1"[\s\S]*?<target>[\s\S]*?)(<\/target>)/, '$1<ph id="7"/>$2'),
        'unbalanced.xlf': exported.replace(/(<unit id="u1"[\s\S]*?<target>)[\s\S]*?(<\/target>)/, '$1Visite <sc id="1"/>el casco <ph id="2"/>.$2'),
        'doctype.xlf': exported.replace('<xliff ', '<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n<xliff '),
        'external.xlf': exported.replace('<xliff ', '<!DOCTYPE xliff SYSTEM "http://127.0.0.1:9/xliff.dtd">\n<xliff '),
        'malformed.xlf': exported.replace('</source>', '</sorce>'),
      };
      await writeProject(dir, Object.fromEntries(Object.entries(broken).map(([name, content]) => [`broken/${name}`, content])));
      await editUnit(bridgeXliff(), 'u1', 'El puente es muy largo.');
      const before = await snapshot();

      const files = Object.keys(broken).map((name) => path.join('broken', name));
      const result = await runCli(['xliff', 'import', ...files, bridgeXliff()], { cwd: dir });
      expect(result.code).toBe(1);
      expect(stackFrames(result.stderr)).toEqual([]);
      const errors = result.stderr.split('\n').filter((line) => line.startsWith('error: '));
      expect(errors).toEqual([
        'error: broken/version.xlf:2: XLIFF version "1.2" is not supported: jialing reads XLIFF 2.0 and 2.1.',
        'error: broken/language.xlf: trgLang "de" is not one of this project\'s target languages (es, ca).',
        expect.stringMatching(/^error: broken\/unknown-unit\.xlf:\d+: unit "u9": names no translatable segment of guides\/river\.md;/),
        expect.stringMatching(/^error: broken\/missing-code\.xlf:\d+: unit "u1": the target lacks <pc id="1"> \(markdown "\*…\*"\)/),
        expect.stringMatching(/^error: broken\/extra-code\.xlf:\d+: unit "u1": the target has <ph id="7"\/>, which is not an inline code of the source\.$/),
        expect.stringMatching(/^error: broken\/unbalanced\.xlf:\d+: unit "u1": <target>: <sc id="1"> is never closed by an <ec startRef="1">\.$/),
        'error: broken/doctype.xlf:2: refusing a <!DOCTYPE> declaration: XLIFF needs none, and entity declarations can expand without bound or read other files.',
        'error: broken/external.xlf:2: refusing a <!DOCTYPE> declaration: XLIFF needs none, and entity declarations can expand without bound or read other files.',
        expect.stringMatching(/^error: broken\/malformed\.xlf:\d+: not well-formed XML: /),
      ]);
      expect(result.stderr).toContain('Nothing from this file was imported.');
      expect(result.stdout).toBe(`${bridgeXliff()}: es/bridge.md: 1 saved as reviewed, 1 unchanged\n`);

      const after = await snapshot();
      expect(after.outputs['es/guides/river.md']).toBe(before.outputs['es/guides/river.md']);
      expect(after.outputs['es/bridge.md']).toContain('El puente es muy largo.');
      expect(after.memory.filter((entry) => entry.status === 'reviewed').map((entry) => entry.targetText)).toEqual(['El puente es muy largo.']);
    },
    timeout,
  );

  it(
    'rejects a file whose article was edited since the export, naming the changed unit',
    async () => {
      await exportOk('--lang', 'es', '--article', 'guides/river.md');
      await editUnit(riverXliff(), 'u2', 'Los barcos salen a las nueve.');
      await writeProject(dir, { 'articles/en/guides/river.md': river.replace('The boats leave at nine.', 'The boats leave at ten.') });
      expect((await runCli(['translate', '-q'], { cwd: dir })).code).toBe(0);
      const before = await snapshot();

      const result = await runCli(['xliff', 'import', riverXliff(), '--json'], { cwd: dir });
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout) as { imported: unknown[]; rejected: { file: string; problems: { unit: string; message: string }[] }[] };
      expect(report.imported).toEqual([]);
      expect(report.rejected).toHaveLength(1);
      expect(report.rejected[0]!.problems).toEqual([{ unit: 'u2', line: expect.any(Number), message: expect.stringMatching(/^its source changed since the export \(segment id [0-9a-f]{16}, now [0-9a-f]{16}\): the article was edited\.$/) }]);
      expect(await snapshot()).toEqual(before);
    },
    timeout,
  );

  it(
    'prints help for both commands',
    async () => {
      const exportHelp = await runCli(['xliff', 'export', '--help'], { cwd: dir });
      expect(exportHelp.code).toBe(0);
      expect(exportHelp.stdout).toContain('--article <path>');
      expect(exportHelp.stdout).toContain('--out <dir>');
      const importHelp = await runCli(['xliff', 'import', '--help'], { cwd: dir });
      expect(importHelp.code).toBe(0);
      expect(importHelp.stdout).toContain('Usage: jialing xliff import [options] <paths...>');
      const missing = await runCli(['xliff', 'import'], { cwd: dir });
      expect(missing.code).toBe(2);
    },
    timeout,
  );

  it(
    'leaves a newer review alone when an older copy of the file comes back untouched',
    async () => {
      await exportOk('--lang', 'es', '--article', 'guides/river.md');
      const untouched = await readFile(riverXliff(), 'utf8');
      await editUnit(riverXliff(), 'u2', 'Los barcos salen a las nueve.');
      expect((await runCli(['xliff', 'import', riverXliff()], { cwd: dir })).stdout).toContain('1 saved as reviewed');
      await writeFile(riverXliff(), untouched);
      const before = await snapshot();

      const result = await runCli(['xliff', 'import', riverXliff()], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('0 saved as reviewed, 3 unchanged');
      expect(await snapshot()).toEqual(before);
      expect(before.outputs['es/guides/river.md']).toContain('Los barcos salen a las nueve.');
    },
    timeout,
  );

  it(
    'refuses to overwrite a translation changed since the export, naming the unit, and overwrites it with --force',
    async () => {
      await exportOk('--lang', 'es', '--article', 'guides/river.md');
      const exported = await readFile(riverXliff(), 'utf8');
      await editUnit(riverXliff(), 'u2', 'Los barcos salen a las nueve.');
      expect((await runCli(['xliff', 'import', riverXliff()], { cwd: dir })).code).toBe(0);
      await writeFile(riverXliff(), exported);
      await editUnit(riverXliff(), 'u2', 'Las barcas zarpan a las nueve.', 'reviewed');
      const before = await snapshot();

      const refused = await runCli(['xliff', 'import', riverXliff()], { cwd: dir });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/unit "u2": was changed in the file, and in the project since the export \(now reviewed by a person\)/);
      expect(refused.stderr).toContain('--force');
      expect(stackFrames(refused.stderr)).toEqual([]);
      expect(await snapshot()).toEqual(before);

      const forced = await runCli(['xliff', 'import', riverXliff(), '--force'], { cwd: dir });
      expect(forced.code, forced.stderr).toBe(0);
      expect(await readFile(riverOutput(), 'utf8')).toContain('Las barcas zarpan a las nueve.');
    },
    timeout,
  );

  it(
    'refuses a file whose trgLang was changed to another target language of the project',
    async () => {
      await exportOk('--lang', 'es', '--article', 'guides/river.md');
      await writeFile(riverXliff(), (await readFile(riverXliff(), 'utf8')).replace('trgLang="es"', 'trgLang="ca"'));
      const before = await snapshot();
      const result = await runCli(['xliff', 'import', riverXliff()], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('trgLang "ca" is not the language the file was exported for ("es")');
      expect(await snapshot()).toEqual(before);
    },
    timeout,
  );
});
