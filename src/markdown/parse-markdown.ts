import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { fillMissingPositions } from './fill-missing-positions.ts';
import { gfmExtensions } from './gfm-extensions.ts';
import { gfmFromMarkdownFor } from './gfm-from-markdown.ts';

/** Parses markdown (CommonMark, GFM, frontmatter) into mdast with positions. */
export function parseMarkdown(source: string): Root {
  const tree = unified().use(remarkParse).use(remarkGfmFor, source).use(remarkFrontmatter, ['yaml', 'toml']).parse(source);
  fillMissingPositions(tree, source);
  return tree;
}

// remark-gfm's parse, from its parts, with the costly constructs and transform guarded for the one document it parses.
function remarkGfmFor(this: Processor, source: string): void {
  const data = this.data();
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), ...gfmExtensions(source)];
  data.fromMarkdownExtensions = [...(data.fromMarkdownExtensions ?? []), gfmFromMarkdownFor(source)];
}
