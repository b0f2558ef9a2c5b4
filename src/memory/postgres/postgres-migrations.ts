import type pg from 'pg';
import type { Migration } from '../migrations.ts';
import { MemorySetupError } from '../memory-error.ts';

/**
 * The PostgreSQL memory's schema, oldest step first. Append only: a released step is never edited. It holds
 * what the SQLite schema holds after all its steps, in PostgreSQL's terms: a pg_trgm index instead of FTS5.
 */
export const postgresMigrations: readonly Migration[] = [
  {
    description: 'entries, suggestions kept for reviewers, outputs as written, rejected replies; a trigram index for suggestions',
    sql: `
      -- Trusted since PostgreSQL 13: a database owner may create it without being a superuser.
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      CREATE TABLE entries (
        id bigserial PRIMARY KEY,
        key text NOT NULL UNIQUE,
        source_id text NOT NULL,
        source_text text NOT NULL,
        source_plain text NOT NULL,
        target_text text NOT NULL,
        -- Languages are compared lower-cased (BCP 47 codes are case-insensitive) and stored as given.
        source_language text NOT NULL,
        target_language text NOT NULL,
        engine_profile text NOT NULL,
        glossary_version text NOT NULL,
        origin text NOT NULL,
        status text NOT NULL CHECK (status IN ('machine', 'reviewed')),
        article_path text,
        -- ISO 8601 text, as the SQLite memory keeps them: entries copied between backends keep their exact times.
        created_at text NOT NULL,
        updated_at text NOT NULL
      );
      -- Only reviewed and imported entries are looked up by source text.
      CREATE INDEX entries_by_source ON entries (source_id, lower(source_language), lower(target_language)) WHERE status = 'reviewed' OR origin = 'import';
      CREATE INDEX entries_by_article ON entries (article_path, lower(source_language), lower(target_language));
      CREATE INDEX entries_trigrams ON entries USING gin (source_plain gin_trgm_ops);

      CREATE TABLE suggestions (key text PRIMARY KEY, suggestions text NOT NULL, updated_at text NOT NULL);

      CREATE TABLE outputs (
        target_language text NOT NULL,
        file text NOT NULL,
        source_text text NOT NULL,
        output_text text NOT NULL,
        rebuilt_text text,
        written_at text NOT NULL,
        PRIMARY KEY (target_language, file)
      );

      CREATE TABLE rejected (key text PRIMARY KEY, attempts integer NOT NULL, target_text text NOT NULL, rejected_at text NOT NULL);
    `,
  },
  {
    description: 'per article and language, what its output was made from and what the run reported, so an unchanged one is not redone',
    sql: `
      CREATE TABLE article_states (
        target_language text NOT NULL,
        file text NOT NULL,
        source_hash text NOT NULL,
        engine_profile text NOT NULL,
        glossary_version text NOT NULL,
        config_hash text NOT NULL,
        memory_version text NOT NULL,
        output_hash text NOT NULL,
        term_ids jsonb NOT NULL,
        outcome jsonb NOT NULL,
        PRIMARY KEY (target_language, file)
      );
    `,
  },
  {
    description: 'texts a run is sending to an engine, so that runs sharing the memory do not pay for one text at once',
    sql: `
      -- Expiry by the server's clock, so that machines whose clocks differ agree on when a lease ran out.
      CREATE TABLE claims (key text PRIMARY KEY, owner text NOT NULL, expires_at timestamptz NOT NULL);
      CREATE INDEX claims_by_owner ON claims (owner);
    `,
  },
  {
    description: 'the source texts of each kept article state, so that a reviewed translation redoes only the articles holding its text',
    sql: `
      ALTER TABLE article_states ADD COLUMN source_ids jsonb NOT NULL DEFAULT '[]';
    `,
  },
];

// Any number will do as long as nothing else in the database takes the same advisory lock.
const migrationLock = 7_211_905_318;

/** The schema version of the database; 0 for one that was never migrated. */
export async function postgresSchemaVersion(client: pg.ClientBase): Promise<number> {
  const table = await client.query<{ exists: boolean }>(`SELECT to_regclass('jialing_schema') IS NOT NULL AS exists`);
  if (!table.rows[0]!.exists) return 0;
  const version = await client.query<{ version: number }>('SELECT version FROM jialing_schema');
  return version.rows[0]?.version ?? 0;
}

/**
 * Brings the database's schema up to the last of `steps`, each step and its version in one transaction, under
 * an advisory lock so that two `memory migrate` at once run each step once. Refuses a database a newer jialing
 * set up. Returns the versions before and after.
 */
export async function migratePostgres(client: pg.ClientBase, location: string, steps: readonly Migration[] = postgresMigrations): Promise<{ from: number; to: number }> {
  await client.query('SELECT pg_advisory_lock($1)', [migrationLock]);
  try {
    const from = await postgresSchemaVersion(client);
    checkNotNewer(from, location, steps);
    for (const [index, step] of steps.slice(from).entries()) {
      await client.query('BEGIN');
      try {
        await client.query(step.sql);
        await client.query('CREATE TABLE IF NOT EXISTS jialing_schema (version integer NOT NULL)');
        await client.query('DELETE FROM jialing_schema');
        await client.query('INSERT INTO jialing_schema (version) VALUES ($1)', [from + index + 1]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return { from, to: Math.max(from, steps.length) };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [migrationLock]);
  }
}

/** Refuses a database whose schema this jialing does not know: too new, or never migrated (a clear exit-2 message). */
export function checkSchemaVersion(version: number, location: string, steps: readonly Migration[] = postgresMigrations): void {
  checkNotNewer(version, location, steps);
  if (version < steps.length) {
    throw new MemorySetupError(`The translation memory ${location} is at schema version ${version}, and this jialing needs version ${steps.length}.`, {
      hint: 'Run `jialing memory migrate` once (as a user allowed to create tables), then run again. Runs and workers never change the schema themselves.',
    });
  }
}

function checkNotNewer(version: number, location: string, steps: readonly Migration[]): void {
  if (version > steps.length) {
    throw new MemorySetupError(`The translation memory ${location} has schema version ${version}, but this jialing knows versions up to ${steps.length}.`, {
      hint: 'It was set up by a newer jialing: update jialing, or point the memory at another database.',
    });
  }
}
