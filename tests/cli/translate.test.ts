import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFiles, makeTempDir, parseSummaryTable, removeTempDir, runCli, stackFrames, writeProject } from '../support/cli.ts';

const timeout = 60_000;

const codeBlock = ['```js', 'const greeting = "The city is big";', 'console.log(greeting);', '```'].join('\n');

const indexArticle = `---
title: The city is big
description: "The house is red"
author: The city is big
tags:
  - The city
---

# Hello world

The city is big. Read the [guide](https://example.com/guide?a=1&b=2).

Run \`npm test\` in the house. See <https://example.org/the-city> and ![The house](img/the-house.png).

- The house is red.
- The city is big.
  - The house is big.

1. The house is red.
2. The city is big.

| Name | Value |
| ---- | ----- |
| The city | The house |

${codeBlock}

Read the [reference guide][ref].

[ref]: https://example.com/ref "The reference"
`;

const setupArticle = '# The house is red\n\nThe city is big.\n';

/** A project with a JSON config, one top-level article and one in a nested folder. */
const project = (config: object = { targetLanguages: ['es', 'ca'], engine: 'apertium' }) => ({
  'pipeline.config.json': JSON.stringify(config, null, 2),
  'articles/en/index.md': indexArticle,
  'articles/en/guides/deep/setup.md': setupArticle,
});

let dir: string;

beforeEach(async () => {
  dir = await makeTempDir('jialing-translate-');
});

afterEach(async () => {
  await removeTempDir(dir);
});

const read = (relativePath: string) => readFile(path.join(dir, relativePath), 'utf8');

interface JsonSummary {
  dryRun: boolean;
  articles: number;
  languages: Record<string, { engine: string; articles: number; segments: number; characters: number; failedArticles: number; failedSegments: number; seconds: number }>;
  problems: { severity: string; file: string; message: string }[];
}

describe('jialing translate with the Apertium engine', () => {
  it(
    'writes a Spanish and a Catalan copy of every article at the same relative path, including nested folders',
    async () => {
      await writeProject(dir, project());

      const result = await runCli(['translate'], { cwd: dir });

      expect(result.stderr).not.toContain('error:');
      expect(result.code).toBe(0);
      expect(await listFiles(path.join(dir, 'articles'))).toEqual([
        'ca/guides/deep/setup.md',
        'ca/index.md',
        'en/guides/deep/setup.md',
        'en/index.md',
        'es/guides/deep/setup.md',
        'es/index.md',
      ]);
      expect(await read('articles/es/guides/deep/setup.md')).toBe('# La casa es roja\n\nLa ciudad es grande.\n');
      expect(await read('articles/ca/guides/deep/setup.md')).toBe('# La casa és vermell\n\nLa ciutat és gran.\n');
    },
    timeout,
  );

  it(
    'translates prose into real Spanish and Catalan while headings, lists, tables, code and URLs keep their markup',
    async () => {
      await writeProject(dir, project());

      const result = await runCli(['translate', '-q'], { cwd: dir });
      expect(result.code).toBe(0);

      const spanish = (await read('articles/es/index.md')).split('\n');
      expect(spanish).toContain('# Hola Mundo');
      expect(spanish).toContain('- La casa es roja.');
      expect(spanish).toContain('- La ciudad es grande.');
      expect(spanish).toContain('  - La casa es grande.');
      expect(spanish).toContain('1. La casa es roja.');
      expect(spanish).toContain('2. La ciudad es grande.');
      expect(spanish).toContain('| Nombre | Valor |');
      expect(spanish).toContain('| ---- | ----- |');
      expect(spanish).toContain('| La ciudad | La casa |');

      const catalan = (await read('articles/ca/index.md')).split('\n');
      expect(catalan).toContain('# Hola món');
      expect(catalan).toContain('- La casa és vermell.');
      expect(catalan).toContain('- La ciutat és gran.');
      expect(catalan).toContain('| Nom | Valor |');
      expect(catalan).toContain('| La ciutat | La casa |');

      for (const language of ['es', 'ca']) {
        const text = await read(`articles/${language}/index.md`);
        expect(text, language).toContain(`\n\n${codeBlock}\n\n`);
        expect(text, language).toContain('](https://example.com/guide?a=1&b=2)');
        expect(text, language).toContain('<https://example.org/the-city>');
        expect(text, language).toContain('](img/the-house.png)');
        expect(text, language).toContain('`npm test`');
        expect(text, language).toContain('[ref]: https://example.com/ref "The reference"\n');
        expect(text, language).not.toContain('The city is big.');
      }
    },
    timeout,
  );

  it(
    'translates only the frontmatter keys named in the config',
    async () => {
      await writeProject(dir, project({ targetLanguages: ['es', 'ca'], frontmatter: ['title'] }));

      const result = await runCli(['translate', '-q'], { cwd: dir });
      expect(result.code).toBe(0);

      const spanish = await read('articles/es/index.md');
      expect(spanish.startsWith('---\ntitle: La ciudad es grande\ndescription: "The house is red"\nauthor: The city is big\ntags:\n  - The city\n---\n')).toBe(true);
      const catalan = await read('articles/ca/index.md');
      expect(catalan.startsWith('---\ntitle: La ciutat és gran\ndescription: "The house is red"\nauthor: The city is big\ntags:\n  - The city\n---\n')).toBe(true);
    },
    timeout,
  );

  it(
    'translates title and description by default and keeps their quoting, leaving other keys alone',
    async () => {
      await writeProject(dir, project({ targetLanguages: ['es'] }));

      const result = await runCli(['translate', '-q'], { cwd: dir });
      expect(result.code).toBe(0);

      const spanish = await read('articles/es/index.md');
      expect(spanish.startsWith('---\ntitle: La ciudad es grande\ndescription: "La casa es roja"\nauthor: The city is big\ntags:\n  - The city\n---\n')).toBe(true);
    },
    timeout,
  );

  it(
    'prints the summary table with one row per language in human mode and progress lines on stderr',
    async () => {
      await writeProject(dir, project());

      const result = await runCli(['translate'], { cwd: dir });

      expect(result.code).toBe(0);
      expect(result.stdout.split('\n')).toContain('Translated 2 articles');
      expect(result.stdout).toMatch(/^language\s+engine\s+articles\s+segments\s+characters\s.*\bfailed\s+seconds$/m);
      const table = parseSummaryTable(result.stdout);
      expect(Object.keys(table)).toEqual(['es', 'ca']);
      for (const language of ['es', 'ca']) {
        // index.md: title, description, heading, 3 paragraphs, 3 distinct list items, 4 table cells = 13
        // distinct segments (the ordered list repeats two items); guides/deep/setup.md: heading, paragraph = 2.
        expect(table[language], language).toMatchObject({ language, engine: 'apertium', articles: '2', segments: '15', failed: '0' });
        expect(table[language]!['characters'], language).toMatch(/^\d+$/);
        expect(table[language]!['seconds'], language).toMatch(/^\d+\.\d$/);
      }
      expect(result.stderr).toContain('Translating 2 articles into es, ca');
      expect(result.stderr).toContain('es  guides/deep/setup.md  2 segments');
    },
    timeout,
  );

  it(
    'prints no progress with -q but still prints the summary table',
    async () => {
      await writeProject(dir, project());

      const result = await runCli(['translate', '-q'], { cwd: dir });

      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout).toContain('Translated 2 articles');
    },
    timeout,
  );

  it(
    'writes only the Catalan articles with --lang ca',
    async () => {
      await writeProject(dir, project());

      const result = await runCli(['translate', '--lang', 'ca', '-q'], { cwd: dir });

      expect(result.code).toBe(0);
      expect(await listFiles(path.join(dir, 'articles/ca'))).toEqual(['guides/deep/setup.md', 'index.md']);
      await expect(stat(path.join(dir, 'articles/es'))).rejects.toMatchObject({ code: 'ENOENT' });
      const table = parseSummaryTable(result.stdout);
      expect(Object.keys(table)).toEqual(['ca']);
      expect(table['ca']).toMatchObject({ engine: 'apertium', articles: '2', failed: '0' });
    },
    timeout,
  );

  it.each([['translate'], ['status'], ['check']])(
    '%s refuses a --lang that is not a target language with exit 2 and one message',
    async (command) => {
      await writeProject(dir, project());
      const result = await runCli([command, '--lang', 'es,zz'], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/zz/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    },
    timeout,
  );

  it.each([['translate', ''], ['status', ' , '], ['check', ',']])(
    '%s refuses a --lang naming no language (%j) with exit 2 rather than take every language, writing nothing',
    async (command, value) => {
      await writeProject(dir, project());
      const result = await runCli([command, '--lang', value], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`error: --lang "${value}" names no language.\nhint: Give one or more codes (--lang es,ca), or leave --lang out for every target language.\n`);
      expect(await listFiles(dir)).toEqual(Object.keys(project()).sort());
    },
    timeout,
  );

  it.each([['status'], ['check']])(
    '%s takes a --lang spelled in another case as the configured language',
    async (command) => {
      await writeProject(dir, project());
      const result = await runCli([command, '--lang', 'ES'], { cwd: dir });
      expect(result.stderr).not.toMatch(/not in targetLanguages/);
      expect(`${result.stdout}${result.stderr}`).toMatch(/\bes\b/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    },
    timeout,
  );

  it(
    'pseudo-localises every language with --engine pseudo, overriding the config',
    async () => {
      await writeProject(dir, project());

      const result = await runCli(['translate', '--engine', 'pseudo', '-q'], { cwd: dir });

      expect(result.code).toBe(0);
      expect(await read('articles/es/guides/deep/setup.md')).toBe('# ⟦Ţĥé ĥóúšé íš ŕéď ····⟧\n\n⟦Ţĥé çíţý íš ƀíĝ. ····⟧\n');
      expect(await read('articles/ca/guides/deep/setup.md')).toBe('# ⟦Ţĥé ĥóúšé íš ŕéď ····⟧\n\n⟦Ţĥé çíţý íš ƀíĝ. ····⟧\n');
      expect(await read('articles/ca/index.md')).toContain(`\n\n${codeBlock}\n\n`);
      const table = parseSummaryTable(result.stdout);
      expect(table['es']).toMatchObject({ engine: 'pseudo', articles: '2', failed: '0' });
      expect(table['ca']).toMatchObject({ engine: 'pseudo', articles: '2', failed: '0' });
    },
    timeout,
  );

  it(
    'pseudo-localises a language Apertium has no pair for when the config picks pseudo for it',
    async () => {
      await writeProject(dir, project({ targetLanguages: ['es', 'fr'], engine: { fr: 'pseudo', default: 'apertium' } }));

      const result = await runCli(['translate', '-q'], { cwd: dir });

      expect(result.code).toBe(0);
      expect(await read('articles/es/guides/deep/setup.md')).toBe('# La casa es roja\n\nLa ciudad es grande.\n');
      expect(await read('articles/fr/guides/deep/setup.md')).toBe('# ⟦Ţĥé ĥóúšé íš ŕéď ····⟧\n\n⟦Ţĥé çíţý íš ƀíĝ. ····⟧\n');
    },
    timeout,
  );

  it(
    'reproduces every article byte for byte with --engine copy, without calling its copies untranslated',
    async () => {
      await writeProject(dir, project());

      const result = await runCli(['translate', '--engine', 'copy', '--lang', 'es', '--json'], { cwd: dir });

      expect(result.code).toBe(0);
      expect(await read('articles/es/index.md')).toBe(indexArticle);
      expect(await read('articles/es/guides/deep/setup.md')).toBe(setupArticle);
      expect((JSON.parse(result.stdout) as { findings: unknown[] }).findings).toEqual([]);
      // Read back from disk, the same text is what a person left in the source language.
      const check = await runCli(['check', '--lang', 'es', '--json'], { cwd: dir });
      const checks = (JSON.parse(check.stdout) as { findings: { check: string }[] }).findings.map((finding) => finding.check);
      expect(checks.length).toBeGreaterThan(0);
      expect(new Set(checks)).toEqual(new Set(['untranslated']));
    },
    timeout,
  );
});

describe('jialing translate --dry-run', () => {
  const countsProject = {
    'pipeline.config.json': JSON.stringify({ targetLanguages: ['es', 'ca'] }),
    // Segments: "Hello world" (11 characters) and "The city is big." (16), the second one twice but counted once.
    'articles/en/index.md': '# Hello world\n\nThe city is big.\n\nThe city is big.\n',
    // Segment: "The house is red." (17).
    'articles/en/guides/setup.md': 'The house is red.\n',
  };

  it(
    'writes nothing and prints the articles, segments and characters per language',
    async () => {
      await writeProject(dir, countsProject);

      const result = await runCli(['translate', '--dry-run'], { cwd: dir });

      expect(result.code).toBe(0);
      expect(await listFiles(path.join(dir, 'articles'))).toEqual(['en/guides/setup.md', 'en/index.md']);
      expect(result.stdout.split('\n')).toContain('Dry run: 2 articles, nothing translated or written');
      const table = parseSummaryTable(result.stdout);
      expect(Object.keys(table)).toEqual(['es', 'ca']);
      expect(table['es']).toMatchObject({ engine: 'apertium', articles: '2', segments: '3', characters: '44', failed: '0' });
      expect(table['ca']).toMatchObject({ engine: 'apertium', articles: '2', segments: '3', characters: '44', failed: '0' });
    },
    timeout,
  );

  it(
    'needs no engine: a language with no Apertium pair is counted, not refused',
    async () => {
      await writeProject(dir, { ...countsProject, 'pipeline.config.json': JSON.stringify({ targetLanguages: ['fr'] }) });

      const result = await runCli(['translate', '--dry-run', '--json'], { cwd: dir });

      expect(result.code).toBe(0);
      const summary = JSON.parse(result.stdout) as JsonSummary;
      expect(summary.languages['fr']).toMatchObject({ engine: 'apertium', articles: 2, segments: 3, characters: 44 });
      expect(await listFiles(path.join(dir, 'articles'))).toEqual(['en/guides/setup.md', 'en/index.md']);
    },
    timeout,
  );

  it(
    'prints one parseable JSON summary with --json --dry-run',
    async () => {
      await writeProject(dir, countsProject);

      const result = await runCli(['translate', '--dry-run', '--json'], { cwd: dir });

      expect(result.code).toBe(0);
      const summary = JSON.parse(result.stdout) as JsonSummary;
      expect(summary.dryRun).toBe(true);
      expect(summary.articles).toBe(2);
      expect(Object.keys(summary.languages)).toEqual(['es', 'ca']);
      for (const language of ['es', 'ca']) {
        expect(summary.languages[language]).toMatchObject({ engine: 'apertium', articles: 2, segments: 3, characters: 44, failedArticles: 0, failedSegments: 0 });
        expect(typeof summary.languages[language]!.seconds).toBe('number');
      }
      expect(summary.problems).toEqual([]);
      expect(await listFiles(path.join(dir, 'articles'))).toEqual(['en/guides/setup.md', 'en/index.md']);
    },
    timeout,
  );
});

describe('jialing translate --json', () => {
  it(
    'prints only JSON on stdout with per-language articles, segments and characters after a real run',
    async () => {
      await writeProject(dir, {
        'pipeline.config.json': JSON.stringify({ targetLanguages: ['es', 'ca'] }),
        'articles/en/index.md': '# Hello world\n\nThe city is big.\n',
        'articles/en/guides/setup.md': 'The house is red.\n',
      });

      const result = await runCli(['translate', '--json'], { cwd: dir });

      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      const summary = JSON.parse(result.stdout) as JsonSummary;
      expect(summary).toMatchObject({
        dryRun: false,
        articles: 2,
        languages: {
          es: { engine: 'apertium', articles: 2, segments: 3, characters: 44, failedArticles: 0, failedSegments: 0 },
          ca: { engine: 'apertium', articles: 2, segments: 3, characters: 44, failedArticles: 0, failedSegments: 0 },
        },
        problems: [],
      });
      expect(await read('articles/es/index.md')).toBe('# Hola Mundo\n\nLa ciudad es grande.\n');
      expect(await read('articles/ca/guides/setup.md')).toBe('La casa és vermell.\n');
    },
    timeout,
  );
});

describe('jialing command line', () => {
  it(
    'shows the program help with --help and exits 0',
    async () => {
      await writeProject(dir, { 'README.md': 'no config here\n' });

      const result = await runCli(['--help'], { cwd: dir });

      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Usage: jialing [options] [command]');
      expect(result.stdout).toMatch(/^\s+translate \[options\]/m);
      expect(result.stdout).toContain('--help');
      expect(stackFrames(result.stdout + result.stderr)).toEqual([]);
    },
    timeout,
  );

  it(
    'prints the version of package.json with --version and -V, and exits 0',
    async () => {
      const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
      for (const flag of ['--version', '-V']) {
        const result = await runCli([flag], { cwd: dir });
        expect(result.code).toBe(0);
        expect(result.stdout).toBe(`${version}\n`);
      }
    },
    timeout,
  );

  it(
    'shows the translate help with translate --help, listing every option, and exits 0',
    async () => {
      const result = await runCli(['translate', '--help'], { cwd: dir });

      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Usage: jialing translate [options]');
      for (const option of ['-c, --config <file>', '-l, --lang <codes>', '-e, --engine <name>', '--dry-run', '--json', '-q, --quiet', '-h, --help']) {
        expect(result.stdout, option).toContain(option);
      }
      for (const engine of ['"apertium"', '"pseudo"', '"copy"']) expect(result.stdout, engine).toContain(engine);
      expect(await listFiles(dir)).toEqual([]);
    },
    timeout,
  );

  it(
    'exits 2 and names the option when translate gets an unknown option, touching nothing',
    async () => {
      await writeProject(dir, project());

      const result = await runCli(['translate', '--colour'], { cwd: dir });

      expect(result.code).toBe(2);
      expect(result.stderr).toContain("unknown option '--colour'");
      expect(stackFrames(result.stderr)).toEqual([]);
      expect(await listFiles(path.join(dir, 'articles'))).toEqual(['en/guides/deep/setup.md', 'en/index.md']);
    },
    timeout,
  );

  it(
    'exits 2 when --engine names an engine that does not exist',
    async () => {
      await writeProject(dir, project());

      const result = await runCli(['translate', '--engine', 'nonsense'], { cwd: dir });

      expect(result.code).toBe(2);
      expect(result.stderr).toContain('nonsense');
      expect(result.stderr).toMatch(/apertium.*pseudo.*copy/);
      expect(stackFrames(result.stderr)).toEqual([]);
    },
    timeout,
  );

  it(
    'exits 2 for an unknown command',
    async () => {
      const result = await runCli(['translat'], { cwd: dir });

      expect(result.code).toBe(2);
      expect(result.stderr).toContain("unknown command 'translat'");
      expect(stackFrames(result.stderr)).toEqual([]);
    },
    timeout,
  );
});
