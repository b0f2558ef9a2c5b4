import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { fillMissingPositions } from './fill-missing-positions.ts';
import { gfmExtensions, guardedDocument, type GuardedDocument } from './gfm-extensions.ts';
import { gfmFromMarkdownGuarded } from './gfm-from-markdown.ts';

// The document being parsed, for the guards of the one processor every document goes through: set for the
// length of a parse, which runs to its end without giving way. Building a processor (its extensions, the
// freeze) per document cost a tenth of a parse.
let current: GuardedDocument | undefined;

function parsing(): GuardedDocument {
  if (!current) throw new Error('the GFM guards were asked about a document outside a parse');
  return current;
}

// remark-gfm's parse, from its parts, with the costly constructs and transform guarded.
function remarkGfmGuarded(this: Processor): void {
  const data = this.data();
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), ...gfmExtensions(parsing)];
  data.fromMarkdownExtensions = [...(data.fromMarkdownExtensions ?? []), gfmFromMarkdownGuarded(parsing)];
}

const processor = unified().use(remarkParse).use(remarkGfmGuarded).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

/** Parses markdown (CommonMark, GFM, frontmatter) into mdast with positions. */
export function parseMarkdown(source: string): Root {
  current = guardedDocument(source);
  try {
    const tree = processor.parse(source);
    fillMissingPositions(tree, source);
    return tree;
  } finally {
    current = undefined;
  }
}
