import path from 'node:path';
import { UsageError } from '../errors.ts';
import { firstFileOnPath } from './check-folders-usable.ts';

/**
 * Refuses, before anything is written, an `--out` folder that is a file or lies under one, or that is named like
 * one of the files it would hold (`--out review.xlf`), which a person writes expecting a single file and would
 * otherwise get as a folder of that name.
 */
export async function checkOutFolder(given: string, fileExtensions: readonly string[]): Promise<void> {
  const dir = path.resolve(given);
  const file = await firstFileOnPath(dir);
  if (file) {
    throw new UsageError(`--out ${given}${file === dir ? ' is a file' : `: ${file}, on the way to it, is a file`}; expected a folder.`, {
      hint: 'Name a folder (it is created if missing): the export writes one file per article and language into it.',
    });
  }
  const extension = path.extname(dir).toLowerCase();
  if (fileExtensions.includes(extension)) {
    throw new UsageError(`--out ${given} names a file, but --out takes a folder: the export writes one ${extension} file per article and language into it.`, {
      hint: `Name a folder, for example --out ${path.join(path.dirname(given), path.basename(given, path.extname(given)))}.`,
    });
  }
}
