import type { Nodes, Parent, Root } from 'mdast';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import type { GuardedDocument } from './gfm-extensions.ts';

type FromMarkdownExtension = ReturnType<typeof gfmFromMarkdown>[number];
type Transform = NonNullable<FromMarkdownExtension['transforms']>[number];

// The same functions mdast-util-gfm hands out, as long as both resolve to one copy of the package; were they
// ever two, the transform would run unguarded, as remark-gfm runs it.
const autolinkTransforms: ReadonlySet<Transform> = new Set(gfmAutolinkLiteralFromMarkdown().transforms ?? []);

// Each pattern of the literal-autolink transform needs `http`, `www` (in any case) or `@` in a text node. A text
// node holds a character its source does not spell out only through a character reference (`&…;`): escapes
// keep letters and `@` as written.
const mayHoldLiteral = /http|www|[@&]/i;

// Text stands in paragraphs, headings and table cells, and in the inline nodes inside them.
const phrasingParentTypes: ReadonlySet<string> = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * GFM's extensions for building the tree, with the literal-autolink transform run only on the blocks of the
 * document being parsed (`parsing`) that may hold a literal. On the whole tree it reads every text node of every
 * document with four patterns, about an eighth of a parse, where most blocks have no `http`, `www` or `@` to find.
 */
export function gfmFromMarkdownGuarded(parsing: () => GuardedDocument): FromMarkdownExtension[] {
  return gfmFromMarkdown().map((extension) =>
    extension.transforms ? { ...extension, transforms: extension.transforms.map((transform) => (autolinkTransforms.has(transform) ? whereLiteralsMayBe(transform, parsing) : transform)) } : extension,
  );
}

function whereLiteralsMayBe(transform: Transform, parsing: () => GuardedDocument): Transform {
  return (tree) => {
    const { text } = parsing();
    for (const block of phrasingParents(tree, [])) {
      const start = block.position?.start.offset;
      const end = block.position?.end.offset;
      // The transform reads the subtree it is given: no link or reference can stand above a block.
      if (start === undefined || end === undefined || mayHoldLiteral.test(text.slice(start, end))) transform(block as unknown as Root);
    }
  };
}

function phrasingParents(node: Parent, found: Parent[]): Parent[] {
  for (const child of node.children as Nodes[]) {
    if (!('children' in child)) continue;
    if (phrasingParentTypes.has(child.type) || child.children.some((inner) => inner.type === 'text')) found.push(child);
    else phrasingParents(child, found);
  }
  return found;
}
