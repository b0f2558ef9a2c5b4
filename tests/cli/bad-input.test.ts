import { lstat, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFiles, makeTempDir, parseSummaryTable, removeTempDir, runCli, stackFrames, writeProject } from '../support/cli.ts';

const timeout = 60_000;

let dir: string;

beforeEach(async () => {
  dir = await makeTempDir('jialing-bad-input-');
});

afterEach(async () => {
  await removeTempDir(dir);
});

const read = (relativePath: string) => readFile(path.join(dir, relativePath), 'utf8');
const config = (targetLanguages: string[] = ['es']) => JSON.stringify({ targetLanguages, engine: 'apertium' });
/** Names of the leftover temporary files the atomic writer uses (`.name.md.<hex>.tmp`). */
const temporaryFiles = async (folder: string) => (await listFiles(folder)).filter((file) => /(^|\/)\.[^/]*\.tmp$/.test(file));

interface JsonSummary {
  languages: Record<string, { articles: number; failedArticles: number }>;
  problems: { severity: string; file: string; language?: string; message: string }[];
}

describe('articles that are not UTF-8 markdown', () => {
  it(
    'skips a binary file named .md with a message naming it, translates the others and exits 1',
    async () => {
      await writeProject(dir, {
        'pipeline.config.json': config(),
        'articles/en/good.md': 'The city is big.\n',
        'articles/en/picture.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
      });

      const result = await runCli(['translate'], { cwd: dir });

      expect(result.code).toBe(1);
      expect(result.stderr).toContain('error: picture.md is a binary file, not text; skipped.');
      expect(stackFrames(result.stderr)).toEqual([]);
      expect(await read('articles/es/good.md')).toBe('La ciudad es grande.\n');
      expect(await listFiles(path.join(dir, 'articles/es'))).toEqual(['good.md']);
    },
    timeout,
  );

  it(
    'skips a Latin-1 file named .md with a message naming it, translates the others and exits 1',
    async () => {
      await writeProject(dir, {
        'pipeline.config.json': config(),
        'articles/en/good.md': 'The city is big.\n',
        // "The café is big." with é as the single Latin-1 byte 0xE9: not valid UTF-8.
        'articles/en/guides/latin1.md': Buffer.from('The caf\xe9 is big.\n', 'latin1'),
      });

      const result = await runCli(['translate'], { cwd: dir });

      expect(result.code).toBe(1);
      expect(result.stderr).toContain('error: guides/latin1.md is not valid UTF-8; skipped.');
      expect(stackFrames(result.stderr)).toEqual([]);
      expect(await read('articles/es/good.md')).toBe('La ciudad es grande.\n');
      expect(await listFiles(path.join(dir, 'articles/es'))).toEqual(['good.md']);
    },
    timeout,
  );

  it(
    'lists both skipped files as errors in the --json problems and counts them as not translated',
    async () => {
      await writeProject(dir, {
        'pipeline.config.json': config(['es', 'ca']),
        'articles/en/good.md': 'The city is big.\n',
        'articles/en/binary.md': Buffer.from('abc\0def'),
        'articles/en/latin1.md': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]),
      });

      const result = await runCli(['translate', '--json'], { cwd: dir });

      expect(result.code).toBe(1);
      const summary = JSON.parse(result.stdout) as JsonSummary;
      expect(summary.problems.map(({ severity, file }) => ({ severity, file }))).toEqual([
        { severity: 'error', file: 'binary.md' },
        { severity: 'error', file: 'latin1.md' },
      ]);
      expect(summary.languages['es']!.articles).toBe(1);
      expect(summary.languages['ca']!.articles).toBe(1);
      expect(await read('articles/ca/good.md')).toBe('La ciutat és gran.\n');
    },
    timeout,
  );
});

describe('an empty article', () => {
  it(
    'gives an empty output file in every language and exits 0',
    async () => {
      await writeProject(dir, {
        'pipeline.config.json': config(['es', 'ca']),
        'articles/en/empty.md': '',
        'articles/en/good.md': 'The city is big.\n',
      });

      const result = await runCli(['translate', '-q'], { cwd: dir });

      expect(result.code).toBe(0);
      expect(await read('articles/es/empty.md')).toBe('');
      expect(await read('articles/ca/empty.md')).toBe('');
      expect(await read('articles/es/good.md')).toBe('La ciudad es grande.\n');
    },
    timeout,
  );
});

describe('links inside the articles folder', () => {
  it(
    'refuses a symlink leading to a .md outside the articles folder, writes nothing for it and exits 1',
    async () => {
      await writeProject(dir, {
        'pipeline.config.json': config(['es', 'ca']),
        'articles/en/good.md': 'The city is big.\n',
        'secrets/private.md': 'The house is red.\n',
      });
      await mkdir(path.join(dir, 'articles/en/guides'), { recursive: true });
      await symlink('../../../secrets/private.md', path.join(dir, 'articles/en/guides/private.md'));

      const result = await runCli(['translate'], { cwd: dir });

      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`error: Refused guides/private.md: it leads outside the articles folder (to ${path.join(dir, 'secrets/private.md')}).`);
      expect(stackFrames(result.stderr)).toEqual([]);
      expect(await listFiles(path.join(dir, 'articles/es'))).toEqual(['good.md']);
      expect(await listFiles(path.join(dir, 'articles/ca'))).toEqual(['good.md']);
      expect(await read('secrets/private.md')).toBe('The house is red.\n');
    },
    timeout,
  );

  it(
    'refuses a broken symlink named .md with a message naming it',
    async () => {
      await writeProject(dir, { 'pipeline.config.json': config(), 'articles/en/good.md': 'The city is big.\n' });
      await symlink('missing.md', path.join(dir, 'articles/en/dangling.md'));

      const result = await runCli(['translate'], { cwd: dir });

      expect(result.code).toBe(1);
      expect(result.stderr).toContain('error: Refused dangling.md: it is a broken link.');
      expect(await listFiles(path.join(dir, 'articles/es'))).toEqual(['good.md']);
    },
    timeout,
  );

  it(
    'translates a symlink that stays inside the articles folder like any article',
    async () => {
      await writeProject(dir, { 'pipeline.config.json': config(), 'articles/en/good.md': 'The city is big.\n' });
      await symlink('good.md', path.join(dir, 'articles/en/alias.md'));

      const result = await runCli(['translate', '-q'], { cwd: dir });

      expect(result.code).toBe(0);
      expect(await read('articles/es/alias.md')).toBe('La ciudad es grande.\n');
      expect((await lstat(path.join(dir, 'articles/es/alias.md'))).isSymbolicLink()).toBe(false);
    },
    timeout,
  );
});

describe('outputs that cannot be written', () => {
  it(
    'fails the articles of a language whose output folder is a regular file, with a clear message and no stack trace',
    async () => {
      await writeProject(dir, {
        'pipeline.config.json': config(['es', 'ca']),
        'articles/en/good.md': 'The city is big.\n',
        'articles/en/guides/setup.md': 'The house is red.\n',
        'articles/es': 'I am a file, not a folder\n',
      });

      const result = await runCli(['translate'], { cwd: dir });

      expect(result.code).toBe(1);
      // Each failed article gets one error line naming the article, the language and the blocked path.
      expect(result.stderr).toMatch(/^error: good\.md \[es\] .*articles\/es/m);
      expect(result.stderr).toMatch(/^error: guides\/setup\.md \[es\] .*articles\/es/m);
      expect(stackFrames(result.stderr)).toEqual([]);
      expect(result.stderr).not.toContain('Unexpected internal error');
      expect(await read('articles/es')).toBe('I am a file, not a folder\n');
      expect(await read('articles/ca/good.md')).toBe('La ciutat és gran.\n');
      expect(await read('articles/ca/guides/setup.md')).toBe('La casa és vermell.\n');
      const table = parseSummaryTable(result.stdout);
      expect(table['es']).toMatchObject({ articles: '2', segments: '2', characters: '33', failed: '2' });
      expect(table['ca']).toMatchObject({ articles: '2', segments: '2', characters: '33', failed: '0' });
    },
    timeout,
  );

  it(
    'fails an article whose output path is a folder, leaving no temporary file behind',
    async () => {
      await writeProject(dir, {
        'pipeline.config.json': config(),
        'articles/en/good.md': 'The city is big.\n',
        'articles/en/other.md': 'The house is red.\n',
        'articles/es/good.md/keep.txt': 'occupied\n',
      });

      const result = await runCli(['translate', '--json'], { cwd: dir });

      expect(result.code).toBe(1);
      const summary = JSON.parse(result.stdout) as JsonSummary;
      expect(summary.languages['es']).toMatchObject({ articles: 2, failedArticles: 1 });
      expect(summary.problems).toHaveLength(1);
      expect(summary.problems[0]).toMatchObject({ severity: 'error', file: 'good.md', language: 'es' });
      expect(summary.problems[0]!.message).toMatch(/^good\.md \[es\] .*articles\/es\/good\.md/);
      expect(stackFrames(result.stderr)).toEqual([]);
      expect(await read('articles/es/other.md')).toBe('La casa es roja.\n');
      expect(await read('articles/es/good.md/keep.txt')).toBe('occupied\n');
      expect(await temporaryFiles(path.join(dir, 'articles/es'))).toEqual([]);
    },
    timeout,
  );
});

describe('temporary files', () => {
  it(
    'leaves no .*.tmp file in any output folder after a successful run, a run with failures and a rerun',
    async () => {
      await writeProject(dir, {
        'pipeline.config.json': config(['es', 'ca']),
        'articles/en/good.md': 'The city is big.\n',
        'articles/en/guides/deep/setup.md': '# Hello world\n\nThe house is red.\n',
        'articles/en/binary.md': Buffer.from('abc\0def'),
      });

      const first = await runCli(['translate', '-q'], { cwd: dir });
      expect(first.code).toBe(1);
      const second = await runCli(['translate', '-q'], { cwd: dir });
      expect(second.code).toBe(1);
      await writeFile(path.join(dir, 'articles/en/binary.md'), 'The house is red.\n');
      const third = await runCli(['translate', '-q'], { cwd: dir });
      expect(third.code).toBe(0);

      for (const language of ['es', 'ca']) {
        expect(await listFiles(path.join(dir, 'articles', language)), language).toEqual(['binary.md', 'good.md', 'guides/deep/setup.md']);
        expect(await temporaryFiles(path.join(dir, 'articles', language)), language).toEqual([]);
      }
      expect(await read('articles/es/guides/deep/setup.md')).toBe('# Hola Mundo\n\nLa casa es roja.\n');
    },
    timeout,
  );
});

describe('memory copy from a memory that is not there', () => {
  it(
    'refuses a --from file that does not exist with exit 2, creating neither file, and copies from one that does',
    async () => {
      await writeProject(dir, { 'pipeline.config.json': JSON.stringify({ targetLanguages: ['es'], engine: 'copy' }), 'articles/en/a.md': 'The city is big.\n' });
      const missing = await runCli(['memory', 'copy', '--from', 'old/memory.db', '--to', 'new.db'], { cwd: dir });
      expect(missing.code).toBe(2);
      expect(missing.stderr).toBe(`error: memory copy: there is no memory at ${path.join(dir, 'old', 'memory.db')} to copy from.\nhint: Check the --from path.\n`);
      const fromConfig = await runCli(['memory', 'copy', '--to', 'new.db'], { cwd: dir });
      expect(fromConfig.code).toBe(2);
      expect(fromConfig.stderr).toContain("hint: The config's memory does not exist yet");
      expect(await listFiles(dir)).toEqual(['articles/en/a.md', 'pipeline.config.json']);

      expect((await runCli(['translate', '-q'], { cwd: dir })).code).toBe(0);
      const copied = await runCli(['memory', 'copy', '--to', 'new.db'], { cwd: dir });
      expect(copied.code, copied.stderr).toBe(0);
      expect(copied.stderr).toContain('Copied 1 entry (0 reviewed), 1 output, 0 rejected replies, 0 saved suggestions');
    },
    timeout,
  );
});
