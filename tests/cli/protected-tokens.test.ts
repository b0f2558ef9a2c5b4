// What no engine may translate comes through a real Apertium run (English → Spanish and Catalan) as written.
// The lines are taken from the shapes of real READMEs where these tokens used to be translated or lost.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir, runCli, writeProject } from '../support/cli.ts';

let dir: string;
const outputs: Record<string, string> = {};

const article = `# Overview

> [!NOTE]
> Useful information that users should know.

> [!IMPORTANT]
> Crucial information.

This module is used by ~115,000 packages and is ~9x faster.

See [http://rem.mit-license.org](http://rem.mit-license.org) for the license, or <https://www.jaredhanson.me/>.

| Feature | Supported |
| --- | --- |
| Streams | :heavy_check_mark: |
| Promises | :star: |

Use cross-env and lint-staged with @ladjs/consolidate in app.js and nestedCommands.js on node v18.0.0.
`;

beforeAll(async () => {
  dir = await makeTempDir('jialing-protect-');
  await writeProject(dir, {
    'pipeline.config.json': JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es', 'ca'], engine: 'apertium', protect: { words: ['cross-env', 'lint-staged'] } }),
    'articles/en/readme.md': article,
  });
  const run = await runCli(['translate', '--config', path.join(dir, 'pipeline.config.json')], { cwd: dir });
  if (run.code !== 0) throw new Error(`translate exited ${run.code}: ${run.stderr}`);
  for (const language of ['es', 'ca']) outputs[language] = await readFile(path.join(dir, `articles/${language}/readme.md`), 'utf8');
}, 120_000);
afterAll(() => removeTempDir(dir));

describe.each(['es', 'ca'])('kept from Apertium (%s)', (language) => {
  const output = () => outputs[language]!;

  it('keeps GitHub alert markers as written', () => {
    expect(output()).toContain('> [!NOTE]\n> ');
    expect(output()).toContain('> [!IMPORTANT]\n> ');
  });

  it('keeps every ~', () => {
    expect(output()).toMatch(/~115,000/);
    expect(output()).toMatch(/~9x/);
  });

  it('keeps URL-shaped text and autolinks', () => {
    expect(output()).toContain('[http://rem.mit-license.org](http://rem.mit-license.org)');
    expect(output()).toContain('<https://www.jaredhanson.me/>');
  });

  it('keeps emoji shortcodes', () => {
    expect(output()).toContain('| :heavy_check_mark: |');
    expect(output()).toContain('| :star: |');
  });

  it('keeps package names, file names and versions, and the words the config protects', () => {
    for (const token of ['cross-env', 'lint-staged', '@ladjs/consolidate', 'app.js', 'nestedCommands.js', 'v18.0.0']) expect(output()).toContain(token);
  });
});
