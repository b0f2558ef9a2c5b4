import { readFile } from 'node:fs/promises';
import { withoutByteOrderMark } from './byte-order-mark.ts';

/** An output as it is on disk, without the byte-order mark its source gives it; undefined when none is written yet. */
export async function readOutput(file: string): Promise<string | undefined> {
  try {
    return withoutByteOrderMark(await readFile(file, 'utf8'));
  } catch (error) {
    // Only a missing file is "not written yet": a folder or an unreadable file in its place is reported by the caller.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
