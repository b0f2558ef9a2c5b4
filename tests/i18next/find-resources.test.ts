import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve-config.ts';
import { ConfigError } from '../../src/errors.ts';
import { findResources } from '../../src/io/find-resources.ts';
import { makeTempDir, removeTempDir, writeProject } from '../support/cli.ts';

let dir: string;

beforeEach(async () => {
  dir = await makeTempDir('jialing-find-resources-');
});

afterEach(() => removeTempDir(dir));

const config = () => resolveConfig({ targetLanguages: ['es'] }, path.join(dir, 'pipeline.config.json'));

describe('findResources', () => {
  it('lists the source language resource files but the glossary, sorted, and none without a locales folder', async () => {
    expect(await findResources(config())).toEqual([]);
    await writeProject(dir, { 'locales/en/nav.json': '{}', 'locales/en/common.json': '{}', 'locales/en/glossary.json': '{}' });
    expect((await findResources(config())).map((found) => found.relativePath)).toEqual(['common.json', 'nav.json']);
  });

  it('refuses a source language folder that is a file instead of finding no resources in it', async () => {
    await writeProject(dir, { 'locales/en': '{}' });
    await expect(findResources(config())).rejects.toThrow(ConfigError);
    await expect(findResources(config())).rejects.toThrow(`Cannot read the resource files in ${path.join(dir, 'locales', 'en')}: it is a file, not a folder.`);
  });
});
