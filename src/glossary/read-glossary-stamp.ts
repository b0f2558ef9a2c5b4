import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { glossaryFile } from './glossary-file.ts';

/**
 * A fingerprint of the glossary files of these languages and the languages they fall back to (`zh-TW` → `zh`):
 * it changes when a file is edited, added or removed, so a long-running process knows to load the glossary again.
 */
export async function readGlossaryStamp(localesDir: string, languages: readonly string[]): Promise<string> {
  const candidates = new Set(languages.flatMap((language) => language.split('-').map((_, end, parts) => parts.slice(0, parts.length - end).join('-'))));
  const hash = createHash('sha256');
  for (const language of [...candidates].sort()) {
    const text = await readFile(glossaryFile(localesDir, language), 'utf8').catch(() => undefined);
    hash.update(`${language}\u0000${text === undefined ? '-' : `+${text}`}\u0000`);
  }
  return hash.digest('base64url');
}
