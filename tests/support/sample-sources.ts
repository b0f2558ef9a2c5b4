import { execFileSync } from 'node:child_process';
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from './cli.ts';

/**
 * Copies the repository's sample sources into `dir`: the English articles, the glossary of every language and
 * the English resource files. Never the outputs: after `npm start` the repository also holds es and ca resource
 * files, which a copied project would take for outputs someone else wrote. Only files the repository tracks,
 * where git can tell: an article a person added to try jialing out is not one of the samples the tests count.
 */
export async function copySampleSources(dir: string): Promise<void> {
  const locales = path.join(repoRoot, 'locales');
  const isSample = trackedFilter();
  await cp(path.join(repoRoot, 'articles', 'en'), path.join(dir, 'articles', 'en'), { recursive: true, filter: isSample });
  await cp(locales, path.join(dir, 'locales'), {
    recursive: true,
    filter: (source) => {
      const [language, file] = path.relative(locales, source).split(path.sep);
      return (file === undefined || language === 'en' || file === 'glossary.json') && isSample(source);
    },
  });
}

// Folders pass, so that `cp` walks into them; outside a git checkout (an unpacked archive) every file passes.
function trackedFilter(): (source: string) => boolean {
  let tracked: Set<string>;
  try {
    const listed = execFileSync('git', ['ls-files', '-z', '--', 'articles/en', 'locales'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    tracked = new Set(listed.split('\0').filter(Boolean).map((file) => path.join(repoRoot, file)));
  } catch {
    return () => true;
  }
  return (source) => tracked.has(source) || [...tracked].some((file) => file.startsWith(source + path.sep));
}
