import type { Heading, Root } from 'mdast';
import type { AnchorStyle } from '../config/schema.ts';
import { createDocumentAnchors, type DocumentAnchors } from './document-anchors.ts';
import { explicitHeadingId } from './explicit-heading-id.ts';
import { headingText } from './heading-text.ts';
import { htmlIds } from './html-ids.ts';
import { nodesOf } from './nodes-of.ts';
import { slugify } from './slugify.ts';

/** The targets of a document's links: heading slugs in document order under the style, and explicit ids. */
export function collectAnchors(tree: Root, style: AnchorStyle = 'github'): DocumentAnchors {
  const headings: Heading[] = [];
  const explicitIds: string[] = [];
  for (const node of nodesOf(tree)) {
    if (node.type === 'heading') headings.push(node);
    else if (node.type === 'html') explicitIds.push(...htmlIds(node.value));
  }
  const headingIds = headings.map(explicitHeadingId);
  explicitIds.push(...headingIds.filter((id) => id !== undefined));
  // A heading with an explicit id takes no slug, so it does not count toward numbering repeats either.
  const slugged = headings.filter((_, index) => headingIds[index] === undefined);
  // Under `keep` there are no slugs, so a heading without an explicit id gets none.
  const slugs = style === 'keep' ? [] : slugify(slugged.map(headingText), style);
  let next = 0;
  const anchors = headings.map((heading, index) => {
    const explicit = headingIds[index];
    const id = explicit ?? slugs[next++];
    return { id, isExplicit: explicit !== undefined, line: heading.position?.start.line ?? 0 };
  });
  return createDocumentAnchors(anchors, explicitIds);
}
