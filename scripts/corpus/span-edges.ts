import type { Nodes } from 'mdast';
import { phrasingText } from './phrasing-text.ts';
import { walkNodes } from './walk-nodes.ts';

const symbol = /[^\p{L}\p{N}\p{M}\s]/u;

/** What stands at one edge of a span and must stay in it: `code:…`, `html:…`, `image:…` or `char:…` (a symbol). */
export type SpanEdge = string;

/** The edge of a span worth watching: inline code, HTML, an image, or a symbol; undefined for a word or a space. */
export function edgeOf(span: Nodes, side: 'start' | 'end'): SpanEdge | undefined {
  const leaf = edgeLeaf(span, side);
  if (!leaf) return undefined;
  if (leaf.type === 'text') {
    const character = side === 'start' ? [...leaf.value][0] : [...leaf.value].at(-1);
    return character !== undefined && symbol.test(character) ? `char:${character}` : undefined;
  }
  return itemOf(leaf);
}

/**
 * How many of an edge's kind a span holds: translation may put words before inline code inside a link
 * (`[la \`development\` condición]`), which keeps it in the span; what counts is that it has not moved out.
 */
export function countInSpan(span: Nodes, edge: SpanEdge): number {
  if (edge.startsWith('char:')) return phrasingText(span).split(edge.slice('char:'.length)).length - 1;
  let count = 0;
  walkNodes(span, (node) => {
    if (itemOf(node) === edge) count += 1;
  });
  return count;
}

function itemOf(node: Nodes): SpanEdge | undefined {
  if (node.type === 'inlineCode') return `code:${node.value}`;
  if (node.type === 'html') return `html:${node.value}`;
  if (node.type === 'image') return `image:${node.url}`;
  if (node.type === 'imageReference') return `image:${node.identifier}`;
  return undefined;
}

/** The innermost node at the start or end of a span: its first child's first child, and so on. */
function edgeLeaf(span: Nodes, side: 'start' | 'end'): Nodes | undefined {
  let node: Nodes | undefined = span;
  while (node && 'children' in node) node = side === 'start' ? node.children[0] : node.children.at(-1);
  return node;
}
