import { readFileSync } from 'node:fs';
import { withoutByteOrderMark } from './byte-order-mark.ts';

const noOutput = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

/**
 * An output as it is on disk, without the byte-order mark its source gives it (unless asked to keep it, to hand the
 * file on as it is); undefined when none is written yet.
 */
export async function readOutput(file: string, options: { readonly keepByteOrderMark?: boolean } = {}): Promise<string | undefined> {
  try {
    // Synchronous for the reason `writeFileAtomic` gives.
    const text = readFileSync(file, 'utf8');
    return options.keepByteOrderMark ? text : withoutByteOrderMark(text);
  } catch (error) {
    // Nothing readable there: missing, or a folder where the file or one of its parents belongs, which writing the
    // output then reports. A file that is there but cannot be read is the caller's to report.
    if (noOutput.has((error as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw error;
  }
}
