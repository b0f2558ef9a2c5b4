import { accessSync, constants, lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { unlessFailed } from './unless-failed.ts';

/**
 * Why an output must not be written, or undefined when it may be: a folder on its way that is a link
 * leading out of the output folder (the write would land elsewhere, as a linked source is refused), or an
 * existing file a person made read-only (a way of saying "leave this one alone").
 */
export async function checkOutputPath(outputRoot: string, relativePath: string): Promise<string | undefined> {
  // Synchronous for the reason `writeFileAtomic` gives.
  const file = path.join(outputRoot, relativePath);
  const escape = findEscapingLink(outputRoot, path.dirname(relativePath));
  if (escape) return `the folder ${escape.link} is a link leading outside the output folder (to ${escape.target}); jialing does not write through it`;
  const existing = unlessFailed(() => lstatSync(file));
  if (existing?.isFile() && (existing.mode & 0o222) === 0) return `it is read-only (mode ${(existing.mode & 0o777).toString(8)}); make it writable to have it replaced`;
  // Root may write anyway; everyone else is told before any work is done for it.
  if (existing?.isFile() && !isWritable(file)) return 'it cannot be written by this user';
  return undefined;
}

/** The first folder under `root` on the way to `relativeDir` that is a link resolving outside `root`. */
function findEscapingLink(root: string, relativeDir: string): { link: string; target: string } | undefined {
  if (relativeDir === '.' || relativeDir === '') return undefined;
  // The system's own realpath: one call, where Node's walks the path with a stat per folder.
  const realRoot = unlessFailed(() => realpathSync.native(root));
  if (!realRoot) return undefined;
  let current = root;
  for (const part of relativeDir.split(path.sep)) {
    current = path.join(current, part);
    // Any failure ends the walk as a missing entry does.
    const entry = unlessFailed(() => lstatSync(current));
    if (!entry) return undefined;
    if (!entry.isSymbolicLink()) continue;
    const target = unlessFailed(() => realpathSync.native(current));
    const inside = target === undefined ? undefined : path.relative(realRoot, target);
    if (inside === undefined || inside.startsWith('..') || path.isAbsolute(inside)) return { link: current, target: target ?? 'nowhere: the link is broken' };
  }
  return undefined;
}

function isWritable(file: string): boolean {
  return (
    unlessFailed(() => {
      accessSync(file, constants.W_OK);
      return true;
    }) ?? false
  );
}
