// Text that stretches the pipeline: one very long line, a byte-order mark, characters no markdown file can hold.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/markdown/parse-markdown.ts';
import { makeTempDir, removeTempDir, runCli, writeProject } from '../support/cli.ts';
import { DeeplProject } from '../support/deepl-project.ts';

let dir: string | undefined;
let project: DeeplProject | undefined;
afterEach(async () => {
  if (dir) await removeTempDir(dir);
  await project?.dispose();
  dir = project = undefined;
});

async function copyProject(files: Record<string, string>, engine = 'copy'): Promise<string> {
  dir = await makeTempDir('jialing-hostile-');
  await writeProject(dir, { 'pipeline.config.json': JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es'], engine }), ...files });
  return path.join(dir, 'pipeline.config.json');
}

// Every tenth sentence holds a code span, a link, strong text and numbers, so each stage sees thousands of them.
function longLine(sentences: number): string {
  return Array.from({ length: sentences }, (_, index) =>
    index % 10 === 9 ? `Run \`npm ci\` ${index} times with [the guide](guide.md) and **care** in ${index + 1}.` : `The river runs through the city ${index}.`,
  ).join(' ');
}

describe('a long single line', () => {
  it('is written back byte for byte by the copy engine and with every span intact by the pseudo engine', async () => {
    const line = longLine(5000);
    const config = await copyProject({ 'articles/en/long.md': `# Long\n\n${line}\n` });
    const copied = await runCli(['translate', '--config', config], { cwd: dir!, killAfterMs: 100_000 });
    expect(copied.code, copied.stderr).toBe(0);
    expect(await readFile(path.join(dir!, 'articles/es/long.md'), 'utf8')).toBe(`# Long\n\n${line}\n`);

    const pseudo = await runCli(['translate', '--config', config, '--engine', 'pseudo', '--json'], { cwd: dir!, killAfterMs: 100_000 });
    expect(pseudo.code, pseudo.stderr).toBe(0);
    const output = await readFile(path.join(dir!, 'articles/es/long.md'), 'utf8');
    const paragraph = parseMarkdown(output).children[1]!;
    expect(paragraph.type).toBe('paragraph');
    const kinds = (paragraph as { children: { type: string }[] }).children.map((node) => node.type).filter((type) => type !== 'text');
    expect(kinds.filter((kind) => kind === 'inlineCode')).toHaveLength(500);
    expect(kinds.filter((kind) => kind === 'link')).toHaveLength(500);
    expect(kinds.filter((kind) => kind === 'strong')).toHaveLength(500);
  }, 240_000);
});

describe('a byte-order mark', () => {
  it('starts the outputs of a source that starts with one, and only those', async () => {
    const config = await copyProject({ 'articles/en/marked.md': '\uFEFF# Title\n\nText.\n', 'articles/en/plain.md': '# Title\n\nText.\n' }, 'pseudo');
    const first = await runCli(['translate', '--config', config], { cwd: dir! });
    expect(first.code, first.stderr).toBe(0);
    const marked = await readFile(path.join(dir!, 'articles/es/marked.md'), 'utf8');
    expect(marked.startsWith('\uFEFF# ⟦Ţíţļé')).toBe(true);
    expect((await readFile(path.join(dir!, 'articles/es/plain.md'), 'utf8')).startsWith('# ⟦Ţíţļé')).toBe(true);

    // The mark is no hand edit: the next run finds the outputs as it wrote them.
    const status = await runCli(['status', '--config', config, '--json'], { cwd: dir! });
    expect((JSON.parse(status.stdout) as { state: string }[]).map((row) => row.state)).toEqual(['up-to-date', 'up-to-date']);
    const second = await runCli(['translate', '--config', config, '--json'], { cwd: dir! });
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout).problems).toEqual([]);
    expect(await readFile(path.join(dir!, 'articles/es/marked.md'), 'utf8')).toBe(marked);
  });
});

describe('characters no markdown file can hold', () => {
  it('refuse the reply that holds them, keep the source for that segment and keep the reply out of the memory', async () => {
    const files = { 'articles/en/a.md': '# Title\n\nFirst sentence here.\n\nSecond sentence here.\n\nThird sentence here.\n' };
    const rewrite = (translation: string) => translation.replace('FIRST', 'FI\u0000RST').replace('SECOND', 'SE&#xD800;COND').replace('THIRD', 'THI&#xD83D;&#xDE00;RD');
    project = await DeeplProject.create({ files, server: { rewrite } });
    const run = await project.translate();
    expect(run.code).toBe(1);
    const messages = run.summary!.problems.map((problem) => problem.message);
    expect(messages).toEqual([
      expect.stringMatching(/^a\.md:3 \[de\] the translation came back broken \(it holds the control character U\+0000 \(NUL\).*source text was kept/),
      expect.stringMatching(/^a\.md:5 \[de\] the translation came back broken \(it holds U\+D800, half of a surrogate pair/),
    ]);
    const output = await project.read('articles/de/a.md');
    expect(output).toBe('# \\[DE] TITLE\n\nFirst sentence here.\n\nSecond sentence here.\n\n\\[DE] THI😀RD SENTENCE HERE.\n');
    expect(output).not.toContain('\uFFFD');
    expect(output).not.toContain('&#10;');
    // Neither refused reply was kept: the next run asks for both again, and nothing else.
    const mark = project.mark();
    await project.translate();
    expect(project.textsSentSince(mark).sort()).toEqual(['First sentence here.', 'Second sentence here.']);
  });
});
