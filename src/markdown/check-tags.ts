import type { Tag } from './segment.ts';
import type { TaggedNode } from './tagged-text.ts';

/** Compares the tags an engine returned with the source's: each must come back exactly once, as the same kind. */
export function checkTags(nodes: readonly TaggedNode[], tags: readonly Tag[]): string[] {
  const seen = new Map<number, number>();
  const problems: string[] = [];
  const visit = (list: readonly TaggedNode[], link?: number) => {
    for (const node of list) {
      if (node.type === 'text') continue;
      seen.set(node.id, (seen.get(node.id) ?? 0) + 1);
      const tag = tags[node.id - 1];
      if (!tag) problems.push(`${label(node.type, node.id)} is not in the source`);
      else if ((tag.kind === 'pair') !== (node.type === 'pair')) problems.push(`${label(node.type, node.id)} changed kind`);
      if (node.type !== 'pair') continue;
      // Markdown has no link inside a link: written so, the brackets show as text.
      const isLink = tag?.kind === 'pair' && tag.isLink;
      if (isLink && link !== undefined) problems.push(`link ${label('pair', node.id)} came back inside link ${label('pair', link)}`);
      visit(node.children, isLink ? node.id : link);
    }
  };
  visit(nodes);
  for (const tag of tags) {
    const count = seen.get(tag.id) ?? 0;
    if (count === 0) problems.push(`${label(tag.kind, tag.id)} was lost`);
    if (count > 1) problems.push(`${label(tag.kind, tag.id)} came back ${count} times`);
  }
  return problems;
}

function label(kind: 'pair' | 'atom', id: number): string {
  return kind === 'pair' ? `<g${id}>` : `<x${id}/>`;
}
