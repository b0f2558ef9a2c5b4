import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir, runCli, stackFrames, writeProject } from '../support/cli.ts';
import { createTestDatabase, startTestPostgres, type TestPostgres } from '../support/postgres.ts';

// A project whose memory is a PostgreSQL database named through an environment variable, run through the real CLI.

// Each case starts the CLI several times, each a new Node process: slow on a loaded machine.
const timeout = 240_000;

const article = '# The house is red\n\nThe city is big.\n\nThe bridge is long.\n';

let server: TestPostgres;
let dir: string;
let url: string;

beforeAll(async () => {
  server = await startTestPostgres();
});

afterAll(async () => {
  await server?.stop();
});

beforeEach(async () => {
  dir = await makeTempDir('jialing-postgres-cli-');
  url = await createTestDatabase(server.url);
  await writeProject(dir, {
    'pipeline.config.json': JSON.stringify({ targetLanguages: ['fr'], engine: 'pseudo', memory: { url: { env: 'JIALING_DATABASE_URL' } } }),
    'articles/en/index.md': article,
  });
});

afterEach(async () => {
  await removeTempDir(dir);
});

const cli = (args: readonly string[], databaseUrl = url) => runCli(args, { cwd: dir, env: { JIALING_DATABASE_URL: databaseUrl } });

interface Summary {
  languages: Record<string, { fromMemory: number; translated: number }>;
}

describe('a PostgreSQL memory through the CLI', () => {
  it('refuses to translate into a database never migrated, with exit 2, a masked URL and what to run', async () => {
    const withPassword = new URL(url);
    withPassword.password = 'pw-very-secret';
    const result = await cli(['translate', '-q'], withPassword.toString());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(':***@127.0.0.1');
    expect(result.stderr).toContain('jialing memory migrate');
    expect(result.stderr + result.stdout).not.toContain('pw-very-secret');
    expect(stackFrames(result.stderr)).toEqual([]);
  }, timeout);

  it('says which variable is missing when the config names one that is not set', async () => {
    const result = await runCli(['translate', '-q'], { cwd: dir, env: { JIALING_DATABASE_URL: undefined } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('JIALING_DATABASE_URL is not set');
  }, timeout);

  it('translates once migrated, and a second run takes everything from the database', async () => {
    const migrated = await cli(['memory', 'migrate']);
    expect(migrated.stderr).toContain('Migrated the memory postgres://postgres@127.0.0.1');
    expect(migrated.code).toBe(0);
    expect((await cli(['memory', 'migrate'])).stderr).toContain('is up to date');

    const first = await cli(['translate', '--json']);
    expect(first.code).toBe(0);
    expect((JSON.parse(first.stdout) as Summary).languages.fr).toMatchObject({ translated: 3, fromMemory: 0 });
    const output = await readFile(path.join(dir, 'articles', 'fr', 'index.md'), 'utf8');

    const second = await cli(['translate', '--json']);
    expect((JSON.parse(second.stdout) as Summary).languages.fr).toMatchObject({ translated: 0, fromMemory: 3 });
    expect(await readFile(path.join(dir, 'articles', 'fr', 'index.md'), 'utf8')).toBe(output);

    const status = await cli(['status', '--json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject([{ file: 'index.md', language: 'fr', state: 'up-to-date' }]);
  }, timeout);

  it('copies the memory to a SQLite file and back into another database, checking the counts', async () => {
    await cli(['memory', 'migrate']);
    await cli(['translate', '-q']);
    const toFile = await cli(['memory', 'copy', '--to', 'backup.db']);
    expect(toFile.stderr).toContain('Copied 3 entries (0 reviewed), 1 output,');
    expect(toFile.stderr).toContain('the counts match');
    expect(toFile.code).toBe(0);

    const other = await createTestDatabase(server.url);
    expect((await cli(['memory', 'migrate', other])).code).toBe(0);
    const back = await runCli(['memory', 'copy', '--from', 'backup.db', '--to', 'env:OTHER_DATABASE_URL'], { cwd: dir, env: { JIALING_DATABASE_URL: url, OTHER_DATABASE_URL: other } });
    expect(back.stderr).toContain('Copied 3 entries (0 reviewed), 1 output,');
    expect(back.code).toBe(0);

    const again = await runCli(['memory', 'copy', '--from', 'backup.db', '--to', 'env:OTHER_DATABASE_URL'], { cwd: dir, env: { JIALING_DATABASE_URL: url, OTHER_DATABASE_URL: other } });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('is not empty');
  }, timeout);
});
