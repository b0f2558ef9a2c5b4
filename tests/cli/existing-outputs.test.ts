import { chmod, mkdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFiles, makeTempDir, removeTempDir, runCli, stackFrames, writeProject } from '../support/cli.ts';

// Outputs jialing finds on disk without having written them, or may not write: they are someone's work.
const timeout = 90_000;
let dir: string;

beforeEach(async () => {
  dir = await makeTempDir('jialing-existing-outputs-');
});

afterEach(async () => {
  await chmod(path.join(dir, 'articles/es/index.md'), 0o644).catch(() => {});
  await removeTempDir(dir);
});

const read = (relativePath: string) => readFile(path.join(dir, relativePath), 'utf8');
const translate = (...args: string[]) => runCli(['translate', ...args], { cwd: dir });
const source = '# The bridge\n\nThe city is big.\n\nThe house is *old*.\n';
const humanTranslation = '# El puente\n\nLa ciudad es enorme.\n\nLa casa es *antigua*.\n';

async function freshClone(outputs: Record<string, string>): Promise<void> {
  await writeProject(dir, {
    'pipeline.config.json': JSON.stringify({ targetLanguages: ['es'], engine: 'pseudo' }),
    'articles/en/index.md': source,
    'articles/en/other.md': 'The road is long.\n',
    ...outputs,
  });
}

describe('outputs the memory has no record of (a fresh clone, a lost memory, translations made before jialing)', () => {
  it(
    'adopts one that lines up with its source: left byte for byte, exit 0, and its translations reused once the file is gone',
    async () => {
      await freshClone({ 'articles/es/index.md': humanTranslation });

      const first = await translate();

      expect(first.code, first.stderr).toBe(0);
      expect(first.stderr).toContain('warning: index.md [es] existed with no record in the memory: adopted as a reviewed translation (3 segments stored)');
      expect(first.stdout).toContain('es: 1 existing output jialing had no record of adopted as reviewed translations');
      expect(await read('articles/es/index.md')).toBe(humanTranslation);
      expect(await read('articles/es/other.md')).toBe('⟦Ţĥé ŕóáď íš ļóñĝ. ·····⟧\n');

      // The translations are in the memory as reviewed: writing the file anew gives them back.
      await rm(path.join(dir, 'articles/es/index.md'));
      const second = await translate('--json');
      expect(second.code).toBe(0);
      expect(await read('articles/es/index.md')).toBe(humanTranslation);
    },
    timeout,
  );

  it(
    'keeps a hand edit of a file jialing wrote when the memory is lost',
    async () => {
      await freshClone({});
      expect((await translate()).code).toBe(0);
      const edited = (await read('articles/es/index.md')).replace('⟦Ţĥé çíţý íš ƀíĝ. ····⟧', 'La ciudad es grande.');
      await writeFile(path.join(dir, 'articles/es/index.md'), edited);
      await rm(path.join(dir, '.jialing'), { recursive: true });

      const result = await translate();

      expect(result.code, result.stderr).toBe(0);
      expect(await read('articles/es/index.md')).toBe(edited);
    },
    timeout,
  );

  it(
    'leaves one that does not line up untouched, names it and the way out, and exits 1; the other articles are written',
    async () => {
      const extraParagraph = `${humanTranslation}\nUn párrafo añadido.\n`;
      await freshClone({ 'articles/es/index.md': extraParagraph });

      const result = await translate();

      expect(result.code).toBe(1);
      expect(stackFrames(result.stderr)).toEqual([]);
      expect(result.stderr).toContain('error: index.md [es] exists but the memory has no record of jialing writing it');
      expect(result.stderr).toContain('the file has 4 translatable blocks where the source has 3');
      expect(result.stderr).toContain('run `jialing translate --overwrite` to replace it');
      expect(result.stdout).toContain('Translated 1 of 2 articles; 1 left untouched (see the errors above)');
      expect(await read('articles/es/index.md')).toBe(extraParagraph);
      expect(await listFiles(path.join(dir, 'articles/es'))).toEqual(['index.md', 'other.md']);

      const json = JSON.parse((await translate('--json')).stdout) as { outcomes: Record<string, number>; problems: { file: string; severity: string }[] };
      expect(json.outcomes).toEqual({ written: 1, failed: 0, untouched: 1, skipped: 0 });
      expect(json.problems.filter((problem) => problem.severity === 'error').map((problem) => problem.file)).toEqual(['index.md']);
    },
    timeout,
  );

  it(
    'replaces it with --overwrite, saying so',
    async () => {
      await freshClone({ 'articles/es/index.md': `${humanTranslation}\nUn párrafo añadido.\n` });

      const result = await translate('--overwrite');

      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain('warning: index.md [es] existed with no record in the memory; --overwrite replaced it.');
      expect(await read('articles/es/index.md')).toBe('# ⟦Ţĥé ƀŕíďĝé ···⟧\n\n⟦Ţĥé çíţý íš ƀíĝ. ····⟧\n\n⟦Ţĥé ĥóúšé íš *óļď*. ·····⟧\n');
    },
    timeout,
  );
});

describe('outputs jialing may not write', () => {
  it(
    'reports a read-only output instead of replacing it, and a replaced one keeps its mode',
    async () => {
      await freshClone({});
      expect((await translate()).code).toBe(0);
      const readOnly = path.join(dir, 'articles/es/index.md');
      const before = await read('articles/es/index.md');
      await chmod(readOnly, 0o444);
      await chmod(path.join(dir, 'articles/es/other.md'), 0o640);
      await writeProject(dir, { 'articles/en/index.md': `${source}\nA new line.\n`, 'articles/en/other.md': 'The road is short.\n' });

      const result = await translate();

      expect(result.code).toBe(1);
      expect(result.stderr).toContain('error: index.md [es] was not written: it is read-only (mode 444); make it writable to have it replaced.');
      expect(await read('articles/es/index.md')).toBe(before);
      expect((await stat(readOnly)).mode & 0o777).toBe(0o444);
      expect(await read('articles/es/other.md')).toBe('⟦Ţĥé ŕóáď íš šĥóŕţ. ·····⟧\n');
      expect((await stat(path.join(dir, 'articles/es/other.md'))).mode & 0o777).toBe(0o640);
    },
    timeout,
  );

  it(
    'does not follow a linked folder in the output tree out of the project, like a linked source',
    async () => {
      const outside = path.join(dir, 'outside');
      await freshClone({ 'articles/en/guides/setup.md': 'The road is long.\n' });
      await mkdir(outside);
      await mkdir(path.join(dir, 'articles/es'), { recursive: true });
      await symlink(outside, path.join(dir, 'articles/es/guides'));

      const result = await translate();

      expect(result.code).toBe(1);
      expect(stackFrames(result.stderr)).toEqual([]);
      expect(result.stderr).toContain(`error: guides/setup.md [es] was not written: the folder ${path.join(dir, 'articles/es/guides')} is a link leading outside the output folder (to ${outside})`);
      expect(await listFiles(outside)).toEqual([]);
      expect(await listFiles(path.join(dir, 'articles/es'))).toEqual(['guides', 'index.md', 'other.md']);
    },
    timeout,
  );
});
