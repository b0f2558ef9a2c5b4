import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { fillMissingPositions } from './fill-missing-positions.ts';

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

/** Parses markdown (CommonMark, GFM, frontmatter) into mdast with positions. */
export function parseMarkdown(source: string): Root {
  const tree = parser.parse(source);
  fillMissingPositions(tree, source);
  return tree;
}
