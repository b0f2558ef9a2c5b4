import type { MarkupPart, Segment, Tag } from '../markdown/segment.ts';
import { parseTaggedText, type TaggedNode } from '../markdown/tagged-text.ts';
import type { CheckContext } from './check-context.ts';
import { createFinding } from './create-finding.ts';
import type { Finding } from './finding.ts';

/** What begins and ends a formatted span: an atom's markup, or the non-word characters its text starts or ends with. */
interface SpanEdges {
  readonly markup: string;
  readonly start?: string;
  readonly end?: string;
  /** The span's siblings read as written (atoms as their markup), and where the span starts and ends in that text. */
  readonly around: string;
  readonly from: number;
  readonly to: number;
}

const leadingSymbols = /^[^\p{L}\p{N}\s]+/u;
const trailingSymbols = /[^\p{L}\p{N}\s]+$/u;

/**
 * Finds a formatted span (link, emphasis) whose first or last piece in the source (inline code, a kept token, `@`,
 * `{`) is no longer at that edge in the target: `[`npm install` command]` written as `` `npm install` [orden] ``.
 * Spans are matched by their markup, in order, since a translation may reorder them.
 */
export function checkSpanEdges(source: Segment, target: Segment, context: CheckContext): Finding[] {
  if (!source.tags.some((tag) => tag.kind === 'pair') || source.text === target.text) return [];
  const expected = spanEdges(source).filter((span) => span.start !== undefined || span.end !== undefined);
  if (expected.length === 0) return [];
  const found = spanEdges(target);
  const moved = expected.flatMap((span) => {
    const index = found.findIndex((candidate) => candidate.markup === span.markup);
    if (index === -1) return [];
    const [match] = found.splice(index, 1);
    // Only an edge found just outside the span moved; one that is gone is for the other checks to report.
    const edges = [
      span.start !== undefined && match!.start !== span.start && endsBefore(match!, span.start) ? span.start : undefined,
      span.end !== undefined && match!.end !== span.end && startsAfter(match!, span.end) ? span.end : undefined,
    ];
    return edges.filter((edge) => edge !== undefined).map((edge) => `"${edge}" of ${span.markup}`);
  });
  if (moved.length === 0) return [];
  return [createFinding('span-edge', target, context, `moved out of its formatted span: ${moved.join(', ')}; put it back inside the span, as in the source`)];
}

function spanEdges(segment: Segment): SpanEdges[] {
  const spans: SpanEdges[] = [];
  const visit = (nodes: readonly TaggedNode[]) => {
    // The siblings are read once, not once per span: a long line holds thousands of spans.
    const pieces = nodes.map((node) => readAsWritten([node], segment.tags));
    const around = pieces.join('');
    let offset = 0;
    nodes.forEach((node, index) => {
      const from = offset;
      offset += pieces[index]!.length;
      if (node.type !== 'pair') return;
      const tag = segment.tags[node.id - 1];
      if (tag?.kind === 'pair') {
        spans.push({
          markup: `${join(tag.open)}…${join(tag.close)}`,
          start: edgeOf(node.children[0], segment.tags, leadingSymbols),
          end: edgeOf(node.children.at(-1), segment.tags, trailingSymbols),
          around,
          from,
          to: offset,
        });
      }
      visit(node.children);
    });
  };
  visit(parseTaggedText(segment.text).nodes);
  return spans;
}

// Whether the text just before the span, spaces aside, ends with `edge`.
function endsBefore(span: SpanEdges, edge: string): boolean {
  let end = span.from;
  while (end > 0 && /\s/.test(span.around[end - 1]!)) end--;
  return end >= edge.length && span.around.startsWith(edge, end - edge.length);
}

// Whether the text just after the span, spaces aside, starts with `edge`.
function startsAfter(span: SpanEdges, edge: string): boolean {
  let start = span.to;
  while (start < span.around.length && /\s/.test(span.around[start]!)) start++;
  return span.around.startsWith(edge, start);
}

function edgeOf(node: TaggedNode | undefined, tags: readonly Tag[], symbols: RegExp): string | undefined {
  if (node?.type === 'atom') {
    const tag = tags[node.id - 1];
    return tag?.kind === 'atom' ? join(tag.markup) : undefined;
  }
  return node?.type === 'text' ? symbols.exec(node.value.trim())?.[0] : undefined;
}

function readAsWritten(nodes: readonly TaggedNode[], tags: readonly Tag[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return node.value;
      const tag = tags[node.id - 1];
      return node.type === 'pair' ? readAsWritten(node.children, tags) : tag?.kind === 'atom' ? join(tag.markup) : '';
    })
    .join('');
}

function join(parts: readonly MarkupPart[]): string {
  return parts.map((part) => (typeof part === 'string' ? part : '')).join('');
}
