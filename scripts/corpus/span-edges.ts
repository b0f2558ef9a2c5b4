import type { Nodes } from 'mdast';

const symbol = /[^\p{L}\p{N}\p{M}\s]/u;

/** What stands at one edge of a span, as a string to compare: `code:…`, `html:…`, `image:…`, `char:…`, or undefined for a word. */
export function edgeOf(span: Nodes, side: 'start' | 'end', isSourceSide: boolean): string | undefined {
  const leaf = edgeLeaf(span, side);
  if (!leaf) return undefined;
  if (leaf.type === 'inlineCode') return `code:${leaf.value}`;
  if (leaf.type === 'html') return `html:${leaf.value}`;
  if (leaf.type === 'image') return `image:${leaf.url}`;
  if (leaf.type === 'imageReference') return `image:${leaf.identifier}`;
  if (leaf.type !== 'text') return undefined;
  // The source's edge counts only when it is a symbol; the output's is whatever its first or last character is.
  const value = side === 'start' ? leaf.value.trimStart() : leaf.value.trimEnd();
  const character = side === 'start' ? [...value][0] : [...value].at(-1);
  if (character === undefined) return undefined;
  if (isSourceSide && (!symbol.test(character) || leaf.value !== value)) return undefined;
  return `char:${character}`;
}

/** The innermost node at the start or end of a span: its first child's first child, and so on. */
function edgeLeaf(span: Nodes, side: 'start' | 'end'): Nodes | undefined {
  let node: Nodes | undefined = span;
  while (node && 'children' in node) node = side === 'start' ? node.children[0] : node.children.at(-1);
  return node;
}
