import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from '../config/resolve-config.ts';
import { ConfigError } from '../errors.ts';
import type { FoundDocument } from './find-documents.ts';

const glossaryFile = 'glossary.json';

/** Lists the source language's i18next resource files to translate, sorted; none when its folder does not exist. */
export async function findResources(config: Pick<ResolvedConfig, 'localesDir' | 'sourceLanguage' | 'resources' | 'configFile'>): Promise<FoundDocument[]> {
  const folder = path.join(config.localesDir, config.sourceLanguage);
  const names = await readdir(folder, { withFileTypes: true }).then(
    (entries) => entries.filter((entry) => entry.isFile() && entry.name.endsWith('.json') && entry.name !== glossaryFile).map((entry) => entry.name),
    (error: NodeJS.ErrnoException) => {
      // A project without resource files has no such folder; one that cannot be read must not pass for that.
      if (error.code === 'ENOENT') return [] as string[];
      throw new ConfigError(`Cannot read the resource files in ${folder}: ${error.code === 'ENOTDIR' ? 'it is a file, not a folder' : error.message}.`, {
        hint: 'Make it a readable folder of i18next JSON files, or point `locales` in the config elsewhere.',
        place: { file: config.configFile },
      });
    },
  );
  const { namespaces } = config.resources;
  if (namespaces) {
    const missing = namespaces.filter((namespace) => !names.includes(`${namespace}.json`));
    if (missing.length > 0) {
      throw new ConfigError(`Config problem in ${config.configFile}:\n  resources.namespaces: ${missing.map((name) => `"${name}"`).join(', ')} not found in ${folder}`, {
        hint: `Name files of ${folder} without ".json", or leave \`resources.namespaces\` out to translate all of them.`,
        place: { file: config.configFile },
      });
    }
  }
  const chosen = namespaces ? namespaces.map((namespace) => `${namespace}.json`) : names.sort();
  return chosen.map((name) => ({
    relativePath: name,
    absolutePath: path.join(folder, name),
    format: 'i18next',
    outputFolder: path.join(config.localesDir, '{lang}'),
    outputName: name,
  }));
}
