import { formatPlace } from '../errors.ts';
import { MemoryError } from './memory-error.ts';

/** A MemoryError about a TMX document, its message led by where: `file:line:col`, or `TMX line L, column C` for a string. */
export function tmxError(file: string | undefined, position: { line?: number; column?: number }, message: string, hint: string): MemoryError {
  const { line, column } = position;
  const where = file
    ? formatPlace({ file, line, column })
    : ['TMX', line === undefined ? '' : ` line ${line}`, column === undefined ? '' : `, column ${column}`].join('');
  return new MemoryError(`${where}: ${message}`, { hint: `${hint} Nothing was imported.`, place: file ? { file, line, column } : undefined });
}
