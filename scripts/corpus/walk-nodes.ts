import type { Nodes, Parent } from 'mdast';

/** Calls `visit` on every node of a tree in document order, with the node's ancestors, nearest last. */
export function walkNodes(tree: Nodes, visit: (node: Nodes, ancestors: readonly Parent[]) => void): void {
  const walk = (node: Nodes, ancestors: Parent[]) => {
    visit(node, ancestors);
    if (!('children' in node)) return;
    ancestors.push(node);
    for (const child of node.children) walk(child, ancestors);
    ancestors.pop();
  };
  walk(tree, []);
}

/** Every node of a tree in document order whose type is one of `types`. */
export function findNodes<Type extends Nodes['type']>(tree: Nodes, types: readonly Type[]): Extract<Nodes, { type: Type }>[] {
  const found: Extract<Nodes, { type: Type }>[] = [];
  walkNodes(tree, (node) => {
    if ((types as readonly string[]).includes(node.type)) found.push(node as Extract<Nodes, { type: Type }>);
  });
  return found;
}
