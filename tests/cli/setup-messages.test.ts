import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFiles, makeTempDir, removeTempDir, runCli, stackFrames, writeProject, type CliResult } from '../support/cli.ts';
import { runCliOnSmallDisk } from '../support/small-disk.ts';

const timeout = 60_000;
let dir: string;

beforeEach(async () => {
  dir = await makeTempDir('jialing-setup-messages-');
});

afterEach(async () => {
  await removeTempDir(dir);
});

const project = (settings: object, articles = 2) =>
  writeProject(dir, {
    'pipeline.config.json': JSON.stringify({ targetLanguages: ['es'], engine: 'pseudo', ...settings }),
    ...Object.fromEntries(Array.from({ length: articles }, (_, index) => [`articles/en/a${index + 1}.md`, `# Article ${index + 1}\n\n${'The city is big and the house is red. '.repeat(30)}\n`])),
  });

function expectMessage(result: CliResult, code: number, ...mentions: string[]): void {
  expect(result.code, result.stderr).toBe(code);
  expect(stackFrames(result.stderr)).toEqual([]);
  expect(result.stderr).not.toContain('Unexpected internal error');
  for (const mention of mentions) expect(result.stderr).toContain(mention);
}

describe('settings that point at a file where a folder belongs', () => {
  it(
    'articles pointing at a file: exit 2 naming it',
    async () => {
      await project({ articles: 'articles/en/a1.md' });
      expectMessage(await runCli(['translate'], { cwd: dir }), 2, `error: The articles folder ${path.join(dir, 'articles/en/a1.md')} is a file; expected a folder`);
    },
    timeout,
  );

  it(
    'report pointing at a file: exit 2 before any output is written',
    async () => {
      await project({ report: 'pipeline.config.json' });
      const result = await runCli(['translate'], { cwd: dir });
      expectMessage(result, 2, `report: ${path.join(dir, 'pipeline.config.json')} is a file; expected a folder`);
      expect(await listFiles(path.join(dir, 'articles'))).toEqual(['en/a1.md', 'en/a2.md']);
    },
    timeout,
  );

  it(
    'a report that cannot be written after the outputs were: the summary is printed, the message names the folder, exit 1',
    async () => {
      await project({});
      // A folder where report.json belongs: the report folder itself is fine, only the write fails.
      await mkdir(path.join(dir, '.jialing/report/report.json'), { recursive: true });
      const result = await runCli(['translate'], { cwd: dir });
      expectMessage(result, 1, `error: The run report could not be written to ${path.join(dir, '.jialing/report')}`);
      expect(result.stdout).toContain('Translated 2 articles');
      expect(await listFiles(path.join(dir, 'articles/es'))).toEqual(['a1.md', 'a2.md']);
    },
    timeout,
  );
});

describe('a full disk', () => {
  it(
    'while writing the report: says the disk is full, prints the summary, exit 1',
    async () => {
      await project({ report: 'full/report' });
      await mkdir(path.join(dir, 'full'));
      const result = await runCliOnSmallDisk(['translate'], { cwd: dir, mountAt: path.join(dir, 'full'), sizeKb: 64, fillKb: 64 });
      expectMessage(result, 1, `error: The run report could not be written to ${path.join(dir, 'full/report')}: the disk is full.`);
      expect(result.stdout).toContain('Translated 2 articles');
      expect(await listFiles(path.join(dir, 'articles/es'))).toEqual(['a1.md', 'a2.md']);
    },
    timeout,
  );

  it(
    'under the memory: names the memory and the full disk for every article it stops, exit 1',
    async () => {
      await project({ memory: 'full/memory.db' }, 12);
      await mkdir(path.join(dir, 'full'));
      const result = await runCliOnSmallDisk(['translate'], { cwd: dir, mountAt: path.join(dir, 'full'), sizeKb: 210 });
      const message = `The translation memory ${path.join(dir, 'full/memory.db')} cannot be opened or written (SQLITE_FULL`;
      expectMessage(result, 1, message);
      // Articles whose records fitted before the disk filled are done; every other one is named.
      const failed = Number(/Translated \d+ of 12 articles; (\d+) failed/.exec(result.stdout)?.[1]);
      expect(failed).toBeGreaterThan(0);
      expect(result.stderr.split(message).length - 1).toBe(failed);
    },
    timeout,
  );
});
