import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { expect, it } from 'vitest';

const run = promisify(execFile);
const scripts = path.resolve(import.meta.dirname, '../../scripts');

it('starts a throw-away PostgreSQL on 127.0.0.1, prints its URL, and the stop script removes it', async () => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'jialing-script-postgres-'));
  const { stdout } = await run('bash', [path.join(scripts, 'start-postgres.sh'), '0', folder]);
  try {
    const url = stdout.trim();
    expect(url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/jialing$/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      expect((await client.query('SHOW listen_addresses')).rows[0].listen_addresses).toBe('127.0.0.1');
      // The memory's fuzzy search needs pg_trgm, which ships with the server.
      await client.query('CREATE EXTENSION pg_trgm');
      expect((await client.query(`SELECT similarity('bridge', 'bridges') > 0.5 AS similar`)).rows[0].similar).toBe(true);
    } finally {
      await client.end();
    }
  } finally {
    await run('bash', [path.join(scripts, 'stop-postgres.sh'), folder]);
  }
  expect(existsSync(folder)).toBe(false);
});
