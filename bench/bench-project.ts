import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveConfig, type ResolvedConfig } from '../src/config/resolve-config.ts';
import type { UserConfig } from '../src/config/schema.ts';

/** The repository's glossary (Chongqing, Liangjiang, Yuelai…), so runs mask terms as real runs do. */
export const repoLocales = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'locales');

/** Frontmatter keys every bench project translates (the config's default, spelled out so corpus counts match). */
export const frontmatterKeys = ['title', 'description'];

/** A throwaway project: a resolved config whose output, memory and report live in a temp folder. */
export interface BenchProject {
  readonly dir: string;
  /** The config file, for a `jialing` command run on the project. */
  readonly configFile: string;
  readonly config: ResolvedConfig;
  remove(): Promise<void>;
}

/**
 * Creates a project over an articles folder with one target language; `overrides` are config-file fields. Its
 * locales hold the repository's glossaries only: resource files are no part of what the bench measures, and their
 * outputs would land in the repository.
 */
export async function createBenchProject(articlesDir: string, overrides: Partial<UserConfig> = {}): Promise<BenchProject> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'jialing-bench-'));
  const locales = path.join(dir, 'locales');
  await cp(repoLocales, locales, { recursive: true, filter: (source) => !source.endsWith('.json') || path.basename(source) === 'glossary.json' });
  const configFile = path.join(dir, 'pipeline.config.json');
  const userConfig: UserConfig = {
    sourceLanguage: 'en',
    targetLanguages: ['es'],
    articles: articlesDir,
    output: path.join(dir, 'out', '{lang}'),
    locales,
    engine: 'copy',
    frontmatter: frontmatterKeys,
    memory: path.join(dir, 'memory.db'),
    report: path.join(dir, 'report'),
    ...overrides,
  };
  await writeFile(configFile, JSON.stringify(userConfig, null, 2));
  const config = resolveConfig(userConfig, configFile);
  return { dir, configFile, config, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Runs an action on a fresh project and removes the project afterwards. */
export async function withBenchProject<T>(articlesDir: string, overrides: Partial<UserConfig>, action: (project: BenchProject) => Promise<T>): Promise<T> {
  const project = await createBenchProject(articlesDir, overrides);
  try {
    return await action(project);
  } finally {
    await project.remove();
  }
}
