import type { MarkupPart, Segment, Tag } from '../markdown/segment.ts';
import { parseTaggedText, stringifyTaggedText, type TaggedNode } from '../markdown/tagged-text.ts';

/** An edited segment's text with its tags renumbered as the source's, or why that cannot be done. */
export type MappedText = { readonly text: string } | { readonly problem: string };

/**
 * Renumbers the tags of a segment parsed from edited markdown so they name the source segment's tags: each
 * edited tag takes the first unused source tag written with the same markup (emphasis `*` and `_` alike).
 * The edit must keep every source tag exactly once; added or removed formatting cannot be mapped, so it is refused.
 */
export function mapTagsToSource(edited: Pick<Segment, 'text' | 'tags'>, source: Pick<Segment, 'tags'>): MappedText {
  const unused = new Map<string, number[]>();
  for (const tag of source.tags) {
    for (const signature of signaturesOf(tag)) {
      const ids = unused.get(signature);
      if (ids) ids.push(tag.id);
      else unused.set(signature, [tag.id]);
    }
  }
  const taken = new Set<number>();
  const renumbered = new Map<number, number>();
  for (const tag of edited.tags) {
    const ids = unused.get(signaturesOf(tag)[0]!) ?? [];
    const id = ids.find((candidate) => !taken.has(candidate));
    if (id === undefined) return { problem: `the formatting ${describe(tag)} is not in the source paragraph` };
    taken.add(id);
    renumbered.set(tag.id, id);
  }
  const lost = source.tags.filter((tag) => !taken.has(tag.id));
  if (lost.length > 0) return { problem: `the formatting ${lost.map(describe).join(', ')} of the source paragraph was removed` };
  const { nodes, problems } = parseTaggedText(edited.text);
  if (problems.length > 0) return { problem: problems.join('; ') };
  return { text: stringifyTaggedText(renumber(nodes, renumbered)) };
}

function renumber(nodes: readonly TaggedNode[], ids: ReadonlyMap<number, number>): TaggedNode[] {
  return nodes.map((node) => {
    if (node.type === 'text') return node;
    const id = ids.get(node.id)!;
    return node.type === 'atom' ? { type: 'atom', id } : { type: 'pair', id, children: renumber(node.children, ids) };
  });
}

// The first signature is the tag as written; a shortcut reference (`[text]`) also answers to the full
// form (`[other text][text]`) it takes once its text is translated.
function signaturesOf(tag: Tag): string[] {
  if (tag.kind === 'atom') return [`atom\u0000${markupOf(tag.markup)}`];
  const open = markupOf(tag.open, !tag.isLink);
  const signatures = [`pair\u0000${open}\u0000${markupOf(tag.close, !tag.isLink)}`];
  if (tag.labelClose !== undefined) signatures.push(`pair\u0000${open}\u0000${tag.labelClose}`);
  return signatures;
}

// Nested alt and title texts are segments of their own, reviewed apart: only their place counts here.
function markupOf(parts: readonly MarkupPart[], isEmphasis = false): string {
  const markup = parts.map((part) => (typeof part === 'string' ? part : '\u0001')).join('');
  return isEmphasis ? markup.replaceAll('_', '*') : markup;
}

function describe(tag: Tag): string {
  const shown = tag.kind === 'atom' ? markupOf(tag.markup) : `${markupOf(tag.open)}…${markupOf(tag.close)}`;
  return `\`${shown.replaceAll('\u0001', '…')}\``;
}
