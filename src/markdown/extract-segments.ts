import type { Heading, Nodes, Paragraph, PhrasingContent, Root, TableCell } from 'mdast';
import { fillSegment, reserveSegment, type ExtractContext } from './extract-context.ts';
import { addFrontmatterSegments } from './frontmatter-segments.ts';
import { lineStartsOf } from './line-starts.ts';
import { offsetOf, phrasingToTags } from './phrasing-to-tags.ts';
import type { Segment } from './segment.ts';
import type { SegmentOptions } from './segment-options.ts';

export interface ExtractedArticle {
  readonly segments: readonly Segment[];
  /** Things left untranslated on purpose that a person should hear about. */
  readonly warnings: readonly string[];
}

type Handler = (node: never, context: ExtractContext) => void;

const visitChildren = (node: { children: Nodes[] }, context: ExtractContext) => {
  for (const child of node.children) visitBlock(child, context);
};
const leaveAsWritten = () => {};

const blockHandlers: Record<string, Handler> = {
  root: visitChildren,
  blockquote: visitChildren,
  list: visitChildren,
  listItem: visitChildren,
  footnoteDefinition: visitChildren,
  table: visitChildren,
  tableRow: visitChildren,
  paragraph: (node: Paragraph, context) => addInlineSegment(node, context, 'paragraph'),
  heading: (node: Heading, context) => addInlineSegment(node, context, 'heading'),
  tableCell: (node: TableCell, context) => addInlineSegment(node, context, 'table-cell'),
  yaml: addFrontmatterSegments,
  code: leaveAsWritten,
  html: leaveAsWritten,
  thematicBreak: leaveAsWritten,
  definition: leaveAsWritten,
  toml: leaveAsWritten,
};

/** Splits a parsed article into segments, in source order of their blocks. */
export function extractSegments(tree: Root, source: string, options: SegmentOptions): ExtractedArticle {
  const context: ExtractContext = { source, lineStarts: lineStartsOf(source), frontmatterKeys: options.frontmatterKeys, protect: options.protect, segments: [], warnings: [] };
  visitBlock(tree, context);
  return { segments: context.segments, warnings: context.warnings };
}

function visitBlock(node: Nodes, context: ExtractContext): void {
  const handler = blockHandlers[node.type];
  if (!handler) throw new Error(`No segment handler for mdast node type "${node.type}"`);
  handler(node as never, context);
}

function addInlineSegment(node: Paragraph | Heading | TableCell, context: ExtractContext, kind: 'paragraph' | 'heading' | 'table-cell'): void {
  const children = positionedChildren(node);
  if (!children || children.length === 0) return;
  const index = reserveSegment(context);
  const { text, tags, references } = phrasingToTags(children, context, index);
  fillSegment(context, index, {
    kind,
    text,
    tags,
    ...(references && { references }),
    sink: { type: 'inline', isTableCell: kind === 'table-cell', isHeading: kind === 'heading' },
    start: offsetOf(children[0]!, 'start'),
    end: offsetOf(children.at(-1)!, 'end'),
  });
}

/**
 * remark-gfm's autolink-literal pass can leave the nodes it rebuilds without positions; such a run
 * is kept as written, as one untouchable piece spanning the gap between its positioned neighbours.
 * Undefined when the gap cannot be known (a heading or cell whose edge is such a run).
 */
function positionedChildren(node: Paragraph | Heading | TableCell): PhrasingContent[] | undefined {
  if (node.children.every((child) => child.position)) return node.children;
  const result: PhrasingContent[] = [];
  for (let index = 0; index < node.children.length; index++) {
    const child = node.children[index]!;
    if (child.position) {
      result.push(child);
      continue;
    }
    let last = index;
    while (last + 1 < node.children.length && !node.children[last + 1]!.position) last++;
    const previous = node.children[index - 1];
    const next = node.children[last + 1];
    if ((!previous || !next) && node.type !== 'paragraph') return undefined;
    const start = previous ? offsetOf(previous, 'end') : offsetOf(node, 'start');
    const end = next ? offsetOf(next, 'start') : offsetOf(node, 'end');
    result.push({ type: 'html', value: '', position: { start: { line: 0, column: 0, offset: start }, end: { line: 0, column: 0, offset: end } } });
    index = last;
  }
  return result;
}
