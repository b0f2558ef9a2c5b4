import type { ArticleSlugs } from './anchor-options.ts';
import { createDocumentAnchors, type DocumentAnchors } from './document-anchors.ts';

/** An article's anchors before and after translation; their headings pair by position. */
export interface AnchorPair {
  readonly source: DocumentAnchors;
  readonly output: DocumentAnchors;
}

/** The anchor pair of another article, from its slug lists (its ids set by hand are among them, unchanged). */
export function anchorPairOf(slugs: ArticleSlugs): AnchorPair {
  const anchorsOf = (list: readonly string[]) =>
    createDocumentAnchors(
      list.map((id) => ({ id: id === '' ? undefined : id, isExplicit: false, line: 0 })),
      [],
    );
  return { source: anchorsOf(slugs.sourceSlugs), output: anchorsOf(slugs.targetSlugs) };
}
