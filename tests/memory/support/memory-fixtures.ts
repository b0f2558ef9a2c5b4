import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { NewMemoryEntry } from '../../../src/memory/memory-entry.ts';
import { memoryKey } from '../../../src/memory/memory-key.ts';

/** A fresh temporary folder for one test's memory files. */
export function makeTempDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'jialing-memory-'));
}

export function removeTempDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}

/** A clock that starts at 2024-01-01T00:00:00Z and moves one second per reading. */
export function steppingClock(): () => Date {
  let seconds = 0;
  return () => new Date(Date.UTC(2024, 0, 1, 0, 0, seconds++));
}

type EntryFields = Partial<Omit<NewMemoryEntry, 'key'>> & { sourceText: string; targetText: string };

/** A machine entry en→fr from DeepL with glossary version g1, keyed as the pipeline would key it. */
export function machineEntry(fields: EntryFields): NewMemoryEntry {
  const keyed = { sourceLanguage: 'en', targetLanguage: 'fr', engineProfile: 'deepl', glossaryVersion: 'g1', ...fields };
  return { origin: 'mt:deepl', ...keyed, key: memoryKey(keyed) };
}

/** What the pipeline asks the memory for a segment of `entry`'s pair, profile and glossary. */
export function requestFor(entry: Pick<NewMemoryEntry, 'sourceText' | 'sourceLanguage' | 'targetLanguage' | 'engineProfile' | 'glossaryVersion'>) {
  return { key: memoryKey(entry), sourceText: entry.sourceText, sourceLanguage: entry.sourceLanguage, targetLanguage: entry.targetLanguage };
}
