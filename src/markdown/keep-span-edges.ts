import { mergeText } from './repair-tags.ts';
import type { TaggedNode } from './tagged-text.ts';

type Edge = 'start' | 'end';

/** Where an atom inside a span sits in the source: the innermost pair around it and the edge of that pair it is nearer. */
interface AtomPlace {
  readonly parent: number;
  readonly edge: Edge;
  /** Whether a blank separated it from the words beside it. */
  readonly isSpaced: boolean;
}

interface SourceSpans {
  readonly atoms: ReadonlyMap<number, AtomPlace>;
  /** Per pair: the non-word characters its text starts and ends with (`@` of `@google`, `}` of `{Object}`). */
  readonly symbols: ReadonlyMap<number, { readonly leading: string; readonly trailing: string }>;
}

// With the blank that parts them from the words, as the source wrote it (`§ 4.5`, `docs →`).
const leadingSymbols = /^[^\p{L}\p{N}\s]+\s*/u;
const trailingSymbols = /\s*[^\p{L}\p{N}\s]+$/u;

/**
 * Puts back into a formatted span what an engine moved out of it: an atom (inline code, a placeholder, a kept
 * token) that sat inside the span in the source, and non-word characters that began or ended the span's text.
 * Engines that translate word by word leave these outside: `<g1><x2/> command</g1>` → `la <x2/> <g1>orden</g1>`.
 */
export function keepSpanEdges(source: readonly TaggedNode[], target: readonly TaggedNode[]): TaggedNode[] {
  const spans = readSourceSpans(source);
  if (spans.atoms.size === 0 && spans.symbols.size === 0) return [...target];
  let nodes = [...target];
  // Each atom goes to the very edge of its span, so those at a start go back last first, to keep their order.
  const atoms = [...spans.atoms];
  for (const [id, place] of [...atoms.filter(([, place]) => place.edge === 'end'), ...atoms.filter(([, place]) => place.edge === 'start').reverse()]) {
    if (parentOf(nodes, id) === place.parent || !containsPair(nodes, place.parent)) continue;
    nodes = insertAtEdge(removeAtom(nodes, id), place, id);
  }
  for (const [id, symbols] of spans.symbols) nodes = pullSymbolsIn(nodes, id, symbols.leading, symbols.trailing);
  return nodes;
}

function readSourceSpans(nodes: readonly TaggedNode[]): SourceSpans {
  const atoms = new Map<number, AtomPlace>();
  const symbols = new Map<number, { leading: string; trailing: string }>();
  const visit = (list: readonly TaggedNode[], parent: number) => {
    list.forEach((node, index) => {
      if (node.type === 'atom' && parent !== 0) {
        const edge: Edge = list.slice(0, index).some(hasWords) ? 'end' : 'start';
        const neighbour = list[edge === 'start' ? index + 1 : index - 1];
        const isSpaced = neighbour?.type === 'text' && (edge === 'start' ? /^\s/.test(neighbour.value) : /\s$/.test(neighbour.value));
        atoms.set(node.id, { parent, edge, isSpaced });
      } else if (node.type === 'pair') {
        const leading = edgeText(node, 'first', leadingSymbols);
        const trailing = edgeText(node, 'last', trailingSymbols);
        // A span of symbols alone (`**→**`) has one edge, not the same symbols at both ends.
        if (leading || trailing) symbols.set(node.id, { leading, trailing: hasWords(node) ? trailing : '' });
        visit(node.children, node.id);
      }
    });
  };
  visit(nodes, 0);
  return { atoms, symbols };
}

// A span that begins with another span begins with what that one begins with (`[*§ 4.5*]`).
function edgeText(node: TaggedNode, edge: 'first' | 'last', symbols: RegExp): string {
  if (node.type === 'text') return symbols.exec(node.value)?.[0] ?? '';
  if (node.type === 'atom') return '';
  const child = edge === 'first' ? node.children[0] : node.children.at(-1);
  return child ? edgeText(child, edge, symbols) : '';
}

function hasWords(node: TaggedNode): boolean {
  return node.type === 'text' ? /[\p{L}\p{N}]/u.test(node.value) : node.type === 'pair' ? node.children.some(hasWords) : false;
}

function parentOf(nodes: readonly TaggedNode[], atom: number, parent = 0): number | undefined {
  for (const node of nodes) {
    if (node.type === 'atom' && node.id === atom) return parent;
    if (node.type === 'pair') {
      const found = parentOf(node.children, atom, node.id);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function containsPair(nodes: readonly TaggedNode[], id: number): boolean {
  return nodes.some((node) => node.type === 'pair' && (node.id === id || containsPair(node.children, id)));
}

// The blanks on both sides of the removed atom become one, and none is left at the edge of a list.
function removeAtom(nodes: readonly TaggedNode[], id: number): TaggedNode[] {
  const index = nodes.findIndex((node) => node.type === 'atom' && node.id === id);
  if (index === -1) return nodes.map((node) => (node.type === 'pair' ? { ...node, children: removeAtom(node.children, id) } : node));
  const before = nodes[index - 1];
  const after = nodes[index + 1];
  const prefix = nodes.slice(0, before ? index - 1 : index);
  const suffix = nodes.slice(after ? index + 2 : index + 1);
  let junction: TaggedNode[];
  if (before?.type === 'text' && after?.type === 'text') junction = [{ type: 'text', value: joinAround(before.value, after.value) }];
  else if (before?.type === 'text' && !after) junction = [{ type: 'text', value: before.value.replace(/\s+$/, '') }];
  else if (after?.type === 'text' && !before) junction = [{ type: 'text', value: after.value.replace(/^\s+/, '') }];
  else junction = [...(before ? [before] : []), ...(after ? [after] : [])];
  return [...prefix, ...junction, ...suffix].filter((node) => node.type !== 'text' || node.value !== '');
}

function joinAround(before: string, after: string): string {
  if (/\s$/.test(before) && /^\s/.test(after)) return before + after.replace(/^\s+/, '');
  if (/\s$/.test(before) && /^[.,;:!?)\]]/.test(after)) return before.replace(/\s+$/, '') + after;
  return before + after;
}

function insertAtEdge(nodes: readonly TaggedNode[], place: AtomPlace, id: number): TaggedNode[] {
  return nodes.map((node): TaggedNode => {
    if (node.type !== 'pair') return node;
    if (node.id !== place.parent) return { ...node, children: insertAtEdge(node.children, place, id) };
    const atom: TaggedNode = { type: 'atom', id };
    const space: TaggedNode[] = place.isSpaced ? [{ type: 'text', value: ' ' }] : [];
    const children = place.edge === 'start' ? [atom, ...space, ...node.children] : [...node.children, ...space, atom];
    return { ...node, children: mergeText(children) };
  });
}

function pullSymbolsIn(nodes: readonly TaggedNode[], id: number, leading: string, trailing: string): TaggedNode[] {
  const result = [...nodes];
  for (let index = 0; index < result.length; index++) {
    const node = result[index]!;
    if (node.type !== 'pair') continue;
    if (node.id !== id) {
      result[index] = { ...node, children: pullSymbolsIn(node.children, id, leading, trailing) };
      continue;
    }
    let children = node.children;
    const before = result[index - 1];
    if (leading && !startsWith(children, leading) && before?.type === 'text' && before.value.endsWith(leading)) {
      result[index - 1] = { type: 'text', value: before.value.slice(0, -leading.length) };
      children = mergeText([{ type: 'text', value: leading }, ...children]);
    }
    const after = result[index + 1];
    if (trailing && !endsWith(children, trailing) && after?.type === 'text' && after.value.startsWith(trailing)) {
      result[index + 1] = { type: 'text', value: after.value.slice(trailing.length) };
      children = mergeText([...children, { type: 'text', value: trailing }]);
    }
    result[index] = { ...node, children };
  }
  return result.filter((node) => node.type !== 'text' || node.value !== '');
}

function startsWith(nodes: readonly TaggedNode[], text: string): boolean {
  const first = nodes[0];
  return first?.type === 'text' && first.value.startsWith(text);
}

function endsWith(nodes: readonly TaggedNode[], text: string): boolean {
  const last = nodes.at(-1);
  return last?.type === 'text' && last.value.endsWith(text);
}
