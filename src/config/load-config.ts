import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../errors.ts';
import { importTypeScript } from './import-typescript.ts';
import { resolveConfig, type ResolvedConfig } from './resolve-config.ts';

/** Config file names looked for in the working folder when none is given. */
export const defaultConfigFiles = ['pipeline.config.ts', 'pipeline.config.mjs', 'pipeline.config.js', 'pipeline.config.json'];

/** Finds, imports and resolves the config; `file` is relative to `cwd`. */
export async function loadConfig(file: string | undefined, cwd: string): Promise<ResolvedConfig> {
  const configFile = file ? path.resolve(cwd, file) : await findDefaultConfig(cwd);
  return resolveConfig(await importConfig(configFile), configFile);
}

async function findDefaultConfig(cwd: string): Promise<string> {
  for (const name of defaultConfigFiles) {
    const candidate = path.join(cwd, name);
    if (await isFile(candidate)) return candidate;
  }
  throw new ConfigError(`No config file in ${cwd}: looked for ${defaultConfigFiles.join(', ')}.`, {
    hint: 'Create pipeline.config.ts or pass --config FILE.',
  });
}

const configExtensions = ['.ts', '.mts', '.cts', '.mjs', '.cjs', '.js', '.json'];

async function importConfig(configFile: string): Promise<unknown> {
  if (!(await isFile(configFile))) {
    const isFolder = (await stat(configFile).catch(() => undefined))?.isDirectory() === true;
    throw new ConfigError(isFolder ? `The config path ${configFile} is a folder, not a config file.` : `Config file not found: ${configFile}`, {
      hint: isFolder ? `Pass the file itself, for example --config ${path.join(configFile, defaultConfigFiles[0]!)}.` : 'Check the --config path.',
    });
  }
  const extension = path.extname(configFile);
  // Any other file would be imported as a script, and an empty or unrelated one would pass for an empty config.
  if (!configExtensions.includes(extension)) {
    throw new ConfigError(`Config file ${configFile}: its name does not say its format.`, { hint: `Name it ${configExtensions.map((known) => `*${known}`).join(', ')}.` });
  }
  try {
    if (extension === '.json') return JSON.parse(await readFile(configFile, 'utf8'));
    const url = pathToFileURL(configFile).href;
    const module: { default?: unknown } =
      extension === '.ts' || extension === '.mts' || extension === '.cts' ? await importTypeScript(configFile) : await import(url);
    const config = unwrapCommonJs(module.default);
    if (config === undefined) {
      throw new ConfigError(`Config file ${configFile} has no default export.`, {
        hint: 'Write `export default defineConfig({ ... })`.',
      });
    }
    return config;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    // The transform error's second line names the place (`file:line:col: ERROR: …`).
    const reason = error instanceof Error ? error.message.split('\n').slice(0, 3).join('\n  ').trim() : String(error);
    throw new ConfigError(`Could not load config file ${configFile}: ${reason}`, {
      hint: isMissingImport(reason)
        ? "Correct the path of the import named above; a config outside this repository imports defineConfig from 'jialing', installed in its project."
        : 'Fix the syntax error named above; .ts, .mts, .mjs, .js and .json files are accepted.',
      cause: error,
    });
  }
}

// esbuild (for .ts configs) and Node's own loader word a missing module differently.
function isMissingImport(reason: string): boolean {
  return /Could not resolve|Cannot find (module|package)/.test(reason);
}

// A config written as CommonJS (`module.exports = …`) arrives as `{ default: … }`.
function unwrapCommonJs(value: unknown): unknown {
  if (value && typeof value === 'object' && 'default' in value && Object.keys(value).every((key) => key === 'default' || key === '__esModule')) {
    return (value as { default: unknown }).default;
  }
  return value;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
