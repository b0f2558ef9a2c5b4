import path from 'node:path';
import type { AnchorOptions } from './anchor-options.ts';
import { anchorPairOf, type AnchorPair } from './anchor-pair.ts';
import { resolveLinkPath } from './resolve-link-path.ts';

/** The anchors a link's path points into, if they are known. */
export type PairLookup = (linkPath: string) => AnchorPair | undefined;

/**
 * Looks up the anchors a link's path points into: this article's for an in-page link or one naming the article
 * itself, another article's through `otherArticles` (asked once per article), none for anything else.
 */
export function createPairLookup(ownPair: AnchorPair, options: AnchorOptions): PairLookup {
  const file = options.file === undefined ? undefined : path.posix.normalize(options.file);
  const others = new Map<string, AnchorPair | undefined>();
  return (linkPath) => {
    if (linkPath === '') return ownPair;
    const resolved = resolveLinkPath(linkPath, file);
    if (resolved !== undefined && resolved === file) return ownPair;
    if (resolved === undefined || !options.otherArticles) return undefined;
    if (!others.has(resolved)) {
      const slugs = options.otherArticles(resolved);
      others.set(resolved, slugs && anchorPairOf(slugs));
    }
    return others.get(resolved);
  };
}
