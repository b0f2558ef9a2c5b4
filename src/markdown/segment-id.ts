import { createHash } from 'node:crypto';

/** Content identity of a segment: the same text gets the same id wherever it stands. */
export function segmentId(taggedText: string): string {
  const normalised = taggedText.normalize('NFC').replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normalised).digest('hex').slice(0, 16);
}
