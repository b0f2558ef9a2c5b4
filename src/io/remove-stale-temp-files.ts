import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

// writeFileAtomic names its temporary files `.<name>.<12 hex>.tmp`; a killed run can leave some behind.
const temporaryName = /^\..+\.[0-9a-f]{12}\.tmp$/;

/** Removes temporary files a killed run left in an output folder; a missing folder is fine. */
export async function removeStaleTempFiles(folder: string): Promise<void> {
  let entries;
  try {
    entries = await readdir(folder, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return;
    throw error;
  }
  await Promise.all(entries.filter((entry) => entry.isFile() && temporaryName.test(entry.name)).map((entry) => rm(path.join(entry.parentPath, entry.name), { force: true })));
}
