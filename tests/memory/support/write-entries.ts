/**
 * Child process for the concurrency test: `node --import tsx write-entries.ts <file> <writer> <batches> <other writer>`.
 * Opens the memory (racing the other writer for the first migration) and stores small batches, each
 * holding one text of its own and one text both writers store, then looks its own texts up.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { SqliteMemory } from '../../../src/memory/sqlite/sqlite-memory.ts';
import { machineEntry, requestFor } from './memory-fixtures.ts';

const [file, writer, batchCount, other] = process.argv.slice(2);
const memory = SqliteMemory.open(file!);
// Both write loops start once both writers have opened the memory, so that they overlap on a busy machine too.
await writeFile(`${file}.${writer}.ready`, '');
const giveUpAt = Date.now() + 60_000;
while (!existsSync(`${file}.${other}.ready`) && Date.now() < giveUpAt) await sleep(2);
let found = 0;
const startedAt = Date.now();
for (let batch = 0; batch < Number(batchCount); batch++) {
  const own = machineEntry({ sourceText: `Sentence ${batch} written by ${writer}.`, targetText: `Phrase ${batch} de ${writer}.` });
  const shared = machineEntry({ sourceText: `Shared sentence ${batch}.`, targetText: `Phrase commune ${batch} (${writer}).` });
  await memory.store([own, shared]);
  if ((await memory.lookup([requestFor(own)])).has(own.key)) found++;
}
const endedAt = Date.now();
await memory.close();
process.stdout.write(JSON.stringify({ found, startedAt, endedAt }));
