// In-page links follow the headings they point at through a real translation (Apertium, English → Spanish).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { headingSlugs } from '../../src/anchors/heading-slugs.ts';
import { makeTempDir, removeTempDir, runCli, writeProject } from '../support/cli.ts';

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir('jialing-anchors-');
});
afterEach(() => removeTempDir(dir));

const article = `# Guide

See [the options](#options), [how to install it](#install-the-package), [the API](#api-reference) and [this page's options](guide.md#options).

[opts]: #options

## Options

The options change how the tool behaves.

## Install the package

Run the installer first.

## API reference {#api-reference}

Every function is listed here.
`;

describe('links to headings', () => {
  it('point at the translated headings, and check finds every link landing', async () => {
    await writeProject(dir, {
      'pipeline.config.json': JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es'], engine: 'apertium' }),
      'articles/en/guide.md': article,
    });
    const config = path.join(dir, 'pipeline.config.json');
    const run = await runCli(['translate', '--config', config], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const output = await readFile(path.join(dir, 'articles/es/guide.md'), 'utf8');
    const slugs = headingSlugs(output);
    expect(slugs[1]).not.toBe('options');
    const fragments = [...output.matchAll(/\]\((?:guide\.md)?#([^)]+)\)|\]: #(\S+)/g)].map((match) => match[1] ?? match[2]);
    expect(fragments).toEqual([slugs[1], slugs[2], 'api-reference', slugs[1], slugs[1]]);
    expect(output).toContain('{#api-reference}');

    const anchorFindings = async () => {
      const check = await runCli(['check', '--config', config, '--json'], { cwd: dir });
      const result = JSON.parse(check.stdout) as { articles: number; findings: { check: string; line: number }[] };
      expect(result.articles).toBe(1);
      return result.findings.filter((finding) => finding.check === 'anchor');
    };
    expect(await anchorFindings()).toEqual([]);

    // A link broken by hand is found by the same check.
    await writeProject(dir, { 'articles/es/guide.md': output.replace(`(#${slugs[1]})`, '(#options)') });
    expect((await anchorFindings()).map((finding) => finding.line)).toEqual([3]);
  });
});
