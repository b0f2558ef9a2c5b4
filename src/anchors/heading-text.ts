import type { Heading, Nodes } from 'mdast';

// What a renderer reads of a heading to slug it: what a reader sees as text. Image alt text and HTML tags
// are not text on the page; a footnote call is a number the renderer makes up.
const unread = new Set<Nodes['type']>(['image', 'imageReference', 'html', 'footnoteReference']);

/** The text of a heading as a renderer slugs it: text and inline code, inside links and emphasis too. */
export function headingText(heading: Heading): string {
  return textOf(heading);
}

function textOf(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (unread.has(node.type) || !('children' in node)) return '';
  return node.children.map(textOf).join('');
}
