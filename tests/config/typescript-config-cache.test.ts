import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { makeTempDir, removeTempDir, writeProject } from '../support/cli.ts';

// A TypeScript config is bundled by esbuild, and the bundle kept in node_modules/.cache/jialing for the next start.

let dir: string;

beforeEach(async () => {
  dir = await makeTempDir('jialing-config-cache-');
  await writeProject(dir, {
    'languages.ts': "export const languages: string[] = ['es'];\n",
    'pipeline.config.ts': "import { languages } from './languages.ts';\n\nexport default { targetLanguages: languages, engine: 'copy' as const };\n",
  });
});

afterEach(async () => {
  await removeTempDir(dir);
});

const cached = () => readdir(path.join(dir, 'node_modules', '.cache', 'jialing')).catch(() => []);

describe('a TypeScript config', () => {
  it('is bundled anew when it or a file it imports changes, with a node_modules folder to keep the bundle in', async () => {
    await mkdir(path.join(dir, 'node_modules'));
    expect((await loadConfig(undefined, dir)).targetLanguages).toEqual(['es']);
    expect(await cached()).toHaveLength(1);
    expect((await loadConfig(undefined, dir)).targetLanguages).toEqual(['es']);

    await writeFile(path.join(dir, 'languages.ts'), "export const languages: string[] = ['es', 'ca'];\n");
    expect((await loadConfig(undefined, dir)).targetLanguages).toEqual(['es', 'ca']);

    await writeFile(path.join(dir, 'pipeline.config.ts'), "export default { targetLanguages: ['de'], engine: 'copy' as const };\n");
    expect((await loadConfig(undefined, dir)).targetLanguages).toEqual(['de']);
    expect(await cached()).toHaveLength(1);
  });

  it('creates no folder of its own when the project has no node_modules', async () => {
    expect((await loadConfig(undefined, dir)).targetLanguages).toEqual(['es']);
    expect((await readdir(dir)).sort()).toEqual(['languages.ts', 'pipeline.config.ts']);
  });
});
