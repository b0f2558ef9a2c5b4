import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir, runCli, writeProject } from '../support/cli.ts';
import { copySampleSources } from '../support/sample-sources.ts';

const timeout = 180_000;

/** Every file below a folder, relative, with its text. */
async function snapshot(folder: string): Promise<Record<string, string>> {
  const files = (await readdir(folder, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const texts = await Promise.all(files.map(async (entry) => [path.relative(folder, path.join(entry.parentPath, entry.name)), await readFile(path.join(entry.parentPath, entry.name), 'utf8')] as const));
  return Object.fromEntries(texts.sort(([a], [b]) => a.localeCompare(b)));
}

describe('XLIFF round trip of the sample articles through Apertium', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await makeTempDir('jialing-xliff-apertium-');
    await writeProject(dir, { 'pipeline.config.json': JSON.stringify({ targetLanguages: ['es'], engine: 'apertium' }) });
    await copySampleSources(dir);
    expect((await runCli(['translate', '-q'], { cwd: dir })).code).toBe(0);
  });
  afterEach(() => removeTempDir(dir));

  it(
    'imports every exported file unchanged, even where the engine split a formatted span, and changes nothing',
    async () => {
      expect((await runCli(['xliff', 'export', '--lang', 'es'], { cwd: dir })).code).toBe(0);
      const before = await snapshot(path.join(dir, 'articles', 'es'));
      const resourceBefore = await readFile(path.join(dir, 'locales', 'es', 'common.json'), 'utf8');
      const files = Object.keys(await snapshot(path.join(dir, '.jialing', 'xliff', 'es'))).map((file) => path.join('.jialing', 'xliff', 'es', file));
      // The four sample articles and the sample resource file.
      expect(files).toHaveLength(5);
      expect(files).toContain(path.join('.jialing', 'xliff', 'es', 'common.json.xlf'));
      const imported = await runCli(['xliff', 'import', ...files], { cwd: dir });
      expect(imported.stderr).toBe('');
      expect(imported.code).toBe(0);
      expect(await snapshot(path.join(dir, 'articles', 'es'))).toEqual(before);
      expect(await readFile(path.join(dir, 'locales', 'es', 'common.json'), 'utf8')).toBe(resourceBefore);
    },
    timeout,
  );
});
