import { createHash } from 'node:crypto';
import { segmentId } from '../markdown/segment-id.ts';

/** What identifies a translation in the memory. */
export interface MemoryKeyInput {
  /** Masked source text (tagged text, glossary terms as `<xN/>`). */
  readonly sourceText: string;
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  /** Engine and the options that change its output (formality, model); a new profile means new translations. */
  readonly engineProfile: string;
  readonly glossaryVersion: string;
}

// Bumped when what goes into a key changes, so old and new keys can never collide.
const keyFormat = 1;

/**
 * Memory key of a translation: a hash of the normalised source text, the pair (case-insensitive,
 * as BCP 47 codes are), the engine profile and the glossary version. Never the segment's position.
 */
export function memoryKey(input: MemoryKeyInput): string {
  const parts = [
    keyFormat,
    segmentId(input.sourceText),
    input.sourceLanguage.toLowerCase(),
    input.targetLanguage.toLowerCase(),
    input.engineProfile,
    input.glossaryVersion,
  ];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}
