import { JialingError } from '../../errors.ts';
import { MemorySetupError } from '../memory-error.ts';

// SQLSTATE classes and Node socket codes a person fixes in the setup (server, credentials, database, rights).
const setupProblems: readonly { codes: readonly string[]; message: string; hint: string }[] = [
  {
    codes: ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', '57P01', '57P03', '08'],
    message: 'cannot be reached',
    hint: 'Check that the server runs and that the host and port of the memory URL are right.',
  },
  {
    codes: ['28'],
    message: 'refused the credentials',
    hint: 'Check the user and password of the memory URL (set it through an environment variable, never in the config).',
  },
  {
    codes: ['3D000'],
    message: 'has no such database',
    hint: 'Create the database (createdb), then run `jialing memory migrate`.',
  },
  {
    codes: ['42501'],
    message: 'does not let this user do that',
    hint: 'Grant the user the rights on the database (or run `jialing memory migrate` as its owner).',
  },
];

/**
 * Turns a PostgreSQL failure that a person can fix (server down, wrong credentials, missing database) into a
 * MemorySetupError naming the masked URL; anything else (a bug) is returned unchanged.
 */
export function toPostgresError(error: unknown, location: string): unknown {
  if (error instanceof JialingError || !(error instanceof Error)) return error;
  const code = (error as { code?: unknown }).code;
  // The client's own word, without a code, for a peer that hung up: a server that is not PostgreSQL (a wrong
  // port), or one that turned this client away before any exchange.
  if (code === undefined && /^Connection terminated/.test(error.message)) {
    return new MemorySetupError(`The translation memory ${location} closed the connection without answering as PostgreSQL does (${error.message}).`, {
      hint: "Check that the host and port of the memory URL are a PostgreSQL server's (5432 by default), and that it accepts this client (pg_hba.conf, sslmode).",
      cause: error,
    });
  }
  if (typeof code !== 'string') return error;
  const problem = setupProblems.find(({ codes }) => codes.some((known) => code === known || (known.length === 2 && code.startsWith(known))));
  if (!problem) return error;
  return new MemorySetupError(`The translation memory ${location} ${problem.message} (${code}: ${error.message}).`, { hint: problem.hint, cause: error });
}
