import { constants } from 'node:fs';
import { access, lstat, realpath } from 'node:fs/promises';
import path from 'node:path';

/**
 * Why an output must not be written, or undefined when it may be: a folder on its way that is a link
 * leading out of the output folder (the write would land elsewhere, as a linked source is refused), or an
 * existing file a person made read-only (a way of saying "leave this one alone").
 */
export async function checkOutputPath(outputRoot: string, relativePath: string): Promise<string | undefined> {
  const file = path.join(outputRoot, relativePath);
  const escape = await findEscapingLink(outputRoot, path.dirname(relativePath));
  if (escape) return `the folder ${escape.link} is a link leading outside the output folder (to ${escape.target}); jialing does not write through it`;
  const existing = await lstat(file).catch(() => undefined);
  if (existing?.isFile() && (existing.mode & 0o222) === 0) return `it is read-only (mode ${(existing.mode & 0o777).toString(8)}); make it writable to have it replaced`;
  // Root may write anyway; everyone else is told before any work is done for it.
  if (existing?.isFile() && (await access(file, constants.W_OK).then(() => false, () => true))) return 'it cannot be written by this user';
  return undefined;
}

/** The first folder under `root` on the way to `relativeDir` that is a link resolving outside `root`. */
async function findEscapingLink(root: string, relativeDir: string): Promise<{ link: string; target: string } | undefined> {
  if (relativeDir === '.' || relativeDir === '') return undefined;
  const realRoot = await realpath(root).catch(() => undefined);
  if (!realRoot) return undefined;
  let current = root;
  for (const part of relativeDir.split(path.sep)) {
    current = path.join(current, part);
    const entry = await lstat(current).catch(() => undefined);
    if (!entry) return undefined;
    if (!entry.isSymbolicLink()) continue;
    const target = await realpath(current).catch(() => undefined);
    const inside = target === undefined ? undefined : path.relative(realRoot, target);
    if (inside === undefined || inside.startsWith('..') || path.isAbsolute(inside)) return { link: current, target: target ?? 'nowhere: the link is broken' };
  }
  return undefined;
}
