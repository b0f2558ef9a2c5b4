import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryError, MemorySetupError } from '../../src/memory/memory-error.ts';
import { migrate, migrations } from '../../src/memory/migrations.ts';
import { SqliteMemory } from '../../src/memory/sqlite/sqlite-memory.ts';
import { machineEntry, makeTempDir, removeTempDir, requestFor } from './support/memory-fixtures.ts';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await makeTempDir();
  file = path.join(dir, 'memory.sqlite');
});

afterEach(async () => {
  await removeTempDir(dir);
});

const userVersion = (database: string) => {
  const db = new Database(database, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true });
  } finally {
    db.close();
  }
};

describe('SqliteMemory.open', () => {
  it('creates the folder and migrates a new file to the latest schema in WAL mode', async () => {
    const nested = path.join(dir, 'a', 'b', 'memory.sqlite');
    SqliteMemory.open(nested).close();
    expect(userVersion(nested)).toBe(migrations.length);
    const db = new Database(nested, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('migrates an existing empty file', async () => {
    await writeFile(file, '');
    const memory = SqliteMemory.open(file);
    expect(await memory.counts()).toEqual({ entries: 0, reviewed: 0 });
    await memory.close();
    expect(userVersion(file)).toBe(migrations.length);
  });

  it('keeps its entries when reopened, without migrating again', async () => {
    const entry = machineEntry({ sourceText: 'Kept.', targetText: 'Gardé.' });
    const first = SqliteMemory.open(file);
    await first.store([entry]);
    await first.close();
    const second = SqliteMemory.open(file);
    expect((await second.lookup([requestFor(entry)])).get(entry.key)?.targetText).toBe('Gardé.');
    await second.close();
    expect(userVersion(file)).toBe(migrations.length);
  });

  it('refuses a file from a newer jialing with a setup error (exit code 2)', async () => {
    SqliteMemory.open(file).close();
    const db = new Database(file);
    db.pragma(`user_version = ${migrations.length + 1}`);
    db.close();
    const error = catchError(() => SqliteMemory.open(file));
    expect(error).toBeInstanceOf(MemorySetupError);
    expect(error).toMatchObject({ exitCode: 2 });
    expect((error as Error).message).toContain(`schema version ${migrations.length + 1}`);
    expect((error as MemoryError).hint).toContain('newer jialing');
  });

  it('refuses a file that is not a database, naming it', async () => {
    await writeFile(file, 'these are not the bytes of a SQLite database, just some text that is long enough '.repeat(20));
    const error = catchError(() => SqliteMemory.open(file));
    expect(error).toBeInstanceOf(MemorySetupError);
    expect((error as Error).message).toContain(`${file} is not a translation memory or is damaged`);
  });

  it('refuses a path whose folder cannot be created', async () => {
    await writeFile(path.join(dir, 'a-file'), '');
    const error = catchError(() => SqliteMemory.open(path.join(dir, 'a-file', 'memory.sqlite')));
    expect(error).toBeInstanceOf(MemorySetupError);
    expect((error as Error).message).toContain('Cannot create the folder');
  });

  it('opens and reads an up-to-date memory while another process is writing to it', async () => {
    const entry = machineEntry({ sourceText: 'Readable.', targetText: 'Lisible.' });
    const writer = SqliteMemory.open(file);
    await writer.store([entry]);
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      const reader = SqliteMemory.open(file, { busyTimeoutMs: 100 });
      expect((await reader.lookup([requestFor(entry)])).get(entry.key)?.targetText).toBe('Lisible.');
      await reader.close();
    } finally {
      other.exec('ROLLBACK');
      other.close();
      await writer.close();
    }
  });

  it('fails a write with a setup error once another connection holds the lock longer than the busy timeout', async () => {
    const memory = SqliteMemory.open(file, { busyTimeoutMs: 100 });
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      const error = await memory.store([machineEntry({ sourceText: 'Blocked.', targetText: 'Bloqué.' })]).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(MemorySetupError);
      expect((error as Error).message).toContain('is locked by another process');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    await memory.store([machineEntry({ sourceText: 'Free again.', targetText: 'Libre.' })]);
    expect((await memory.counts()).entries).toBe(1);
    await memory.close();
  });
});

describe('migrate', () => {
  it('runs only the steps a file has not had yet, in order', async () => {
    const steps = [
      { description: 'one', sql: 'CREATE TABLE one (value TEXT)' },
      { description: 'two', sql: "INSERT INTO one VALUES ('from two')" },
    ];
    const db = new Database(file);
    migrate(db, file, steps.slice(0, 1));
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    migrate(db, file, steps);
    migrate(db, file, steps);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT value FROM one').pluck().all()).toEqual(['from two']);
    db.close();
  });

  it('leaves the file at its old version when a step fails', async () => {
    const db = new Database(file);
    migrate(db, file, [{ description: 'one', sql: 'CREATE TABLE one (value TEXT)' }]);
    expect(() => migrate(db, file, [{ description: 'one', sql: 'CREATE TABLE one (value TEXT)' }, { description: 'broken', sql: 'CREATE TABLE one (x)' }])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });
});

function catchError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('SqliteMemory outputs', () => {
  it('keep an output written as rebuilt once, so the file grows by the source and the output only', async () => {
    const memory = SqliteMemory.open(file);
    // Texts of some 14 KB, beside which the pages' own overhead is small.
    const article = (index: number) => Array.from({ length: 2000 }, (_, word) => `w${index}x${word}`).join(' ');
    let written = 0;
    for (let index = 0; index < 100; index++) {
      const sourceText = article(index);
      const outputText = article(index + 1000);
      written += sourceText.length + outputText.length;
      await memory.recordOutput({ language: 'es', file: `a${index}.md`, sourceText, outputText, rebuiltText: outputText });
    }
    await memory.close();
    // Closing the last connection folds the write-ahead log into the file.
    const { size } = await stat(file);
    expect(size).toBeLessThan(written * 1.25);
  });
});
