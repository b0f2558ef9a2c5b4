import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../../errors.ts';

const xliffExtensions = ['.xlf', '.xliff'];

/**
 * The files an `xliff import` names: each file as given, and every `.xlf` or `.xliff` file under each folder (a
 * CAT tool hands back the folder `xliff export` wrote), sorted, each once. A path that does not exist, or a
 * folder holding no XLIFF file, is a mistake in the command line: all of them are named together, before
 * anything is imported.
 */
export async function findXliffFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  const problems: string[] = [];
  for (const given of paths) {
    const found = await filesAt(given);
    if (typeof found === 'string') problems.push(`${given}: ${found}`);
    else files.push(...found);
  }
  if (problems.length > 0) {
    const message = problems.length === 1 ? `Cannot import ${problems[0]}.` : `Cannot import these paths:${problems.map((problem) => `\n  ${problem}`).join('')}`;
    throw new UsageError(message, { hint: 'Check the paths and import again. Nothing was imported.' });
  }
  return [...new Set(files)];
}

/** The XLIFF files at a path, or why there are none. */
async function filesAt(given: string): Promise<string[] | string> {
  let stats;
  try {
    stats = await stat(given);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (error as Error).message;
  }
  if (!stats.isDirectory()) return [given];
  let entries: string[];
  try {
    entries = await readdir(given, { recursive: true });
  } catch (error) {
    return `the folder cannot be read (${(error as Error).message})`;
  }
  const found = entries.filter((entry) => xliffExtensions.includes(path.extname(entry).toLowerCase())).sort();
  return found.length > 0 ? found.map((entry) => path.join(given, entry)) : 'a folder holding no .xlf or .xliff file';
}
