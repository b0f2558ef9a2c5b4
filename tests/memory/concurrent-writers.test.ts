import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SqliteMemory } from '../../src/memory/sqlite/sqlite-memory.ts';
import { makeTempDir, removeTempDir } from './support/memory-fixtures.ts';

const writerScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'support', 'write-entries.ts');
const openerScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'support', 'open-at-once.ts');
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

let dir: string;

beforeEach(async () => {
  dir = await makeTempDir();
});

afterEach(async () => {
  await removeTempDir(dir);
});

function runWriter(file: string, writer: string, batches: number, other: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return runScript(writerScript, [file, writer, String(batches), other]);
}

function runScript(script: string, args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsxLoader, script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

it('stays whole when two processes create and write the same memory at once', async () => {
  const file = path.join(dir, 'memory.sqlite');
  const batches = 500;
  const results = await Promise.all([runWriter(file, 'A', batches, 'B'), runWriter(file, 'B', batches, 'A')]);
  for (const result of results) {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  }
  const [first, second] = results.map((result) => JSON.parse(result.stdout) as { found: number; startedAt: number; endedAt: number });
  expect([first!.found, second!.found]).toEqual([batches, batches]);
  // The writers' write loops overlapped in time, or the test proved nothing.
  expect(first!.startedAt).toBeLessThan(second!.endedAt);
  expect(second!.startedAt).toBeLessThan(first!.endedAt);

  // The fuzzy index catches up with the writes before the first search.
  const indexing = SqliteMemory.open(file);
  expect(await indexing.indexForSuggestions()).toBe(3 * batches);
  await indexing.close();
  const db = new Database(file);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  // Throws if the trigram index and the entries it indexes disagree.
  db.exec(`INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)`);
  db.close();

  const memory = SqliteMemory.open(file);
  // Each writer's own sentences plus one row per shared sentence, whichever writer stored it last.
  expect(await memory.counts()).toEqual({ entries: 3 * batches, reviewed: 0 });
  expect((await memory.suggest('Sentence 42 written by C.', 'en', 'fr', { limit: 2 })).map((suggestion) => suggestion.sourceText).sort()).toEqual([
    'Sentence 42 written by A.',
    'Sentence 42 written by B.',
  ]);
  await memory.close();
});

it('opens a new memory that several processes open at the same moment, every time', async () => {
  // Twenty new files, each opened by three processes at once, once they have all started.
  const firstStart = Date.now() + 4000;
  const starts = Array.from({ length: 20 }, (_, round) => String(firstStart + round * 150));
  const results = await Promise.all([1, 2, 3].map(() => runScript(openerScript, [dir, ...starts])));
  for (const result of results) {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
  }
});
