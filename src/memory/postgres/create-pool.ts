import pg from 'pg';

/**
 * A connection pool for a memory URL. TLS and other connection settings travel in the URL as libpq spells them
 * (`?sslmode=verify-full&sslrootcert=/path/ca.pem`), so they pass through to the driver unchanged.
 */
export function createPool(url: string, options: { readonly maxConnections?: number } = {}): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 4, application_name: 'jialing' });
  // A pooled connection the server drops while idle emits here; the next query on the pool reports the failure.
  pool.on('error', () => {});
  return pool;
}
