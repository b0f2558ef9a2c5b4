/** A database URL fit for messages and logs: the password, if any, replaced by `***`. */
export function maskPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    // A password can also travel as a query parameter, as libpq allows.
    if (parsed.searchParams.has('password')) parsed.searchParams.set('password', '***');
    return parsed.toString();
  } catch {
    // Not a URL the parser can read: say nothing of what it holds but its scheme.
    return `${url.split(':', 1)[0]}://…`;
  }
}

/** Whether a memory setting names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}
