import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const renderer = unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true }).freeze();

/**
 * A parsed document rendered to HTML, with runs of white space folded to one space: a browser shows them
 * alike (outside `<pre>`, whose content is code and never changes), and wrapping is no difference a reader sees.
 */
export function renderHtml(tree: Root): string {
  // remark-rehype reads the tree without changing it, so the tree parsed once serves every detector.
  return renderer.stringify(renderer.runSync(tree)).replace(/[ \t\r\n]+/g, ' ');
}
