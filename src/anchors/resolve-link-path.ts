import path from 'node:path';

const scheme = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The path relative to the articles folder that a link's (percent-decoded) path names, seen from the article at
 * `file`; undefined for a URL with a scheme, a host, a root-relative path or a query, which name no article of the run.
 */
export function resolveLinkPath(linkPath: string, file = ''): string | undefined {
  if (linkPath.startsWith('/') || linkPath.includes('?') || scheme.test(linkPath)) return undefined;
  return path.posix.normalize(path.posix.join(path.posix.dirname(file), linkPath));
}
