import pg from 'pg';

/**
 * A connection pool for a memory URL. TLS and other connection settings travel in the URL as libpq spells them
 * (`?sslmode=verify-full&sslrootcert=/path/ca.pem`), so they pass through to the driver unchanged.
 */
export function createPool(url: string, options: { readonly maxConnections?: number; readonly settings?: Readonly<Record<string, string | number>> } = {}): pg.Pool {
  // Settings travel with each connection's start-up, so no query has to run before a connection is used.
  const settings = Object.entries(options.settings ?? {}).map(([name, value]) => `-c ${name}=${value}`).join(' ');
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 4, application_name: 'jialing', ...(settings && { options: settings }) });
  // A pooled connection the server drops while idle emits here; the next query on the pool reports the failure.
  pool.on('error', () => {});
  return pool;
}
