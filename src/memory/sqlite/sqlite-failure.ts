import Database from 'better-sqlite3';
import { JialingError } from '../../errors.ts';
import { MemorySetupError } from '../memory-error.ts';

const setupProblems: readonly { codes: readonly string[]; message: string; hint: string }[] = [
  {
    codes: ['SQLITE_BUSY', 'SQLITE_LOCKED'],
    message: 'is locked by another process',
    hint: 'Another jialing run (or a SQLite tool) is writing to it; wait for it to finish, then run again.',
  },
  {
    codes: ['SQLITE_NOTADB', 'SQLITE_CORRUPT'],
    message: 'is not a translation memory or is damaged',
    hint: 'Point the memory at another file, or restore this one from a backup or a TMX export.',
  },
  {
    codes: ['SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_PERM', 'SQLITE_AUTH', 'SQLITE_IOERR', 'SQLITE_FULL'],
    message: 'cannot be opened or written',
    hint: 'Check that its folder exists and is writable and that the disk has space.',
  },
];

/**
 * Turns a SQLite failure that a person can fix (locked, unopenable, damaged file) into a MemorySetupError;
 * anything else (a bug) is returned unchanged.
 */
export function toMemoryError(error: unknown, file: string): unknown {
  if (error instanceof JialingError || !(error instanceof Database.SqliteError)) return error;
  // Extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_IOERR_WRITE…) share their primary code's remedy.
  const problem = setupProblems.find(({ codes }) => codes.some((code) => error.code === code || error.code.startsWith(`${code}_`)));
  if (!problem) return error;
  return new MemorySetupError(`The translation memory ${file} ${problem.message} (${error.code}: ${error.message}).`, { hint: problem.hint, cause: error });
}
