import { checkTags } from '../markdown/check-tags.ts';
import { escapeLineStart } from '../markdown/escape-markdown.ts';
import { extractSegments } from '../markdown/extract-segments.ts';
import { parseMarkdown } from '../markdown/parse-markdown.ts';
import { outputSegmentOptions } from '../markdown/segment-markdown.ts';
import type { Segment } from '../markdown/segment.ts';
import { escapeTaggedText, parseTaggedText, taggedTextToPlain } from '../markdown/tagged-text.ts';
import { mapTagsToSource } from './map-tags-to-source.ts';
import type { ReviewEdit } from './review-types.ts';

/** Translations an edit makes, by segment index (an edited image's alt text is a segment of its own). */
export type EditTranslations = { readonly targets: ReadonlyMap<number, string> } | { readonly problem: string };

/**
 * Turns a reviewer's edit of one segment into tagged text with the source's tag ids. Tagged text must keep
 * every source tag once; markdown must stay one paragraph with the source's formatting, mapped as in the file.
 */
export function editToTagged(edit: ReviewEdit, segment: Segment, segments: readonly Segment[]): EditTranslations {
  if ('target' in edit) {
    const { nodes, problems } = parseTaggedText(edit.target);
    const all = [...problems, ...checkTags(nodes, segment.tags)];
    if (all.length > 0) return { problem: `the inline tags do not match the source's: ${all.join('; ')}` };
    return withText(segment.index, edit.target);
  }
  if (segment.sink.type !== 'inline') return withText(segment.index, escapeTaggedText(edit.markdown.replace(/\s+/g, ' ').trim()));
  if (edit.markdown.trim() === '') return { problem: 'the translation is empty' };
  const markdown = asOneParagraph(edit.markdown.trim());
  if (markdown === undefined) {
    return { problem: 'the translation must stay one paragraph of text: no blank line between its lines' };
  }
  const tree = parseMarkdown(markdown);
  const edited = extractSegments(tree, markdown, outputSegmentOptions([], segments)).segments;
  const mapped = mapTagsToSource(edited[0]!, segment);
  if ('problem' in mapped) return { problem: `${mapped.problem}; keep the source's formatting` };
  const targets = new Map([[segment.index, mapped.text]]);
  // Alt texts and link titles inside the paragraph are segments of their own, in the same order.
  const nested = segments.filter((candidate) => candidate.parent === segment.index);
  const editedNested = edited.filter((candidate) => candidate.parent === 0);
  if (nested.length === editedNested.length) nested.forEach((child, index) => targets.set(child.index, editedNested[index]!.text));
  return checkNotEmpty(targets);
}

/**
 * The edit as one paragraph's markdown. A line that starts like a list, heading or quote (`2022. Esta…`) is
 * text in a paragraph, as the engine's translations are written: its marker is escaped; a blank line is refused.
 */
function asOneParagraph(markdown: string): string | undefined {
  if (isOneParagraph(markdown)) return markdown;
  const lines = markdown.split('\n');
  if (lines.some((line) => line.trim() === '')) return undefined;
  const escaped = lines.map((line) => escapeLineStart(line.trimStart())).join('\n');
  return isOneParagraph(escaped) ? escaped : undefined;
}

function isOneParagraph(markdown: string): boolean {
  const tree = parseMarkdown(markdown);
  return tree.children.length === 1 && tree.children[0]!.type === 'paragraph';
}

function withText(index: number, text: string): EditTranslations {
  return checkNotEmpty(new Map([[index, text]]));
}

function checkNotEmpty(targets: ReadonlyMap<number, string>): EditTranslations {
  for (const text of targets.values()) {
    if (taggedTextToPlain(text, 'x').trim() === '') return { problem: 'the translation is empty' };
  }
  return { targets };
}
