import { escapeTaggedText, parseTaggedText, stringifyTaggedText, type TaggedNode } from '../markdown/tagged-text.ts';
import { findTerms, type TermMatcher } from './match-terms.ts';

/** A term replaced by the placeholder `<x{id}/>` before translation. */
export interface TermMask {
  readonly id: number;
  readonly termId: string;
  /** The words the placeholder stands for, as written in the source. */
  readonly source: string;
}

/**
 * Replaces glossary terms in tagged text by new atoms `<xN/>`, numbered from `firstId` (above the
 * segment's own tag ids) in reading order. Only text is searched: atoms stay untouched and a term
 * never spans a tag boundary, so `<g1>Liangjiang</g1>` becomes `<g1><x3/></g1>`.
 */
export function maskTerms(taggedText: string, matcher: TermMatcher, firstId: number): { text: string; masks: TermMask[] } {
  const { nodes, problems } = parseTaggedText(taggedText);
  // Source segments are well formed; if one is not, rewriting it could only make it worse.
  if (problems.length > 0) return { text: taggedText, masks: [] };
  const masks: TermMask[] = [];
  const mask = (siblings: readonly TaggedNode[]): TaggedNode[] =>
    siblings.flatMap((node): TaggedNode[] => {
      if (node.type === 'pair') return [{ ...node, children: mask(node.children) }];
      if (node.type === 'atom') return [node];
      const matches = findTerms(matcher, node.value);
      if (matches.length === 0) return [node];
      const parts: TaggedNode[] = [];
      let position = 0;
      for (const match of matches) {
        if (match.start > position) parts.push({ type: 'text', value: node.value.slice(position, match.start) });
        const id = firstId + masks.length;
        masks.push({ id, termId: match.termId, source: match.text });
        parts.push({ type: 'atom', id });
        position = match.end;
      }
      if (position < node.value.length) parts.push({ type: 'text', value: node.value.slice(position) });
      return parts;
    });
  const masked = mask(nodes);
  return masks.length === 0 ? { text: taggedText, masks } : { text: stringifyTaggedText(masked), masks };
}

/**
 * Puts each term's target form, XML-escaped, where the engine left its placeholder. A placeholder
 * the engine repeated is replaced each time; one it lost is listed in `missing`.
 */
export function unmaskTerms(
  translated: string,
  masks: readonly TermMask[],
  targetForm: (termId: string) => string,
): { text: string; missing: TermMask[] } {
  const byId = new Map(masks.map((mask) => [mask.id, mask]));
  const seen = new Set<number>();
  const text = translated.replace(/<x(\d+)\s*\/>/g, (placeholder, id: string) => {
    const mask = byId.get(Number(id));
    if (!mask) return placeholder;
    seen.add(mask.id);
    return escapeTaggedText(targetForm(mask.termId));
  });
  return { text, missing: masks.filter((mask) => !seen.has(mask.id)) };
}
