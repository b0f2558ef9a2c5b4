import type { Nodes } from 'mdast';

/** Every node of a tree, depth first in document order. */
export function* nodesOf(node: Nodes): Generator<Nodes> {
  yield node;
  if ('children' in node) for (const child of node.children) yield* nodesOf(child);
}
