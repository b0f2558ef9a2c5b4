import type { AnchorStyle } from '../config/schema.ts';
import { parseMarkdown } from '../markdown/parse-markdown.ts';
import { collectAnchors } from './collect-anchors.ts';

/**
 * The anchor of each heading of a markdown document in order: its `{#id}`, else its slug under the style
 * (an empty string under `keep` when it has no `{#id}`). What `otherArticles` hands `rewriteAnchors` and `checkAnchors`.
 */
export function headingSlugs(markdown: string, style: AnchorStyle = 'github'): string[] {
  return collectAnchors(parseMarkdown(markdown), style).headings.map((heading) => heading.id ?? '');
}
