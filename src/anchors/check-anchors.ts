import type { Root } from 'mdast';
import { parseMarkdown } from '../markdown/parse-markdown.ts';
import type { CheckContext } from '../qa/check-context.ts';
import { defaultSeverities } from '../qa/default-severities.ts';
import type { Finding } from '../qa/finding.ts';
import { shortenText } from '../qa/shorten-text.ts';
import type { AnchorOptions } from './anchor-options.ts';
import { collectAnchors } from './collect-anchors.ts';
import { createPairLookup, type PairLookup } from './create-pair-lookup.ts';
import { describeBrokenLink, type LandedLink } from './describe-broken-link.ts';
import { findFragmentLinks, type FragmentLink } from './find-fragment-links.ts';
import { mayHoldFragmentLink } from './may-hold-fragment-link.ts';
import { ownAnchorPair } from './own-anchor-pair.ts';
import { resolveFragment } from './resolve-fragment.ts';
import { traceFragment } from './trace-fragment.ts';

/** What `checkAnchors` needs besides the two texts. */
export type AnchorCheckContext = AnchorOptions & Pick<CheckContext, 'file' | 'targetLanguage' | 'severities'>;

/** Finds links of the translation that landed on a heading or id in the source and land nowhere in the translation. */
export function checkAnchors(sourceText: string, outputText: string, context: AnchorCheckContext): Finding[] {
  if (!mayHoldFragmentLink(outputText)) return [];
  const outputTree = parseMarkdown(outputText);
  const outputLinks = findFragmentLinks(outputTree, outputText);
  if (outputLinks.length === 0) return [];
  // The source is parsed only once a link lands nowhere, which a good translation never has.
  let sourceTree: Root | undefined;
  const parsedSource = () => (sourceTree ??= parseMarkdown(sourceText));
  const pairFor = createPairLookup(ownAnchorPair(parsedSource, collectAnchors(outputTree, context.style), context.style), context);
  let counterparts: readonly FragmentLink[] | undefined;
  // With as many links on both sides, each translated link answers for the source link in its place,
  // so a fragment edited by hand is still weighed against what it was.
  const counterpartOf = (index: number) => {
    counterparts ??= findFragmentLinks(parsedSource(), sourceText);
    return counterparts.length === outputLinks.length ? counterparts[index] : undefined;
  };
  return outputLinks.flatMap((link, index) => {
    const pair = pairFor(link.path);
    if (!pair || resolveFragment(link.fragment, pair.output) !== undefined) return [];
    const landed = landedInSource(link, pairFor) ?? landedInSource(counterpartOf(index), pairFor);
    return landed ? [findingFor(link, landed, context)] : [];
  });
}

function landedInSource(link: FragmentLink | undefined, pairFor: PairLookup): LandedLink | undefined {
  if (!link) return undefined;
  const pair = pairFor(link.path);
  const trace = pair && traceFragment(link.fragment, pair);
  return pair && trace?.sourceTarget ? { link, pair, trace } : undefined;
}

// A link is no segment, so `createFinding` does not fit: the finding quotes the link's markup at its own line.
function findingFor(link: FragmentLink, landed: LandedLink, context: AnchorCheckContext): Finding {
  return {
    check: 'anchor',
    severity: context.severities.anchor ?? defaultSeverities.anchor,
    file: context.file,
    language: context.targetLanguage,
    line: link.line,
    message: describeBrokenLink(link, landed),
    text: shortenText(link.markup),
  };
}
