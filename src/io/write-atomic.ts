import { randomBytes } from 'node:crypto';
import { chmod, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes a file through a temporary sibling and a rename, so the path never holds half a file; a replaced file keeps its mode. */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const folder = path.dirname(file);
  const temporary = path.join(folder, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const [replaced] = await Promise.all([stat(file).catch(() => undefined), writeTemporary(temporary, content)]);
    // The rename puts a new file in place, with the mode the umask gives: a replaced file's own mode goes with it.
    if (replaced?.isFile()) await chmod(temporary, replaced.mode & 0o7777);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

// The folder is made only when it is missing: most writes go to a folder that exists, and asking first costs
// a round trip to the file system per article.
async function writeTemporary(temporary: string, content: string): Promise<void> {
  try {
    await writeFile(temporary, content, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(path.dirname(temporary), { recursive: true });
    await writeFile(temporary, content, 'utf8');
  }
}
