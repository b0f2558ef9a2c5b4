import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from '../config/resolve-config.ts';
import { UsageError } from '../errors.ts';
import { firstFileOnPath } from './check-folders-usable.ts';
import { isInside } from './is-inside.ts';

/** A file format an export writes, with the extensions its files may carry. */
export interface ExportFormat {
  readonly name: string;
  readonly extensions: readonly string[];
}

/**
 * Refuses an export that would replace the project's own data (the memory and its journal files, the config,
 * a glossary resource, an article) or whose file name says another format: `memory export .jialing/memory.db`
 * is a slip of the keyboard that would otherwise turn the memory into TMX. Refuses too a path that is a folder,
 * or one a file stands in the way of, which no write could use.
 */
export async function checkExportPath(file: string, format: ExportFormat, config: Pick<ResolvedConfig, 'memoryFile' | 'configFile' | 'localesDir' | 'articlesDir'>): Promise<void> {
  const extension = path.extname(file).toLowerCase();
  if (extension !== '' && !format.extensions.includes(extension)) {
    throw new UsageError(`Refusing to write ${format.name} to ${file}: its extension "${extension}" says another format.`, {
      hint: `Name the file *${format.extensions[0]}${format.extensions.length > 1 ? ` (or ${format.extensions.slice(1).join(', ')})` : ''}.`,
    });
  }
  if ((await stat(file).catch(() => undefined))?.isDirectory()) {
    throw new UsageError(`Refusing to write ${format.name} to ${file}: it is a folder.`, { hint: `Name a file in it, for example ${path.join(file, `export${format.extensions[0]}`)}.` });
  }
  const blocking = await firstFileOnPath(path.dirname(path.resolve(file)));
  if (blocking) {
    throw new UsageError(`Refusing to write ${format.name} to ${file}: ${blocking}, on the way to it, is a file.`, { hint: 'Name a path whose folders are folders (missing ones are created).' });
  }
  const target = await realPathOf(path.resolve(file));
  const memory = await realPathOf(config.memoryFile);
  const owned = [
    ...['', '-wal', '-shm', '-journal'].map((suffix) => ({ path: `${memory}${suffix}`, what: 'the translation memory' })),
    { path: await realPathOf(config.configFile), what: 'the config file' },
  ];
  const clash = owned.find((item) => item.path === target);
  const folder = [
    { path: await realPathOf(config.localesDir), what: 'the folder of glossary and locale resources' },
    { path: await realPathOf(config.articlesDir), what: 'the folder of source articles' },
  ].find((item) => isInside(target, item.path));
  const reason = clash ? `it would replace ${clash.what}` : folder ? `it lies in ${folder.what} (${folder.path}), which exports never write to` : undefined;
  if (reason) {
    throw new UsageError(`Refusing to write ${format.name} to ${file}: ${reason}.`, {
      hint: `Write the export somewhere else, for example ${path.basename(file, path.extname(file)) || 'export'}${format.extensions[0]} in the working folder.`,
    });
  }
}

// Through links, so that another name for the memory is still the memory; a missing file's folder may exist.
async function realPathOf(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch {
    const parent = path.dirname(file);
    return parent === file ? file : path.join(await realPathOf(parent), path.basename(file));
  }
}
