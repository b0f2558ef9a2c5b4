import type { DocumentAnchors } from './document-anchors.ts';

/** Where a fragment lands: an id set by hand, or the heading at a position. */
export type FragmentTarget = { readonly kind: 'id'; readonly id: string } | { readonly kind: 'heading'; readonly index: number };

/** Where a link's fragment (percent-decoded) lands in a document, looked up as GitHub does: as written, then lowercased. */
export function resolveFragment(fragment: string, anchors: DocumentAnchors): FragmentTarget | undefined {
  if (fragment === '') return undefined;
  for (const candidate of new Set([fragment, fragment.toLowerCase()])) {
    if (anchors.explicitIds.has(candidate)) return { kind: 'id', id: candidate };
    const index = anchors.slugIndex.get(candidate);
    if (index !== undefined) return { kind: 'heading', index };
  }
  return undefined;
}
