import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { collectBlocks, type Block } from './collect-blocks.ts';

// The same plugins as the product's parser, set up here again so that the checker depends on none of its code.
const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

/** A markdown document with its tree and its blocks of text. */
export interface ParsedDocument {
  readonly text: string;
  readonly tree: Root;
  readonly blocks: readonly Block[];
}

/** Parses markdown (CommonMark, GFM, frontmatter) and collects its blocks of text. */
export function parseDocument(text: string): ParsedDocument {
  const tree = parser.parse(text);
  return { text, tree, blocks: collectBlocks(tree) };
}
