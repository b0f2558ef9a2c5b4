import type { Nodes } from 'mdast';

const spaced = new Set<Nodes['type']>(['inlineCode', 'html', 'image', 'imageReference', 'break', 'footnoteReference']);

/**
 * The text a reader sees in a node, from its text nodes only. Inline code, HTML, images, breaks and footnote calls
 * stand as a space, so that a token never runs across them; the edges of emphasis and links join without one, so
 * that a token whose span moved still reads the same.
 */
export function phrasingText(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (spaced.has(node.type)) return ' ';
  if (!('children' in node)) return '';
  return node.children.map((child) => phrasingText(child)).join('');
}

/** The text content of a node once rendered, as GitHub reads a heading's: text and inline code, no HTML tags or alt text. */
export function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (!('children' in node)) return '';
  return node.children.map((child) => plainText(child)).join('');
}
