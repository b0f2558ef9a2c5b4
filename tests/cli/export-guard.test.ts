import { readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkExportPath } from '../../src/io/check-export-path.ts';
import { SqliteMemory } from '../../src/memory/sqlite/sqlite-memory.ts';
import { listFiles, makeTempDir, removeTempDir, runCli, stackFrames, writeProject, type CliResult } from '../support/cli.ts';

const timeout = 60_000;
let dir: string;

beforeEach(async () => {
  dir = await makeTempDir('jialing-export-guard-');
  await writeProject(dir, {
    'pipeline.config.json': JSON.stringify({ targetLanguages: ['es'], engine: 'copy' }),
    'articles/en/index.md': '# Bridge\n\nThe bridge is old.\n',
    'locales/en/glossary.json': JSON.stringify({ bridge: 'bridge' }),
    'locales/es/glossary.json': JSON.stringify({ bridge: 'puente' }),
  });
});

afterEach(async () => {
  await removeTempDir(dir);
});

const project = () => ({
  memoryFile: path.join(dir, '.jialing/memory.db'),
  configFile: path.join(dir, 'pipeline.config.json'),
  localesDir: path.join(dir, 'locales'),
  articlesDir: path.join(dir, 'articles/en'),
});
const tmx = { name: 'TMX', extensions: ['.tmx', '.xml'] };
const refusal = (file: string, format = tmx) => checkExportPath(file, format, project()).then(
  () => 'accepted',
  (error: Error) => error.message,
);

describe('where an export may be written', () => {
  it('refuses the memory, its journal files and the config file', async () => {
    expect(await refusal(path.join(dir, '.jialing/memory.db'), { name: 'TMX', extensions: ['.db'] })).toContain('it would replace the translation memory');
    expect(await refusal(path.join(dir, '.jialing/memory.db-wal'), { name: 'TMX', extensions: ['.db-wal'] })).toContain('it would replace the translation memory');
    expect(await refusal(path.join(dir, 'pipeline.config.json'), { name: 'CSV', extensions: ['.json'] })).toContain('it would replace the config file');
  });

  it('refuses the memory under another name (a link to it)', async () => {
    await SqliteMemory.open(project().memoryFile).close();
    await symlink(project().memoryFile, path.join(dir, 'alias.tmx'));
    expect(await refusal(path.join(dir, 'alias.tmx'))).toContain('it would replace the translation memory');
  });

  it('refuses anything in the locales or articles folders', async () => {
    expect(await refusal(path.join(dir, 'locales/es/terms.tmx'))).toContain(`it lies in the folder of glossary and locale resources (${path.join(dir, 'locales')})`);
    expect(await refusal(path.join(dir, 'articles/en/index.tmx'))).toContain('it lies in the folder of source articles');
  });

  it('refuses a folder, and a path a file stands in the way of', async () => {
    await writeProject(dir, { 'notes.txt': 'mine\n', 'exports/keep.txt': '' });
    expect(await refusal(path.join(dir, 'exports'))).toBe(`Refusing to write TMX to ${path.join(dir, 'exports')}: it is a folder.`);
    expect(await refusal(path.join(dir, 'notes.txt/export.tmx'))).toBe(`Refusing to write TMX to ${path.join(dir, 'notes.txt/export.tmx')}: ${path.join(dir, 'notes.txt')}, on the way to it, is a file.`);
    expect(await refusal(path.join(dir, 'notes.txt/more/export.tmx'))).toContain(`${path.join(dir, 'notes.txt')}, on the way to it, is a file.`);
  });

  it('refuses a file name whose extension names another format, and accepts one with none', async () => {
    expect(await refusal(path.join(dir, 'export.db'))).toBe(`Refusing to write TMX to ${path.join(dir, 'export.db')}: its extension ".db" says another format.`);
    expect(await refusal(path.join(dir, 'out/export.tmx'))).toBe('accepted');
    expect(await refusal(path.join(dir, 'export'))).toBe('accepted');
  });
});

function expectRefused(result: CliResult, ...mentions: string[]): void {
  expect(result.code).toBe(2);
  expect(stackFrames(result.stderr)).toEqual([]);
  for (const mention of mentions) expect(result.stderr).toContain(mention);
}

describe('export commands', () => {
  it(
    'memory export onto the memory database: exit 2, the database unchanged',
    async () => {
      await SqliteMemory.open(project().memoryFile).close();
      const before = await readFile(project().memoryFile);
      const result = await runCli(['memory', 'export', '.jialing/memory.db'], { cwd: dir });
      expectRefused(result, 'error: Refusing to write TMX to .jialing/memory.db: its extension ".db" says another format.', 'hint: Name the file *.tmx');
      expect(await readFile(project().memoryFile)).toEqual(before);
    },
    timeout,
  );

  it(
    'memory and glossary export onto a folder or under a file: exit 2, one message, nothing written',
    async () => {
      await writeProject(dir, { 'notes.txt': 'mine\n', 'exports/keep.txt': '' });
      const before = await listFiles(dir);
      for (const [args, message] of [
        [['memory', 'export', 'exports'], 'error: Refusing to write TMX to exports: it is a folder.'],
        [['memory', 'export', 'notes.txt/memory.tmx'], `error: Refusing to write TMX to notes.txt/memory.tmx: ${path.join(dir, 'notes.txt')}, on the way to it, is a file.`],
        [['glossary', 'export', 'notes.txt/terms.csv'], `error: Refusing to write CSV to notes.txt/terms.csv: ${path.join(dir, 'notes.txt')}, on the way to it, is a file.`],
      ] as const) {
        expectRefused(await runCli(args, { cwd: dir }), message);
      }
      expect(await listFiles(dir)).toEqual(before);
      expect(await readFile(path.join(dir, 'notes.txt'), 'utf8')).toBe('mine\n');
    },
    timeout,
  );

  it(
    'glossary export onto a glossary resource: exit 2, the glossary unchanged',
    async () => {
      const result = await runCli(['glossary', 'export', 'locales/es/glossary.json', '--format', 'csv'], { cwd: dir });
      expectRefused(result, 'Refusing to write CSV to locales/es/glossary.json: its extension ".json" says another format.');
      expect(JSON.parse(await readFile(path.join(dir, 'locales/es/glossary.json'), 'utf8'))).toEqual({ bridge: 'puente' });
    },
    timeout,
  );

  it(
    'glossary export into the locales folder, whatever its extension: exit 2, nothing written there',
    async () => {
      const result = await runCli(['glossary', 'export', 'locales/es/terms.csv'], { cwd: dir });
      expectRefused(result, 'Refusing to write CSV to locales/es/terms.csv: it lies in the folder of glossary and locale resources');
      expect(await listFiles(path.join(dir, 'locales/es'))).toEqual(['glossary.json']);
    },
    timeout,
  );

  it(
    'glossary export with a format its file name contradicts: exit 2, nothing written',
    async () => {
      const result = await runCli(['glossary', 'export', 'terms.csv', '--format', 'tbx'], { cwd: dir });
      expectRefused(result, 'Refusing to write TBX to terms.csv: its extension ".csv" says another format.');
      expect(await listFiles(dir)).not.toContain('terms.csv');
    },
    timeout,
  );

  it(
    'xliff export into the articles folder: exit 2, nothing written there',
    async () => {
      const result = await runCli(['xliff', 'export', '--out', 'articles/en'], { cwd: dir });
      expectRefused(result, 'Refusing to write XLIFF to', 'it lies in the folder of source articles');
      expect(await listFiles(path.join(dir, 'articles/en'))).toEqual(['index.md']);
    },
    timeout,
  );
});
