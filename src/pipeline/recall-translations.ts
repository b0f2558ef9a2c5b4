import type { Glossary } from '../glossary/glossary.ts';
import { memoryKey } from '../memory/memory-key.ts';
import type { MemoryEntry } from '../memory/memory-entry.ts';
import type { MemoryStore } from '../memory/memory-store.ts';
import type { MaskedSegment } from './mask-article.ts';
import type { PendingMemoryEntry } from './prepare-targets.ts';
import { wrapLikeSource } from './wrap-like-source.ts';

/** What the memory already holds for an article's texts in one language, and what must still be sent. */
export interface Recalled {
  /** Stored translations by masked text. */
  readonly known: Map<string, string>;
  /** Texts to send, each with what its memory entry will need. */
  readonly missing: Map<string, PendingMemoryEntry>;
  /** Texts whose replies failed the checks `maxBrokenReplies` times: not sent again, written in the source language. */
  readonly gaveUp: Set<string>;
  /** The stored entry of each known text, and the key each text is stored under. */
  readonly entries: Map<string, MemoryEntry>;
  readonly keys: Map<string, string>;
}

export interface RecallInput {
  readonly memory?: MemoryStore;
  readonly glossary: Glossary;
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  readonly engineProfile: string;
  readonly articlePath: string;
}

/** How often an engine may answer a text with a reply that fails the checks before the text is no longer sent. */
export const maxBrokenReplies = 3;

/** Looks an article's texts up in the memory; keys hold the text, pair, engine profile and the versions of the glossary terms in it. */
export async function recallTranslations(masked: readonly MaskedSegment[], texts: readonly string[], input: RecallInput): Promise<Recalled> {
  const termIds = new Map(masked.map((item) => [item.text, item.masks.map((mask) => mask.termId)]));
  const requests = texts.map((text) => {
    const glossaryVersion = input.glossary.version(termIds.get(text) ?? [], input.targetLanguage);
    const key = memoryKey({ sourceText: text, sourceLanguage: input.sourceLanguage, targetLanguage: input.targetLanguage, engineProfile: input.engineProfile, glossaryVersion });
    return { text, key, glossaryVersion };
  });
  const found = (await input.memory?.lookup(requests.map(({ key, text }) => ({ key, sourceText: text, sourceLanguage: input.sourceLanguage, targetLanguage: input.targetLanguage })))) ?? new Map<string, MemoryEntry>();
  const known = new Map<string, string>();
  const missing = new Map<string, PendingMemoryEntry>();
  const gaveUp = new Set<string>();
  const entries = new Map<string, MemoryEntry>();
  const rejected = (await input.memory?.rejectedAttempts(requests.filter(({ key }) => !found.has(key)).map(({ key }) => key))) ?? new Map<string, number>();
  for (const { text, key, glossaryVersion } of requests) {
    const entry = found.get(key);
    if (entry) {
      known.set(text, translationFor(entry, text));
      entries.set(text, entry);
    } else if ((rejected.get(key) ?? 0) >= maxBrokenReplies) gaveUp.add(text);
    else missing.set(text, { key, glossaryVersion, articlePath: input.articlePath });
  }
  return { known, missing, gaveUp, entries, keys: new Map(requests.map(({ text, key }) => [text, key])) };
}

// Keys ignore how a text is wrapped, so an entry may have been made for the same words wrapped otherwise: a
// machine translation is laid out from this text (see `wrapLikeSource`); a person's is kept as they wrote it.
export function translationFor(entry: MemoryEntry, text: string): string {
  return entry.status === 'machine' ? wrapLikeSource(text, entry.targetText) : entry.targetText;
}
