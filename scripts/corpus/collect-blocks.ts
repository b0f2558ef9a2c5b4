import type { Heading, Paragraph, Root, TableCell } from 'mdast';
import { phrasingText } from './phrasing-text.ts';
import { findNodes } from './walk-nodes.ts';

/** A block whose content is text: a paragraph, heading or table cell. */
export interface Block {
  readonly node: Paragraph | Heading | TableCell;
  /** Its text as a reader sees it (see `phrasingText`). */
  readonly text: string;
  readonly line: number;
}

/** The blocks of text of a document, in document order. */
export function collectBlocks(tree: Root): Block[] {
  return findNodes(tree, ['paragraph', 'heading', 'tableCell']).map((node) => ({
    node,
    text: phrasingText(node),
    line: node.position?.start.line ?? 0,
  }));
}
