import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySetupError } from '../../src/memory/memory-error.ts';
import { maskPassword } from '../../src/memory/postgres/mask-password.ts';
import { migratePostgresMemory } from '../../src/memory/postgres/migrate-postgres-memory.ts';
import { postgresMigrations } from '../../src/memory/postgres/postgres-migrations.ts';
import { PostgresMemory } from '../../src/memory/postgres/postgres-memory.ts';
import { createTestDatabase, startTestPostgres, type TestPostgres } from '../support/postgres.ts';
import { machineEntry, requestFor } from './support/memory-fixtures.ts';

let server: TestPostgres;

beforeAll(async () => {
  server = await startTestPostgres();
});

afterAll(async () => {
  await server?.stop();
});

async function failureOf(action: Promise<unknown>): Promise<Error> {
  const error = await action.then(() => undefined, (caught: unknown) => caught);
  if (!(error instanceof Error)) throw new Error('expected the action to fail');
  return error;
}

async function withClient<T>(url: string, action: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}

describe('maskPassword', () => {
  it('hides the password of a URL, wherever it is given', () => {
    expect(maskPassword('postgres://jialing:s3cret@db.example:5432/tm?sslmode=require')).toBe('postgres://jialing:***@db.example:5432/tm?sslmode=require');
    expect(maskPassword('postgres://jialing@db.example/tm?password=s3cret')).toBe('postgres://jialing@db.example/tm?password=***');
    expect(maskPassword('postgres://db.example/tm')).toBe('postgres://db.example/tm');
    expect(maskPassword('postgres://user:pa ss@[broken')).not.toContain('pa ss');
  });
});

describe('PostgresMemory.open', () => {
  it('refuses a database that was never migrated, with a setup error (exit code 2) that says to run memory migrate', async () => {
    const url = await createTestDatabase(server.url);
    const error = await failureOf(PostgresMemory.open(url));
    expect(error).toBeInstanceOf(MemorySetupError);
    expect(error).toMatchObject({ exitCode: 2 });
    expect(error.message).toContain(`is at schema version 0, and this jialing needs version ${postgresMigrations.length}`);
    expect((error as MemorySetupError).hint).toContain('jialing memory migrate');
    // Opening changed nothing: runs never migrate.
    expect(await withClient(url, async (client) => (await client.query(`SELECT to_regclass('entries') AS t`)).rows[0].t)).toBeNull();
  });

  it('works once migrated; migrating again, or twice at once, changes nothing', async () => {
    const url = await createTestDatabase(server.url);
    const results = await Promise.all([migratePostgresMemory(url), migratePostgresMemory(url)]);
    expect(results.map((result) => result.to)).toEqual([postgresMigrations.length, postgresMigrations.length]);
    expect(results.map((result) => result.from).sort()).toEqual([0, postgresMigrations.length]);
    expect(await migratePostgresMemory(url)).toEqual({ from: postgresMigrations.length, to: postgresMigrations.length });
    const memory = await PostgresMemory.open(url);
    const entry = machineEntry({ sourceText: 'Kept.', targetText: 'Gardé.' });
    await memory.store([entry]);
    expect((await memory.lookup([requestFor(entry)])).get(entry.key)?.targetText).toBe('Gardé.');
    await memory.close();
  });

  it('refuses a database set up by a newer jialing', async () => {
    const url = await createTestDatabase(server.url);
    await migratePostgresMemory(url);
    await withClient(url, (client) => client.query('UPDATE jialing_schema SET version = version + 1'));
    const error = await failureOf(PostgresMemory.open(url));
    expect(error).toBeInstanceOf(MemorySetupError);
    expect(error.message).toContain(`has schema version ${postgresMigrations.length + 1}`);
  });

  it('names the database with its password masked when it cannot connect', async () => {
    const unreachable = new URL(server.url);
    unreachable.port = '1';
    unreachable.username = 'jialing';
    unreachable.password = 'hunter2-secret';
    const error = await failureOf(PostgresMemory.open(unreachable.toString()));
    expect(error).toBeInstanceOf(MemorySetupError);
    expect(error.message).toContain('postgres://jialing:***@127.0.0.1:1/');
    expect(error.message).toContain('cannot be reached');
    expect(`${error.message} ${(error as MemorySetupError).hint}`).not.toContain('hunter2-secret');
  });

  it('names the database with its password masked when the port answers but is not PostgreSQL', async () => {
    // A web server on the port the URL names, as a mistyped port finds: it answers the client's first bytes and hangs up.
    const sockets = new Set<net.Socket>();
    const web = net.createServer((socket) => {
      sockets.add(socket);
      socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
    });
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = web.address() as net.AddressInfo;
      const error = await failureOf(PostgresMemory.open(`postgres://jialing:hunter2-secret@127.0.0.1:${port}/memory`));
      expect(error).toBeInstanceOf(MemorySetupError);
      expect(error.message).toBe(`The translation memory postgres://jialing:***@127.0.0.1:${port}/memory closed the connection without answering as PostgreSQL does (Connection terminated unexpectedly).`);
      expect((error as MemorySetupError).hint).toContain('5432 by default');
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => web.close(resolve));
    }
  });

  it('names a database that does not exist', async () => {
    const missing = new URL(server.url);
    missing.pathname = '/no_such_database';
    const error = await failureOf(PostgresMemory.open(missing.toString()));
    expect(error).toBeInstanceOf(MemorySetupError);
    expect(error.message).toContain('has no such database');
  });

  it('finishes the writes still on their way before it closes', async () => {
    const url = await createTestDatabase(server.url);
    await migratePostgresMemory(url);
    const memory = await PostgresMemory.open(url);
    const entries = Array.from({ length: 20 }, (_, index) => machineEntry({ sourceText: `Sentence ${index}.`, targetText: `Phrase ${index}.` }));
    const writes = entries.map((entry) => memory.store([entry]));
    await memory.close();
    await Promise.all(writes);
    const reopened = await PostgresMemory.open(url);
    expect((await reopened.counts()).entries).toBe(20);
    await reopened.close();
  });
});
