import type { Segment } from '../markdown/segment.ts';
import type { MaskedSegment } from '../pipeline/mask-article.ts';
import { mapTagsToSource } from './map-tags-to-source.ts';

/** A reviewer's translation of one source text, in the source's tag ids, with glossary terms spelled out. */
export interface AlignedEdit {
  readonly index: number;
  /** The masked source text, as the memory keys it. */
  readonly sourceText: string;
  readonly target: string;
}

/** The article as jialing last wrote it and as it is now. */
export interface EditedOutput {
  /** The source it was made from, segmented and masked. */
  readonly source: readonly MaskedSegment[];
  /** The output as written, and its segments. */
  readonly writtenText: string;
  readonly written: readonly Segment[];
  /** The output file now, and its segments. */
  readonly currentText: string;
  readonly current: readonly Segment[];
  /** Segments of what the memory holds now for that source, to tell a finished write from an edit. */
  readonly expected?: readonly Segment[];
  /** Whether `written` is the source itself, for a file jialing has no record of writing (the messages say so). */
  readonly isWrittenSource?: boolean;
}

/**
 * Finds the segments a person changed in an output. The blocks must line up one to one with what was
 * written; when they do not (a block added, removed or split), nothing is guessed and the reason is returned.
 */
export function alignEdits(output: EditedOutput): { readonly edits: AlignedEdit[] } | { readonly conflict: string } {
  const { source, written, current, expected } = output;
  const structure = compareStructure(written, current, output.isWrittenSource ? 'the source' : 'what jialing wrote') ?? compareCopiedText(output);
  if (structure) return { conflict: structure };
  const edits: AlignedEdit[] = [];
  const targets = new Map<string, AlignedEdit>();
  for (const [index, segment] of current.entries()) {
    if (isSame(segment, written[index]!) || (expected?.[index] && isSame(segment, expected[index]))) continue;
    const original = source[index];
    const where = `line ${segment.line}`;
    if (!original?.isSendable) return { conflict: `${where} was changed, but jialing does not translate that text (it holds no words besides glossary terms, numbers or code); change the source or the glossary instead` };
    const mapped = mapTagsToSource(segment, original.segment);
    if ('problem' in mapped) return { conflict: `${where}: ${mapped.problem}; keep the source's formatting (or change it in the source)` };
    const earlier = targets.get(original.text);
    if (earlier && earlier.target !== mapped.text) return { conflict: `${where} and line ${current[earlier.index]!.line} translate the same source text in two different ways; make them the same` };
    const edit = { index, sourceText: original.text, target: mapped.text };
    targets.set(original.text, edit);
    edits.push(edit);
  }
  return { edits };
}

// Formatting counts: a changed link target is an edit, which then cannot be mapped onto the source's link.
function isSame(segment: Segment, other: Segment): boolean {
  return segment.text === other.text && JSON.stringify(segment.tags) === JSON.stringify(other.tags);
}

// Everything outside the segments (code, link definitions, untranslated frontmatter, block markup) is
// copied from the source on every run: a change there would be undone, so it is refused instead.
function compareCopiedText(output: EditedOutput): string | undefined {
  const written = copiedParts(output.writtenText, output.written);
  const current = copiedParts(output.currentText, output.current);
  const index = current.findIndex((part, position) => part.text !== written[position]?.text);
  if (index === -1 && written.length === current.length) return undefined;
  const part = current[index === -1 ? current.length - 1 : index]!;
  const other = written[index === -1 ? current.length - 1 : index]?.text ?? '';
  let common = 0;
  while (common < Math.min(part.text.length, other.length) && part.text[common] === other[common]) common++;
  const offset = part.offset + common;
  const line = output.currentText.slice(0, offset).split('\n').length;
  return `text that jialing copies from the source (code, a link target, an untranslated frontmatter value or block markup) was changed near line ${line}; change it in the source instead`;
}

/** The runs of text between the segments, with where each starts in the file. */
function copiedParts(text: string, segments: readonly Segment[]): { text: string; offset: number }[] {
  const parts: { text: string; offset: number }[] = [];
  let cursor = 0;
  for (const segment of segments.filter((candidate) => candidate.parent === undefined).sort((a, b) => a.start - b.start)) {
    parts.push({ text: text.slice(cursor, segment.start), offset: cursor });
    cursor = segment.end;
  }
  parts.push({ text: text.slice(cursor), offset: cursor });
  return parts;
}

function compareStructure(written: readonly Segment[], current: readonly Segment[], reference: string): string | undefined {
  const count = Math.min(written.length, current.length);
  for (let index = 0; index < count; index++) {
    const was = written[index]!;
    const now = current[index]!;
    if (was.kind !== now.kind || was.parent !== now.parent) {
      return `the blocks no longer match ${reference} from line ${now.line} on (${reference} has a ${was.kind} there, the file has a ${now.kind}): a block was added, removed, split or merged`;
    }
  }
  if (written.length !== current.length) {
    const line = (current[count] ?? written[count] ?? current.at(-1))?.line ?? 1;
    return `the file has ${current.length} translatable blocks where ${reference} has ${written.length} (first difference near line ${line}): a block was added or removed`;
  }
  return undefined;
}
