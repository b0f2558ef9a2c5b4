import { readFile, writeFile } from 'node:fs/promises';
import type { Paragraph } from 'mdast';
import { parseMarkdown } from '../src/markdown/parse-markdown.ts';

/** Changes one paragraph of an article (its first top-level paragraph): one sentence is added at its end. */
export async function editParagraph(file: string, sentence: string): Promise<{ before: string; after: string }> {
  const before = await readFile(file, 'utf8');
  // Found through the tree, so the edit lands on a paragraph and nowhere else.
  const paragraph = parseMarkdown(before).children.find((node): node is Paragraph => node.type === 'paragraph');
  const end = paragraph?.position?.end.offset;
  if (end === undefined) throw new Error(`${file} has no top-level paragraph to edit.`);
  const after = `${before.slice(0, end)} ${sentence}${before.slice(end)}`;
  await writeFile(file, after);
  return { before, after };
}
