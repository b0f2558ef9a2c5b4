import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const scripts = path.resolve(import.meta.dirname, '../../scripts');

/** A PostgreSQL server for tests, and how to stop it. */
export interface TestPostgres {
  /** URL of its `jialing` database, without a password (the cluster trusts local connections). */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * The server CI started (JIALING_TEST_DATABASE_URL), or a throw-away cluster of our own through
 * scripts/start-postgres.sh, so that `npx vitest run` works alone. Throws, failing the tests that need it,
 * when neither is possible: those tests never skip silently.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const given = process.env.JIALING_TEST_DATABASE_URL;
  if (given) return { url: given, stop: async () => {} };
  const folder = await mkdtemp(path.join(os.tmpdir(), 'jialing-test-postgres-'));
  try {
    const { stdout } = await run('bash', [path.join(scripts, 'start-postgres.sh'), '0', folder]);
    return { url: stdout.trim(), stop: () => run('bash', [path.join(scripts, 'stop-postgres.sh'), folder]).then(() => {}) };
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`These tests need PostgreSQL and none could be started: ${stderr?.trim() || (error as Error).message}. Install Debian's postgresql package, or set JIALING_TEST_DATABASE_URL.`);
  }
}

let databases = 0;

/** A new, empty database on the server, with the URL to reach it. */
export async function createTestDatabase(serverUrl: string): Promise<string> {
  const name = `jialing_test_${process.pid}_${++databases}_${Date.now().toString(36)}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
