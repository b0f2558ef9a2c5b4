import { parseTaggedText, type TaggedNode } from '../../markdown/tagged-text.ts';

/** What a span of the source holds before its first word or atom and after its last, blanks aside. */
export interface SpanEdges {
  readonly leading: string;
  readonly trailing: string;
}

/** Where the atoms and the edges of the spans of a source segment are: what its reply needs to keep them in their tags. */
export interface SourceLayout {
  /** Ids of the tags enclosing each atom, outermost first. */
  readonly atomStacks: ReadonlyMap<number, readonly number[]>;
  readonly edges: ReadonlyMap<number, SpanEdges>;
}

// Stands for an atom in a span's text: an edge ends at an atom as it ends at a word.
const atomMark = '\uFFFC';
const edgeEnd = /[\p{L}\p{N}\uFFFC]/u;

/** Reads the layout of a segment's tagged text. */
export function readSourceLayout(text: string): SourceLayout {
  const atomStacks = new Map<number, readonly number[]>();
  const edges = new Map<number, SpanEdges>();
  const visit = (nodes: readonly TaggedNode[], stack: readonly number[]): void => {
    for (const node of nodes) {
      if (node.type === 'atom') atomStacks.set(node.id, stack);
      if (node.type !== 'pair') continue;
      visit(node.children, [...stack, node.id]);
      edges.set(node.id, edgesOf(flatten(node.children)));
    }
  };
  visit(parseTaggedText(text).nodes, []);
  return { atomStacks, edges };
}

function flatten(nodes: readonly TaggedNode[]): string {
  return nodes.map((node) => (node.type === 'text' ? node.value : node.type === 'atom' ? atomMark : flatten(node.children))).join('');
}

function edgesOf(content: string): SpanEdges {
  const first = content.search(edgeEnd);
  if (first === -1) return { leading: '', trailing: '' };
  let last = content.length - 1;
  while (!edgeEnd.test(content[last]!)) last--;
  return { leading: content.slice(0, first).trimStart(), trailing: content.slice(last + 1).trimEnd() };
}
