import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** A README of an installed package, as one article of the corpus. */
export interface CorpusDocument {
  readonly packageName: string;
  /** The article's file name: the package name with `@` dropped and `/` as `__`, plus `.md`. */
  readonly fileName: string;
  readonly text: string;
}

const readmeName = /^readme\.md$/i;

/**
 * Collects the `README.md` (any case) at the top of each package folder under `node_modules`, scoped ones
 * too, sorted by package name, each text once, leaving out those under `minBytes`.
 */
export async function collectReadmes(nodeModules: string, minBytes = 1024): Promise<CorpusDocument[]> {
  const packages = (await listPackages(nodeModules)).sort((first, second) => (first < second ? -1 : first > second ? 1 : 0));
  const seen = new Set<string>();
  const documents: CorpusDocument[] = [];
  for (const packageName of packages) {
    const folder = path.join(nodeModules, packageName);
    const readme = (await readdir(folder)).filter((name) => readmeName.test(name)).sort()[0];
    if (readme === undefined) continue;
    const file = path.join(folder, readme);
    const info = await stat(file);
    if (!info.isFile() || info.size < minBytes) continue;
    const text = await readFile(file, 'utf8');
    if (seen.has(text)) continue;
    seen.add(text);
    documents.push({ packageName, fileName: `${packageName.replace(/^@/, '').replaceAll('/', '__')}.md`, text });
  }
  return documents;
}

async function listPackages(nodeModules: string): Promise<string[]> {
  const names: string[] = [];
  for (const name of await readdir(nodeModules)) {
    if (name.startsWith('.')) continue;
    if (!(await isFolder(path.join(nodeModules, name)))) continue;
    if (!name.startsWith('@')) {
      names.push(name);
      continue;
    }
    for (const scoped of await readdir(path.join(nodeModules, name))) {
      if (await isFolder(path.join(nodeModules, name, scoped))) names.push(`${name}/${scoped}`);
    }
  }
  return names;
}

async function isFolder(folder: string): Promise<boolean> {
  return (await stat(folder)).isDirectory();
}
