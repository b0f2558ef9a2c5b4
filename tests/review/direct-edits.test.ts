import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readMemoryEntries } from '../support/memory-entries.ts';
import { makeTempDir, removeTempDir, runCli, writeProject } from '../support/cli.ts';

const timeout = 120_000;
const config = JSON.stringify({ targetLanguages: ['es'], engine: 'apertium' });
const article = [
  '# Design in Chongqing',
  '',
  'The city has **many** new studios and a [design centre](https://example.com/centre).',
  '',
  'The museum opens every Monday at nine in the morning.',
  '',
  '- Visitors can see the old factories.',
  '- The river is very beautiful.',
  '',
  '```sh',
  'npm ci',
  '```',
  '',
].join('\n');

describe('edits made in the localised markdown', () => {
  let dir: string;
  let output: string;
  beforeEach(async () => {
    dir = await makeTempDir('jialing-edits-');
    output = path.join(dir, 'articles', 'es', 'a.md');
    await writeProject(dir, { 'pipeline.config.json': config, 'articles/en/a.md': article });
    expect((await runCli(['translate', '-q'], { cwd: dir })).code).toBe(0);
  });
  afterEach(() => removeTempDir(dir));

  const reviewedEntries = async () => (await readMemoryEntries(path.join(dir, '.jialing', 'memory.db'), { targetLanguage: 'es' })).filter((entry) => entry.status === 'reviewed');

  /** Replaces one line of the output, the way a reviewer edits it in an editor. */
  const editLine = async (lineStart: string, replacement: string) => {
    const text = await readFile(output, 'utf8');
    const lines = text.split('\n');
    const index = lines.findIndex((line) => line.startsWith(lineStart));
    expect(index, `a line starting with ${lineStart} in\n${text}`).toBeGreaterThanOrEqual(0);
    lines[index] = replacement;
    await writeFile(output, lines.join('\n'));
    return lines.join('\n');
  };

  it(
    'keeps the edited file byte for byte and stores the changed paragraph as reviewed, over any number of runs',
    async () => {
      const edited = await editLine('La ciudad', 'La ciudad tiene **muchísimos** estudios nuevos y un [centro de diseño](https://example.com/centre) excelente.');
      for (let run = 0; run < 3; run++) {
        const result = await runCli(['translate', '--json'], { cwd: dir });
        expect(result.code).toBe(0);
        expect(await readFile(output, 'utf8')).toBe(edited);
        if (run === 0) expect(JSON.parse(result.stdout).languages.es).toMatchObject({ reviewerEdits: 1, translated: 0 });
        else expect(JSON.parse(result.stdout).languages.es.reviewerEdits).toBeUndefined();
      }
      const reviewed = await reviewedEntries();
      expect(reviewed).toHaveLength(1);
      expect(reviewed[0]).toMatchObject({
        sourceText: 'The city has <g1>many</g1> new studios and a <g2>design centre</g2>.',
        targetText: 'La ciudad tiene <g1>muchísimos</g1> estudios nuevos y un <g2>centro de diseño</g2> excelente.',
        origin: 'human',
        articlePath: 'a.md',
      });
    },
    timeout,
  );

  it(
    'keeps the edit when another paragraph of the source changes, and translates only that one',
    async () => {
      await editLine('La ciudad', 'La ciudad tiene **muchos** estudios nuevos y un [centro de diseño](https://example.com/centre) precioso.');
      await writeProject(dir, { 'articles/en/a.md': article.replace('The river is very beautiful.', 'The river is very wide.') });
      const result = await runCli(['translate', '--json'], { cwd: dir });
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).languages.es).toMatchObject({ reviewerEdits: 1, translated: 1 });
      const text = await readFile(output, 'utf8');
      expect(text).toContain('La ciudad tiene **muchos** estudios nuevos y un [centro de diseño](https://example.com/centre) precioso.');
      expect(text).toMatch(/- El río es muy ancho\./);
    },
    timeout,
  );

  it(
    'translates a changed source paragraph anew, flags it for review and keeps the reviewed translation as a suggestion',
    async () => {
      await editLine('El museo', 'El museo abre cada lunes a las nueve de la mañana en punto.');
      expect((await runCli(['translate', '-q'], { cwd: dir })).code).toBe(0);
      await writeProject(dir, { 'articles/en/a.md': article.replace('every Monday', 'every Tuesday') });
      const result = await runCli(['translate', '--json'], { cwd: dir });
      expect(result.code).toBe(0);
      const report = JSON.parse(result.stdout);
      expect(report.languages.es).toMatchObject({ translated: 1 });
      expect(report.problems).toContainEqual(expect.objectContaining({ severity: 'warning', file: 'a.md', message: expect.stringContaining('needs review') }));
      expect(await readFile(output, 'utf8')).toMatch(/martes/);

      const status = await runCli(['status', '--json'], { cwd: dir });
      expect(JSON.parse(status.stdout)[0]).toMatchObject({ file: 'a.md', language: 'es', reviewed: 0, needsReview: 1 });
    },
    timeout,
  );

  it(
    'leaves a file whose blocks no longer match the source untouched, reports the conflict and stores nothing',
    async () => {
      const text = await readFile(output, 'utf8');
      const restructured = text.replace(/\n\n(El museo)/, '\n\nUn párrafo añadido por el revisor.\n\n$1');
      await writeFile(output, restructured);
      const before = await stat(output);
      await writeProject(dir, { 'articles/en/a.md': article.replace('very beautiful', 'very wide') });
      const result = await runCli(['translate'], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stderr + result.stdout).toMatch(/a\.md \[es\] was edited by hand and left untouched: .*block was added/);
      expect(await readFile(output, 'utf8')).toBe(restructured);
      expect((await stat(output)).mtimeMs).toBe(before.mtimeMs);
      expect((await reviewedEntries())).toHaveLength(0);
    },
    timeout,
  );

  it(
    'refuses an edit that removes the source formatting, rather than guessing',
    async () => {
      const edited = await editLine('La ciudad', 'La ciudad tiene muchos estudios nuevos y un centro de diseño.');
      const result = await runCli(['translate'], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stderr + result.stdout).toMatch(/line 3: the formatting `\*\*…\*\*`, `\[…\]\(https:\/\/example\.com\/centre\)` of the source paragraph was removed/);
      expect(await readFile(output, 'utf8')).toBe(edited);
      expect((await reviewedEntries())).toHaveLength(0);
    },
    timeout,
  );

  it(
    'keeps an edit whose formatting is written another way (`_` for `*`) over any number of runs, and status calls it current',
    async () => {
      const edited = await editLine('La ciudad', 'La ciudad tiene __muchos__ estudios nuevos y un [centro de diseño](https://example.com/centre).');
      for (let run = 0; run < 3; run++) {
        expect((await runCli(['translate', '-q'], { cwd: dir })).code).toBe(0);
        expect(await readFile(output, 'utf8')).toBe(edited);
      }
      const status = await runCli(['status', '--json'], { cwd: dir });
      expect(JSON.parse(status.stdout)[0]).toMatchObject({ state: 'up-to-date', reviewed: 1 });
      expect(status.code).toBe(0);
    },
    timeout,
  );

  it.each([
    ['a link target', (text: string) => text.replace('https://example.com/centre', 'https://example.com/otro'), /line 3: the formatting `\[…\]\(https:\/\/example\.com\/otro\)` is not in the source paragraph/],
    ['a code block', (text: string) => text.replace('npm ci', 'npm install'), /text that jialing copies from the source .* was changed near line 11; change it in the source instead/],
  ])(
    'refuses an edit of %s, which comes from the source, as a conflict that lasts until it is undone',
    async (_what, change, message) => {
      const edited = change(await readFile(output, 'utf8'));
      await writeFile(output, edited);
      for (let run = 0; run < 2; run++) {
        const result = await runCli(['translate'], { cwd: dir });
        expect(result.code).toBe(1);
        expect(result.stderr + result.stdout).toMatch(message);
        expect(await readFile(output, 'utf8')).toBe(edited);
      }
      expect((await reviewedEntries())).toHaveLength(0);
    },
    timeout,
  );

  it(
    'writes the edit into the other outputs whose source holds the same paragraph, and names them and where the edit came from',
    async () => {
      const shared = 'The museum opens every Monday at nine in the morning.';
      await writeProject(dir, {
        'articles/en/b.md': `# Visiting\n\n${shared}\n\nTickets cost ten yuan.\n`,
        'articles/en/c.md': '# Elsewhere\n\nThe river is very wide.\n',
      });
      expect((await runCli(['translate', '-q'], { cwd: dir })).code).toBe(0);
      const otherOutput = (name: string) => readFile(path.join(dir, 'articles', 'es', name), 'utf8');
      const untouched = await otherOutput('c.md');
      expect(await otherOutput('b.md')).not.toContain('de la mañana en punto');

      await editLine('El museo', 'El museo abre cada lunes a las nueve de la mañana en punto.');
      // A new article with the same paragraph takes the edit too, but there was no output of it to write anew.
      await writeProject(dir, { 'articles/en/d.md': `# New\n\n${shared}\n` });
      const result = await runCli(['translate'], { cwd: dir });
      expect(result.code).toBe(0);
      expect(await otherOutput('b.md')).toContain('El museo abre cada lunes a las nueve de la mañana en punto.');
      expect(await otherOutput('d.md')).toContain('El museo abre cada lunes a las nueve de la mañana en punto.');
      expect(await otherOutput('c.md')).toBe(untouched);
      const printed = result.stdout + result.stderr;
      expect(printed).toMatch(/^es {2}b\.md {2}\d+ segments {2}with hand edits from a\.md$/m);
      expect(printed).not.toMatch(/d\.md.*with hand edits/);
      expect(printed).toContain('es: 1 other output written anew with those edits, where its source holds the same text');

      const again = await runCli(['translate', '--json'], { cwd: dir });
      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout).languages.es.rewrittenWithEdits).toBeUndefined();

      // A machine reads the same count from --json.
      await editLine('El museo', 'El museo abre cada lunes a las nueve en punto.');
      const counted = await runCli(['translate', '--json'], { cwd: dir });
      expect(counted.code).toBe(0);
      expect(JSON.parse(counted.stdout).languages.es).toMatchObject({ reviewerEdits: 1, rewrittenWithEdits: 2 });
    },
    timeout,
  );

  it(
    'writes the output anew once a conflicting file is deleted, with the translations reviewed before',
    async () => {
      await editLine('El museo', 'El museo abre todos los lunes a las nueve.');
      expect((await runCli(['translate', '-q'], { cwd: dir })).code).toBe(0);
      await writeFile(output, 'Un texto que ya no tiene nada que ver.\n');
      expect((await runCli(['translate', '-q'], { cwd: dir })).code).toBe(1);
      await writeFile(output, '');
      const { rm } = await import('node:fs/promises');
      await rm(output);
      expect((await runCli(['translate', '-q'], { cwd: dir })).code).toBe(0);
      expect(await readFile(output, 'utf8')).toContain('El museo abre todos los lunes a las nueve.');
    },
    timeout,
  );
});
