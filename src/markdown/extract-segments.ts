import type { Heading, Nodes, Paragraph, Root, TableCell } from 'mdast';
import { fillSegment, reserveSegment, type ExtractContext } from './extract-context.ts';
import { addFrontmatterSegments } from './frontmatter-segments.ts';
import { offsetOf, phrasingToTags } from './phrasing-to-tags.ts';
import type { Segment } from './segment.ts';

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
export function extractSegments(tree: Root, source: string, frontmatterKeys: readonly string[]): ExtractedArticle {
  const context: ExtractContext = { source, frontmatterKeys, segments: [], warnings: [] };
  visitBlock(tree, context);
  return { segments: context.segments, warnings: context.warnings };
}

function visitBlock(node: Nodes, context: ExtractContext): void {
  const handler = blockHandlers[node.type];
  if (!handler) throw new Error(`No segment handler for mdast node type "${node.type}"`);
  handler(node as never, context);
}

function addInlineSegment(node: Paragraph | Heading | TableCell, context: ExtractContext, kind: 'paragraph' | 'heading' | 'table-cell'): void {
  if (node.children.length === 0) return;
  const index = reserveSegment(context);
  const { text, tags } = phrasingToTags(node.children, context, index);
  fillSegment(context, index, {
    kind,
    text,
    tags,
    sink: { type: 'inline', isTableCell: kind === 'table-cell', isHeading: kind === 'heading' },
    start: offsetOf(node.children[0]!, 'start'),
    end: offsetOf(node.children.at(-1)!, 'end'),
  });
}
