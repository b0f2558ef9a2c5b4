import type { AnchorPair } from './anchor-pair.ts';
import { resolveFragment, type FragmentTarget } from './resolve-fragment.ts';

/** What became of a link's target in the translation. */
export interface FragmentTrace {
  /** Where the fragment lands in the source, if anywhere. */
  readonly sourceTarget: FragmentTarget | undefined;
  /** The translated heading's id, when the fragment lands on a source heading whose translation has another id. */
  readonly renamedTo: string | undefined;
}

/** Follows a fragment from the source's anchors to the translation's: headings pair by position, ids set by hand stay. */
export function traceFragment(fragment: string, pair: AnchorPair): FragmentTrace {
  const sourceTarget = resolveFragment(fragment, pair.source);
  return { sourceTarget, renamedTo: sourceTarget?.kind === 'heading' ? renamed(pair, sourceTarget.index) : undefined };
}

function renamed(pair: AnchorPair, index: number): string | undefined {
  // Headings pair only while the translation has as many as the source; otherwise which is which is a guess.
  if (pair.source.headings.length !== pair.output.headings.length) return undefined;
  const before = pair.source.headings[index]!.id;
  const after = pair.output.headings[index]!.id;
  return after !== undefined && after !== before ? after : undefined;
}
