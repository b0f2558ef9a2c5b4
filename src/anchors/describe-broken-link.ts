import type { AnchorPair } from './anchor-pair.ts';
import type { FragmentLink } from './find-fragment-links.ts';
import type { FragmentTrace } from './trace-fragment.ts';

/** A link that landed in the source, with where it landed. */
export interface LandedLink {
  readonly link: FragmentLink;
  readonly pair: AnchorPair;
  readonly trace: FragmentTrace;
}

/** Says which link of the translation lands nowhere, where it is, and what to change. */
export function describeBrokenLink(link: FragmentLink, landed: LandedLink): string {
  const where = link.path === '' ? 'in the translation' : `in the translation of ${link.path}`;
  const start = `the link to "${link.path}#${link.fragment}" at line ${link.line} lands nowhere ${where}`;
  const target = landed.trace.sourceTarget!;
  if (target.kind === 'id') {
    return `${start}: the source has the id "${target.id}" and the translation lost it; restore the id, or point the link at an anchor the translation has`;
  }
  const sourceLine = landed.pair.source.headings[target.index]!.line;
  const heading = sourceLine > 0 ? `the heading it pointed to (line ${sourceLine} of the source)` : `the heading "#${landed.link.fragment}" it pointed to`;
  const renamedTo = landed.trace.renamedTo;
  if (renamedTo !== undefined) {
    return `${start}: ${heading} is "#${renamedTo}" in the translation; change the link to "${landed.link.path}#${renamedTo}"`;
  }
  return `${start}: the translation has no anchor for ${heading}; point the link at one of the translation's headings, or give that heading the id "${landed.link.fragment}"`;
}
