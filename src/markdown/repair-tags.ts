import type { TaggedNode } from './tagged-text.ts';
import { trailingWhitespace } from './wording.ts';

/**
 * Mends what engines commonly do to tags without changing meaning: a span split around a word
 * (`<g1>a</g1> b <g1>c</g1>` becomes `<g1>a b c</g1>`) and spaces moved inside emphasis (moved back out,
 * since `* word*` is no longer emphasis in markdown).
 */
export function repairTags(nodes: readonly TaggedNode[], mustHugWords: (id: number) => boolean): TaggedNode[] {
  return mergeText(moveEdgeSpaceOut(mergeSplitPairs(nodes), mustHugWords));
}

function mergeSplitPairs(nodes: readonly TaggedNode[]): TaggedNode[] {
  const result: TaggedNode[] = [];
  // Looked up once per list: a long line holds thousands of pairs.
  const lastOf = new Map<number, number>();
  nodes.forEach((node, index) => node.type === 'pair' && lastOf.set(node.id, index));
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!;
    if (node.type !== 'pair') {
      result.push(node);
      continue;
    }
    const last = lastOf.get(node.id)!;
    const span = nodes.slice(index, last + 1).flatMap((other) => (other.type === 'pair' && other.id === node.id ? other.children : [other]));
    result.push({ type: 'pair', id: node.id, children: mergeSplitPairs(span) });
    index = last;
  }
  return result;
}

function moveEdgeSpaceOut(nodes: readonly TaggedNode[], mustHugWords: (id: number) => boolean): TaggedNode[] {
  return nodes.flatMap((node): TaggedNode[] => {
    if (node.type !== 'pair') return [node];
    const children = moveEdgeSpaceOut(node.children, mustHugWords);
    if (!mustHugWords(node.id)) return [{ ...node, children }];
    const first = children[0];
    const last = children.at(-1);
    const leading = first?.type === 'text' ? /^\s*/.exec(first.value)![0] : '';
    const trailing = last?.type === 'text' ? trailingWhitespace(last.value) : '';
    if (!leading && !trailing) return [{ ...node, children }];
    const trimmed = trimEdges(children, leading.length, trailing.length);
    return [...(leading ? [text(leading)] : []), { ...node, children: trimmed }, ...(trailing ? [text(trailing)] : [])];
  });
}

function trimEdges(children: TaggedNode[], leading: number, trailing: number): TaggedNode[] {
  const result = [...children];
  if (leading && result[0]?.type === 'text') result[0] = text(result[0].value.slice(leading));
  const lastIndex = result.length - 1;
  const last = result[lastIndex];
  if (trailing && last?.type === 'text') result[lastIndex] = text(last.value.slice(0, last.value.length - trailing));
  return result.filter((child) => child.type !== 'text' || child.value !== '');
}

/** Joins neighbouring text nodes, at every depth. */
export function mergeText(nodes: readonly TaggedNode[]): TaggedNode[] {
  const result: TaggedNode[] = [];
  for (const node of nodes) {
    const previous = result.at(-1);
    if (node.type === 'text' && previous?.type === 'text') result[result.length - 1] = text(previous.value + node.value);
    else result.push(node.type === 'pair' ? { ...node, children: mergeText(node.children) } : node);
  }
  return result;
}

function text(value: string): TaggedNode {
  return { type: 'text', value };
}
