import type { Segment } from '../markdown/segment.ts';
import { taggedTextToPlain } from '../markdown/tagged-text.ts';

const withoutAtoms = new WeakMap<Segment, string>();
const spacedAtoms = new WeakMap<Segment, string>();

/**
 * A segment's text without its tags, read once per segment however many checks ask: `atomText` ' ' puts a space
 * where each atom (inline code, an image) stood, which keeps the words around it apart.
 */
export function plainTextOf(segment: Segment, atomText: '' | ' ' = ''): string {
  const cache = atomText === '' ? withoutAtoms : spacedAtoms;
  let plain = cache.get(segment);
  if (plain === undefined) cache.set(segment, (plain = taggedTextToPlain(segment.text, atomText)));
  return plain;
}
