import type { MarkupPart, Segment, Tag } from '../markdown/segment.ts';
import type { CheckContext } from './check-context.ts';
import { createFinding } from './create-finding.ts';
import type { Finding } from './finding.ts';

/**
 * Finds formatting, link and image URLs, inline code and HTML that the target lost, gained or changed.
 * Tags are compared as a multiset of their markup, not by id: a translation may reorder them.
 */
export function checkMarkup(source: Segment, target: Segment, context: CheckContext): Finding[] {
  const written = target.tags.map(markupOf);
  // Positions of each markup in the target, first first: a long line holds thousands of tags, so no scan per tag.
  const positions = new Map<string, number[]>();
  written.forEach((markup, index) => (positions.get(markup) ?? positions.set(markup, []).get(markup)!).push(index));
  const taken = new Set<number>();
  const lost: string[] = [];
  // Tags with one accepted form go first, so a reference link's alternative form cannot take another tag's match.
  const expected = source.tags.map(acceptedForms).sort((first, second) => first.length - second.length);
  for (const forms of expected) {
    // The earliest target tag with any accepted form, as a left-to-right search would find it.
    const form = forms.filter((candidate) => positions.get(candidate)?.length).sort((a, b) => positions.get(a)![0]! - positions.get(b)![0]!)[0];
    if (form === undefined) lost.push(forms[0]!);
    else taken.add(positions.get(form)!.shift()!);
  }
  const unmatched = written.filter((_, index) => !taken.has(index));
  if (lost.length === 0 && unmatched.length === 0) return [];
  const messages = [
    ...(lost.length > 0 ? [`missing from the source: ${lost.map(quote).join(', ')}`] : []),
    ...(unmatched.length > 0 ? [`not in the source: ${unmatched.map(quote).join(', ')}`] : []),
  ];
  return [createFinding('markup', target, context, `markup differs from the source; ${messages.join('; ')}`)];
}

function acceptedForms(tag: Tag): string[] {
  const written = markupOf(tag);
  // `[text]` and `[text][]` are written back as `[translated][text]` once the text no longer matches the label.
  if (tag.kind === 'pair' && tag.labelClose !== undefined) return [written, `${join(tag.open)}…${tag.labelClose}`];
  return [written];
}

function markupOf(tag: Tag): string {
  return tag.kind === 'atom' ? join(tag.markup) : `${join(tag.open)}…${join(tag.close)}`;
}

/** The markup without the nested segments (alt text, titles), which are checked as segments of their own. */
function join(parts: readonly MarkupPart[]): string {
  return parts.map((part) => (typeof part === 'string' ? sameEmphasis(part) : '')).join('');
}

/** `_` and `*` mean the same emphasis; a hand edit switching one for the other changes nothing a reader sees. */
function sameEmphasis(part: string): string {
  return /^[*_]+$/.test(part) ? part.replaceAll('_', '*') : part;
}

function quote(markup: string): string {
  return JSON.stringify(markup);
}
