import { parseMarkdown } from '../markdown/parse-markdown.ts';
import type { AnchorOptions } from './anchor-options.ts';
import { collectAnchors } from './collect-anchors.ts';
import { createPairLookup } from './create-pair-lookup.ts';
import { findFragmentLinks } from './find-fragment-links.ts';
import { mayHoldFragmentLink } from './may-hold-fragment-link.ts';
import { ownAnchorPair } from './own-anchor-pair.ts';
import { traceFragment } from './trace-fragment.ts';
import { writeFragment } from './write-fragment.ts';

/**
 * Points the translation's links at its translated headings: a fragment that lands on a source heading becomes
 * the slug of the translated heading in the same position. Links to ids set by hand, links that land nowhere in
 * the source and every other byte stay as they are. Under `keep` the translation is returned untouched.
 */
export function rewriteAnchors(sourceText: string, outputText: string, options: AnchorOptions): string {
  if (options.style === 'keep' || !mayHoldFragmentLink(outputText)) return outputText;
  const outputTree = parseMarkdown(outputText);
  const links = findFragmentLinks(outputTree, outputText);
  if (links.length === 0) return outputText;
  const ownPair = ownAnchorPair(() => parseMarkdown(sourceText), collectAnchors(outputTree, options.style), options.style);
  const pairFor = createPairLookup(ownPair, options);
  const edits: { start: number; end: number; text: string }[] = [];
  for (const link of links) {
    const pair = link.span && pairFor(link.path);
    const renamedTo = pair && traceFragment(link.fragment, pair).renamedTo;
    if (renamedTo !== undefined) edits.push({ ...link.span!, text: writeFragment(renamedTo, link.isPercentEncoded) });
  }
  if (edits.length === 0) return outputText;
  // HTML inside a link's text comes after the link in tree order but before its destination in the text.
  edits.sort((a, b) => a.start - b.start);
  let rewritten = '';
  let copied = 0;
  for (const edit of edits) {
    rewritten += outputText.slice(copied, edit.start) + edit.text;
    copied = edit.end;
  }
  return rewritten + outputText.slice(copied);
}
