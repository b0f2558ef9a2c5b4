import { createHash } from 'node:crypto';
import { parseTaggedText, stringifyTaggedText } from '../../markdown/tagged-text.ts';

/** Tagged text spelled one way, so that escapes written differently compare equal. */
export function canonicalTagged(taggedText: string): string {
  return stringifyTaggedText(parseTaggedText(taggedText).nodes);
}

/**
 * A short fingerprint of a segment's translation (`none` when it has none), written into an export so that an
 * import can tell which targets a reviewer changed in the file and which changed in the project since.
 */
export function targetStamp(target: string | undefined): string {
  if (target === undefined) return 'none';
  return createHash('sha256').update(canonicalTagged(target)).digest('base64url').slice(0, 16);
}
