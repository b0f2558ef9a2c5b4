import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFiles, makeTempDir, removeTempDir, runCli, stackFrames, writeProject } from '../support/cli.ts';

let dir: string;

beforeEach(async () => {
  dir = await makeTempDir('jialing-deep-nesting-');
});

afterEach(async () => {
  await removeTempDir(dir);
});

describe('articles nested too deeply to parse', () => {
  it(
    'are skipped by name with the limit, the others are written, and the next run is not stuck on them',
    async () => {
      await writeProject(dir, {
        'pipeline.config.json': JSON.stringify({ targetLanguages: ['es'], engine: 'copy' }),
        'articles/en/a-first.md': 'The first article.\n',
        'articles/en/quotes.md': `${'>'.repeat(5000)} deep\n`,
        'articles/en/lists.md': Array.from({ length: 2000 }, (_, depth) => `${'  '.repeat(depth)}- item ${depth}\n`).join(''),
        'articles/en/emphasis.md': `${'*a '.repeat(2000)}x${' b*'.repeat(2000)}\n`,
        'articles/en/z-last.md': 'The last article.\n',
      });

      for (const run of [1, 2]) {
        const result = await runCli(['translate'], { cwd: dir });

        expect(result.code, `run ${run}: ${result.stderr}`).toBe(1);
        expect(stackFrames(result.stderr)).toEqual([]);
        expect(result.stderr).toContain('error: quotes.md:1 nests block quotes and lists 5000 levels deep; jialing reads at most 100 levels, so the article was skipped.');
        expect(result.stderr).toContain('error: lists.md:2000 nests block quotes and lists 2000 levels deep; jialing reads at most 100 levels');
        expect(result.stderr).toContain('error: emphasis.md:1 nests emphasis, strong text and links 2000 levels deep; jialing reads at most 100 levels');
        expect(result.stdout).toContain('Translated 2 of 5 articles; 3 skipped (see the errors above)');
        expect(await listFiles(path.join(dir, 'articles/es'))).toEqual(['a-first.md', 'z-last.md']);
      }
    },
    120_000,
  );
});
