import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve-config.ts';
import { indexEntry, listFiles, makeTempDir, removeTempDir, runCli, stackFrames, writeProject, type CliResult } from '../support/cli.ts';

const timeout = 60_000;

let dir: string;

beforeEach(async () => {
  dir = await makeTempDir('jialing-config-');
});

afterEach(async () => {
  await removeTempDir(dir);
});

const read = (relativePath: string) => readFile(path.join(dir, relativePath), 'utf8');
// `echo 'The colour is red.' | apertium -u eng-cat_valencia` on this machine (eng-cat says "vermell").
const VALENCIAN_COLOUR = 'El color és roig.';
const article = { 'articles/en/index.md': '# Hello world\n\nThe city is big.\n' };

/** Import specifier of src/index.ts relative to a config file's folder, as a person would write it. */
const importFrom = (configFolder: string) => {
  const relative = path.relative(configFolder, indexEntry).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
};

/** The CLI refused the config: exit 2, a single error naming what is wrong, no stack, nothing written. */
async function expectConfigRefused(result: CliResult, ...mentions: string[]): Promise<void> {
  expect(result.code).toBe(2);
  expect(stackFrames(result.stderr)).toEqual([]);
  expect(result.stderr).not.toContain('Unexpected internal error');
  expect(result.stderr.match(/^error:/gm)).toHaveLength(1);
  for (const mention of mentions) expect(result.stderr).toContain(mention);
  expect(result.stdout).toBe('');
  expect((await listFiles(path.join(dir, 'articles'))).filter((file) => !file.startsWith('en/'))).toEqual([]);
}

describe('config files that load', () => {
  it(
    'loads a .ts config that imports defineConfig from src/index.ts by a relative path, in a project without package.json',
    async () => {
      await writeProject(dir, {
        ...article,
        'pipeline.config.ts': `import { defineConfig } from '${importFrom(dir)}';\n\nexport default defineConfig({ targetLanguages: ['es'], engine: 'apertium' });\n`,
      });

      const result = await runCli(['translate', '-q'], { cwd: dir });

      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(await read('articles/es/index.md')).toBe('# Hola Mundo\n\nLa ciudad es grande.\n');
    },
    timeout,
  );

  it(
    'loads a .ts config that imports defineConfig from src/index.ts by a relative path, in an ESM package',
    async () => {
      await writeProject(dir, {
        ...article,
        'package.json': JSON.stringify({ name: 'docs', private: true, type: 'module' }),
        'pipeline.config.ts': `import { defineConfig } from '${importFrom(dir)}';\n\nexport default defineConfig({ targetLanguages: ['es'], engine: 'apertium' });\n`,
      });

      const result = await runCli(['translate', '-q'], { cwd: dir });

      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(await read('articles/es/index.md')).toBe('# Hola Mundo\n\nLa ciudad es grande.\n');
    },
    timeout,
  );

  it(
    'loads a .ts config that imports nothing, given with --config',
    async () => {
      await writeProject(dir, {
        ...article,
        'jialing.config.ts': "const languages: string[] = ['ca'];\n\nexport default { targetLanguages: languages, engine: 'apertium' as const };\n",
      });

      const result = await runCli(['translate', '--config', 'jialing.config.ts', '-q'], { cwd: dir });

      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(await read('articles/ca/index.md')).toBe('# Hola món\n\nLa ciutat és gran.\n');
    },
    timeout,
  );

  it(
    'loads a .mjs config found by its default name in the working folder',
    async () => {
      await writeProject(dir, {
        ...article,
        'pipeline.config.mjs': "export default { targetLanguages: ['es', 'ca'], engine: { default: 'apertium' }, output: 'site/{lang}' };\n",
      });

      const result = await runCli(['translate', '-q'], { cwd: dir });

      expect(result.code).toBe(0);
      expect(await read('site/es/index.md')).toBe('# Hola Mundo\n\nLa ciudad es grande.\n');
      expect(await read('site/ca/index.md')).toBe('# Hola món\n\nLa ciutat és gran.\n');
    },
    timeout,
  );

  it(
    'loads a .js config that imports nothing',
    async () => {
      await writeProject(dir, {
        ...article,
        'pipeline.config.js': "export default { targetLanguages: ['ca'] };\n",
      });

      const result = await runCli(['translate', '-q'], { cwd: dir });

      expect(result.code).toBe(0);
      expect(await read('articles/ca/index.md')).toBe('# Hola món\n\nLa ciutat és gran.\n');
    },
    timeout,
  );

  it(
    'loads a .json config given with --config',
    async () => {
      await writeProject(dir, {
        ...article,
        'settings/jialing.json': JSON.stringify({ targetLanguages: ['es'], articles: '../articles/en', output: '../articles/{lang}', engine: 'pseudo' }),
      });

      const result = await runCli(['translate', '--config', 'settings/jialing.json', '-q'], { cwd: dir });

      expect(result.code).toBe(0);
      expect(await read('articles/es/index.md')).toBe('# ⟦Ĥéļļó ŵóŕļď ···⟧\n\n⟦Ţĥé çíţý íš ƀíĝ. ····⟧\n');
    },
    timeout,
  );

  it(
    'resolves relative paths from the config file’s folder, not from the working folder',
    async () => {
      await writeProject(dir, {
        'project/content/en/index.md': '# Hello world\n\nThe city is big.\n',
        'project/config/pipeline.config.mjs': "export default { targetLanguages: ['es'], articles: '../content/en', output: '../site/{lang}' };\n",
        'elsewhere/README.md': 'The working folder\n',
      });

      const result = await runCli(['translate', '--config', '../project/config/pipeline.config.mjs', '-q'], { cwd: path.join(dir, 'elsewhere') });

      expect(result.code).toBe(0);
      expect(await read('project/site/es/index.md')).toBe('# Hola Mundo\n\nLa ciudad es grande.\n');
      expect(await listFiles(path.join(dir, 'elsewhere'))).toEqual(['README.md']);
      expect(await listFiles(path.join(dir, 'project'))).toEqual(['config/.jialing/memory.db', 'config/.jialing/report/report.html', 'config/.jialing/report/report.json', 'config/pipeline.config.mjs', 'content/en/index.md', 'site/es/index.md']);
    },
    timeout,
  );
});

describe('config files that are refused with exit code 2', () => {
  const refusedJson = async (config: unknown, ...mentions: string[]) => {
    await writeProject(dir, { ...article, 'pipeline.config.json': JSON.stringify(config) });
    await expectConfigRefused(await runCli(['translate'], { cwd: dir }), path.join(dir, 'pipeline.config.json'), ...mentions);
  };

  it('names targetLanguages when it is not an array', () => refusedJson({ targetLanguages: 'es' }, 'targetLanguages: ', 'expected array'), timeout);

  it('names an unknown key', () => refusedJson({ targetLanguages: ['es'], colour: 'red' }, '"colour"'), timeout);

  it('names output when it has no {lang}', () => refusedJson({ targetLanguages: ['es'], output: 'translated' }, 'output: ', '{lang}'), timeout);

  it(
    'names the engine map and the language it leaves without an engine when there is no default',
    () => refusedJson({ targetLanguages: ['es', 'ca'], engine: { es: 'apertium' } }, 'engine: no engine for "ca"'),
    timeout,
  );

  it('names engine when it is not an engine', () => refusedJson({ targetLanguages: ['es'], engine: 'nonsense' }, 'engine: '), timeout);

  it('names apertium.integerScan when it is not true or false', () => refusedJson({ targetLanguages: ['es'], apertium: { integerScan: 'off' } }, 'apertium.integerScan: ', 'expected boolean'), timeout);

  it(
    'names a style or DeepL setting for a language the run does not translate',
    () => refusedJson({ targetLanguages: ['es'], llm: { languages: { fr: { style: 'Formal.' } } }, deepl: { languages: { de: { formality: 'more' } } } }, 'llm.languages.fr: "fr" is not in targetLanguages', 'deepl.languages.de: "de" is not in targetLanguages'),
    timeout,
  );

  it(
    'names the target language that equals the source language',
    () => refusedJson({ sourceLanguage: 'en', targetLanguages: ['es', 'en'], output: 'out/{lang}' }, 'targetLanguages[1]: "en" is the source language'),
    timeout,
  );

  it(
    'names a .json config with a syntax error',
    async () => {
      await writeProject(dir, { ...article, 'pipeline.config.json': '{ "targetLanguages": ["es"], }\n' });
      await expectConfigRefused(await runCli(['translate'], { cwd: dir }), `Could not load config file ${path.join(dir, 'pipeline.config.json')}`);
    },
    timeout,
  );

  it(
    'names a .mjs config with a syntax error',
    async () => {
      await writeProject(dir, { ...article, 'pipeline.config.mjs': "export default { targetLanguages: ['es'],\n" });
      await expectConfigRefused(await runCli(['translate'], { cwd: dir }), `Could not load config file ${path.join(dir, 'pipeline.config.mjs')}`);
    },
    timeout,
  );

  it(
    'names a .ts config with a syntax error',
    async () => {
      await writeProject(dir, { ...article, 'pipeline.config.ts': "export default { targetLanguages: ['es'],\n" });
      await expectConfigRefused(await runCli(['translate'], { cwd: dir }), `Could not load config file ${path.join(dir, 'pipeline.config.ts')}`);
    },
    timeout,
  );

  it.each([
    ['pipeline.config.ts', "import { defineConfig } from './src/config/define-config.ts';\nexport default defineConfig({ sourceLanguage: 'en', targetLanguages: ['es'] });\n"],
    ['pipeline.config.mjs', "import { defineConfig } from './src/config/define-config.mjs';\nexport default defineConfig({ sourceLanguage: 'en', targetLanguages: ['es'] });\n"],
  ])(
    'says which import of a %s config cannot be found, rather than calling it a syntax error',
    async (name, text) => {
      await writeProject(dir, { ...article, [name]: text });
      const result = await runCli(['translate'], { cwd: dir });
      await expectConfigRefused(result, `Could not load config file ${path.join(dir, name)}`, 'define-config', "imports defineConfig from 'jialing'");
      expect(result.stderr).not.toContain('syntax error');
    },
    timeout,
  );

  it(
    'shows where the syntax error in a .ts config is',
    async () => {
      await writeProject(dir, { ...article, 'pipeline.config.ts': "export default { targetLanguages: ['es'],\n" });
      const result = await runCli(['translate'], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('pipeline.config.ts:2:');
    },
    timeout,
  );

  it(
    'names a .mjs config that has no default export',
    async () => {
      await writeProject(dir, { ...article, 'pipeline.config.mjs': "export const targetLanguages = ['es'];\n" });
      await expectConfigRefused(await runCli(['translate'], { cwd: dir }), `Config file ${path.join(dir, 'pipeline.config.mjs')} has no default export.`);
    },
    timeout,
  );

  it(
    'names a --config file that does not exist',
    async () => {
      await writeProject(dir, article);
      await expectConfigRefused(await runCli(['translate', '--config', 'missing.config.ts'], { cwd: dir }), `Config file not found: ${path.join(dir, 'missing.config.ts')}`);
    },
    timeout,
  );

  it(
    'refuses a --config that is a folder, or a file whose name does not say its format, rather than run with defaults',
    async () => {
      await writeProject(dir, { ...article, 'settings/pipeline.config.ts': '', 'settings.txt': '' });
      await expectConfigRefused(await runCli(['translate', '--config', 'settings'], { cwd: dir }), `The config path ${path.join(dir, 'settings')} is a folder, not a config file.`, `--config ${path.join(dir, 'settings', 'pipeline.config.ts')}`);
      await expectConfigRefused(await runCli(['translate', '--config', 'settings.txt'], { cwd: dir }), `Config file ${path.join(dir, 'settings.txt')}: its name does not say its format.`, 'Name it *.ts, *.mts, *.cts, *.mjs, *.cjs, *.js, *.json.');
    },
    timeout,
  );

  it(
    'names the working folder and the default names when there is no config file',
    async () => {
      await writeProject(dir, article);
      await expectConfigRefused(
        await runCli(['translate'], { cwd: dir }),
        `No config file in ${dir}`,
        'pipeline.config.ts, pipeline.config.mjs, pipeline.config.js, pipeline.config.json',
      );
    },
    timeout,
  );

  it(
    'names the articles folder when it does not exist',
    async () => {
      await writeProject(dir, { 'pipeline.config.json': JSON.stringify({ targetLanguages: ['es'], articles: 'docs/en' }) });
      await expectConfigRefused(await runCli(['translate'], { cwd: dir }), `Articles folder not found: ${path.join(dir, 'docs/en')}`);
    },
    timeout,
  );
});

describe('languages the run cannot serve', () => {
  it(
    'exits 2 when --lang names a language missing from targetLanguages, and translates nothing',
    async () => {
      await writeProject(dir, { ...article, 'pipeline.config.json': JSON.stringify({ targetLanguages: ['es', 'ca'] }) });

      const result = await runCli(['translate', '--lang', 'es,fr'], { cwd: dir });

      await expectConfigRefused(result, '--lang fr: not in targetLanguages (es, ca)');
    },
    timeout,
  );

  it(
    'exits 2 before translating when Apertium has no pair for a target language, naming the package to apt-get',
    async () => {
      await writeProject(dir, { ...article, 'pipeline.config.json': JSON.stringify({ targetLanguages: ['es', 'fr'], engine: 'apertium' }) });

      const result = await runCli(['translate'], { cwd: dir });

      await expectConfigRefused(result, 'Apertium has no en → fr pair installed', 'apt-get install apertium-eng-fra');
    },
    timeout,
  );

  it(
    'exits 2 when apertium.pairs names a pair that is not installed',
    async () => {
      await writeProject(dir, {
        ...article,
        'pipeline.config.json': JSON.stringify({ targetLanguages: ['ca'], apertium: { pairs: { ca: 'eng-cat_balear' } } }),
      });

      const result = await runCli(['translate'], { cwd: dir });

      await expectConfigRefused(result, 'Apertium pair "eng-cat_balear" (apertium.pairs.ca in the config) is not installed');
    },
    timeout,
  );

  it(
    'uses the Apertium pair named in apertium.pairs for a language',
    async () => {
      await writeProject(dir, {
        'articles/en/index.md': 'The colour is red.\n',
        'pipeline.config.json': JSON.stringify({ targetLanguages: ['ca'], apertium: { pairs: { ca: 'eng-cat_valencia' } } }),
      });

      const result = await runCli(['translate', '-q'], { cwd: dir });

      expect(result.code).toBe(0);
      expect(await read('articles/ca/index.md')).toBe(`${VALENCIAN_COLOUR}\n`);
    },
    timeout,
  );
});

describe('anchors', () => {
  const configFile = path.join(path.sep, 'project', 'pipeline.config.json');

  it('rewrites links to headings the way GitHub slugs them unless told otherwise', () => {
    expect(resolveConfig({ targetLanguages: ['es'] }, configFile).anchors).toBe('github');
  });

  it('takes keep for sites whose headings carry explicit ids', () => {
    expect(resolveConfig({ targetLanguages: ['es'], anchors: 'keep' }, configFile).anchors).toBe('keep');
  });

  it('refuses another style and names the ones it knows', () => {
    expect(() => resolveConfig({ targetLanguages: ['es'], anchors: 'gitlab' }, configFile)).toThrow('anchors: expected one of "github", "keep"');
  });
});

describe('memory', () => {
  const configFile = path.join(path.sep, 'project', 'pipeline.config.json');

  it('is a SQLite file beside the config unless told otherwise', () => {
    expect(resolveConfig({ targetLanguages: ['es'] }, configFile).memory).toEqual({ kind: 'sqlite', file: path.join(path.sep, 'project', '.jialing', 'memory.db') });
  });

  it('takes a postgres:// URL, or the name of the environment variable that holds one', () => {
    expect(resolveConfig({ targetLanguages: ['es'], memory: 'postgres://db.example/tm' }, configFile).memory).toEqual({ kind: 'postgres', url: 'postgres://db.example/tm' });
    expect(resolveConfig({ targetLanguages: ['es'], memory: { url: { env: 'JIALING_DATABASE_URL' } } }, configFile).memory).toEqual({ kind: 'postgres', url: { env: 'JIALING_DATABASE_URL' } });
  });

  it('refuses a URL of another database and says what it takes', () => {
    expect(() => resolveConfig({ targetLanguages: ['es'], memory: { url: 'mysql://db.example/tm' } }, configFile)).toThrow('memory.url: expected a postgres:// URL');
    expect(() => resolveConfig({ targetLanguages: ['es'], memory: { path: 'x.db' } }, configFile)).toThrow('expected a file path, a postgres:// URL, or { url: { env: "JIALING_DATABASE_URL" } }');
  });
});
