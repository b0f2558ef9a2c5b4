import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve-config.ts';
import { ConfigError } from '../../src/errors.ts';
import { listFiles, makeTempDir, removeTempDir, runCli, stackFrames, writeProject } from '../support/cli.ts';

const configFile = path.join(path.sep, 'project', 'pipeline.config.json');

function refusal(raw: unknown): string {
  try {
    resolveConfig(raw, configFile);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).exitCode).toBe(2);
    return (error as Error).message;
  }
  throw new Error('the config was accepted');
}

describe('output folders that overlap the articles folder', () => {
  it('refuses an output folder inside the articles folder, naming both', () => {
    const message = refusal({ targetLanguages: ['es'], articles: 'articles/en', output: 'articles/en/{lang}' });
    expect(message).toContain('output: "articles/en/{lang}" puts the "es" outputs (/project/articles/en/es) inside the articles folder "articles/en" (/project/articles/en)');
  });

  it('refuses an output folder that holds the articles folder', () => {
    expect(refusal({ targetLanguages: ['es'], articles: 'site/es/en', output: 'site/{lang}' })).toContain('puts the "es" outputs (/project/site/es) around the articles folder');
  });

  it('refuses an output folder equal to the articles folder', () => {
    expect(refusal({ targetLanguages: ['en-GB'], articles: 'docs/en-GB', output: 'docs/{lang}' })).toContain('puts the "en-GB" outputs (/project/docs/en-GB) in the articles folder');
  });

  it('accepts output folders beside the articles folder, and a sibling whose name starts like it', () => {
    expect(resolveConfig({ targetLanguages: ['es'], articles: 'articles/en', output: 'articles/{lang}' }, configFile).outputPattern).toBe('/project/articles/{lang}');
    expect(resolveConfig({ targetLanguages: ['es'], articles: 'docs', output: 'docs-{lang}' }, configFile).outputPattern).toBe('/project/docs-{lang}');
  });
});

describe('language codes that differ only in case', () => {
  it('refuses a target language that is the source language in other case', () => {
    expect(refusal({ sourceLanguage: 'en', targetLanguages: ['EN'], output: 'out/{lang}' })).toContain(
      'targetLanguages[0]: "EN" is the source language (language codes ignore case: it is "en"); remove it',
    );
  });

  it('refuses a target language listed twice in different case', () => {
    expect(refusal({ targetLanguages: ['es', 'ES'] })).toContain('targetLanguages[1]: "ES" is listed twice (as "es" too: language codes ignore case); remove one');
  });

  it('refuses region subtags that differ only in case', () => {
    expect(refusal({ targetLanguages: ['pt-BR', 'pt-br'] })).toContain('targetLanguages[1]: "pt-br" is listed twice');
  });
});

describe('the CLI on such configs', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await makeTempDir('jialing-folders-');
  });
  afterEach(async () => {
    await removeTempDir(dir);
  });

  it(
    'exits 2 with one message before writing anything when the outputs would land among the sources',
    async () => {
      await writeProject(dir, {
        'pipeline.config.json': JSON.stringify({ targetLanguages: ['es', 'EN'], engine: 'copy', output: 'articles/en/{lang}' }),
        'articles/en/index.md': 'The city is big.\n',
      });

      const result = await runCli(['translate'], { cwd: dir });

      expect(result.code).toBe(2);
      expect(stackFrames(result.stderr)).toEqual([]);
      expect(result.stderr.match(/^error:/gm)).toHaveLength(1);
      expect(result.stderr).toContain('"EN" is the source language');
      expect(result.stderr).toContain('inside the articles folder');
      expect(await listFiles(dir)).toEqual(['articles/en/index.md', 'pipeline.config.json']);
    },
    60_000,
  );
});
