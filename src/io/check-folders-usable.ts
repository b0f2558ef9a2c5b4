import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../errors.ts';

/** A folder the run will write into, with the config key that names it. */
export interface FolderToWrite {
  readonly dir: string;
  readonly setting: string;
}

/** Refuses, before any work, a folder that is a file or lies under one; a folder that does not exist yet is fine. */
export async function checkFoldersUsable(folders: readonly FolderToWrite[], configFile: string): Promise<void> {
  const problems: string[] = [];
  for (const { dir, setting } of folders) {
    const file = await firstFileOnPath(dir);
    if (file) problems.push(`${setting}: ${file === dir ? dir : `${file}, on the way to ${dir},`} is a file; expected a folder`);
  }
  if (problems.length === 0) return;
  throw new ConfigError(`Cannot write where the config says (${configFile}):\n  ${problems.join('\n  ')}`, {
    hint: 'Point the setting at a folder, or move the file out of the way.',
    place: { file: configFile },
  });
}

/** The nearest existing entry on the way up from `dir`, when it is not a folder. */
export async function firstFileOnPath(dir: string): Promise<string | undefined> {
  for (let current = dir; ; current = path.dirname(current)) {
    const found = await stat(current).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' || error.code === 'ENOTDIR' ? undefined : Promise.reject(error)));
    if (found) return found.isDirectory() ? undefined : current;
    if (path.dirname(current) === current) return undefined;
  }
}
