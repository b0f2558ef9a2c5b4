import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes a file through a temporary sibling and a rename, so the path never holds half a file. */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const folder = path.dirname(file);
  const temporary = path.join(folder, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeTemporary(temporary, content);
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
