import type { Root } from 'mdast';
import type { AnchorStyle } from '../config/schema.ts';
import type { AnchorPair } from './anchor-pair.ts';
import { collectAnchors } from './collect-anchors.ts';
import type { DocumentAnchors } from './document-anchors.ts';

/** The article's own anchor pair; the source's anchors are collected when first read, so a source is parsed only if a link needs it. */
export function ownAnchorPair(sourceTree: () => Root, output: DocumentAnchors, style: AnchorStyle): AnchorPair {
  let source: DocumentAnchors | undefined;
  return {
    output,
    get source() {
      return (source ??= collectAnchors(sourceTree(), style));
    },
  };
}
