/**
 * Child process for the test of memories opened at once: `node --import tsx open-at-once.ts <folder> <start>…`.
 * For each start time (milliseconds since 1970) it waits until then and opens the memory `round-<n>.db`, so that
 * every child opens each new file at the same moment. Prints the errors met, one per line.
 */
import path from 'node:path';
import { SqliteMemory } from '../../../src/memory/sqlite/sqlite-memory.ts';

const [folder, ...starts] = process.argv.slice(2);
const pause = new Int32Array(new SharedArrayBuffer(4));
for (const [round, start] of starts.entries()) {
  while (Date.now() < Number(start)) Atomics.wait(pause, 0, 0, 1);
  try {
    const memory = SqliteMemory.open(path.join(folder!, `round-${round}.db`));
    await memory.close();
  } catch (error) {
    process.stdout.write(`round ${round}: ${(error as Error).message}\n`);
  }
}
