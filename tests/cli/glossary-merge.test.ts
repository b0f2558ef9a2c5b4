import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGlossary } from '../../src/glossary/load-glossary.ts';
import { createTermMatcher, findTerms } from '../../src/glossary/match-terms.ts';
import { segmentMarkdown } from '../../src/markdown/segment-markdown.ts';
import { segmentOptions } from '../../src/markdown/segment-options.ts';
import { taggedTextToPlain } from '../../src/markdown/tagged-text.ts';
import { listFiles, makeTempDir, removeTempDir, repoRoot, runCli } from '../support/cli.ts';
import { startDeeplTestServer, type DeeplTestServer } from '../support/deepl-test-server.ts';
import { copySampleSources } from '../support/sample-sources.ts';

const timeout = 120_000;
const key = 'secret-test-key-123';
const languages = { es: 'apertium', ca: 'apertium', 'en-XA': 'pseudo', de: 'deepl', fr: 'deepl' } as const;

describe('glossary terms in every output, whatever the engine', () => {
  let dir: string;
  let server: DeeplTestServer;

  beforeAll(async () => {
    dir = await makeTempDir('jialing-glossary-');
    server = await startDeeplTestServer({ authKey: key });
    await copySampleSources(dir);
    const config = { targetLanguages: Object.keys(languages), engine: languages, deepl: { context: false } };
    await writeFile(path.join(dir, 'pipeline.config.json'), JSON.stringify(config));
  }, timeout);

  afterAll(async () => {
    await server?.close();
    await removeTempDir(dir);
  });

  it(
    'writes each term’s target form wherever the source has the term (Apertium es/ca, pseudo, DeepL de/fr)',
    async () => {
      const result = await runCli(['translate', '--config', 'pipeline.config.json', '-q'], { cwd: dir, env: { DEEPL_AUTH_KEY: key, DEEPL_SERVER_URL: server.url } });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);

      const glossary = await loadGlossary(path.join(dir, 'locales'), 'en', Object.keys(languages));
      const matcher = createTermMatcher(glossary.terms);
      const articles = await listFiles(path.join(dir, 'articles', 'en'));
      expect(articles.length).toBeGreaterThanOrEqual(3);
      let checked = 0;
      for (const article of articles) {
        const source = await readFile(path.join(dir, 'articles', 'en', article), 'utf8');
        // Terms in translated text only: code blocks and untranslated frontmatter keys stay as written.
        const segments = segmentMarkdown(source, segmentOptions(['title', 'description'])).segments;
        const termIds = new Set(segments.flatMap((segment) => findTerms(matcher, taggedTextToPlain(segment.text)).map((match) => match.termId)));
        for (const language of Object.keys(languages)) {
          const output = await readFile(path.join(dir, 'articles', language, article), 'utf8');
          for (const termId of termIds) {
            expect(output, `${language}/${article} lacks ${termId}`).toContain(glossary.targetForm(termId, language));
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(20);
      // The engines' own renderings never slip through.
      expect(await readFile(path.join(dir, 'articles', 'ca', 'industrial-design-centres.md'), 'utf8')).not.toContain('Txungking');
      expect(await readFile(path.join(dir, 'articles', 'es', 'industrial-design-centres.md'), 'utf8')).not.toContain('Porcelana');
    },
    timeout,
  );
});

describe('jialing check on a seeded fixture', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await makeTempDir('jialing-qa-');
    await cp(path.join(repoRoot, 'tests', 'fixtures', 'qa-seeded'), dir, { recursive: true });
  });

  afterAll(() => removeTempDir(dir));

  it(
    'lists the changed number and the missing glossary term with file, line and check id, and exits 1',
    async () => {
      const result = await runCli(['check'], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/^centres\.md:3 \[es\] error number: .*101.*102/m);
      expect(result.stdout).toMatch(/^centres\.md:3 \[es\] error glossary-term: .*"Chongqing"/m);
      expect(result.stdout).not.toMatch(/^centres\.md:5 /m);
      expect(result.stdout).toMatch(/Checked 1 article in es: 2 errors/);
    },
    timeout,
  );

  it(
    'gives the same findings as JSON with --json',
    async () => {
      const result = await runCli(['check', '--json'], { cwd: dir });
      expect(result.code).toBe(1);
      const parsed = JSON.parse(result.stdout) as { findings: { check: string; file: string; line: number; language: string }[] };
      const found = parsed.findings.map(({ check, file, line, language }) => ({ check, file, line, language }));
      expect(found.sort((a, b) => a.check.localeCompare(b.check))).toEqual([
        { check: 'glossary-term', file: 'centres.md', line: 3, language: 'es' },
        { check: 'number', file: 'centres.md', line: 3, language: 'es' },
      ]);
    },
    timeout,
  );

  it(
    'says an output is missing instead of checking nothing',
    async () => {
      await rm(path.join(dir, 'articles', 'es'), { recursive: true });
      const result = await runCli(['check', '--json'], { cwd: dir });
      const parsed = JSON.parse(result.stdout) as { problems: { message: string }[] };
      expect(parsed.problems.map((problem) => problem.message)).toEqual(['centres.md [es] has no output yet; run `jialing translate`.']);
    },
    timeout,
  );
});
