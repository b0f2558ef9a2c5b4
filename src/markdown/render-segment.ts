import { checkTags } from './check-tags.ts';
import { findForbiddenCharacters } from './find-forbidden-characters.ts';
import { keepSpanEdges } from './keep-span-edges.ts';
import { escapeHeadingEnd, escapeInlineText, findDelimiterRoles, escapeLabelText, escapeLineStart, escapeTitleText, type TextPlace } from './escape-markdown.ts';
import { stringifyYamlScalar } from './frontmatter-segments.ts';
import { addLinePrefixes, stripLinePrefixes } from './line-prefixes.ts';
import { repairTags } from './repair-tags.ts';
import type { AtomTag, MarkupPart, PairTag, Segment } from './segment.ts';
import { parseTaggedText, stringifyTaggedText, type TaggedNode } from './tagged-text.ts';

/** A segment whose translation could not be written back, and why. */
export interface SegmentFailure {
  readonly segment: Segment;
  readonly problems: readonly string[];
}

export interface RenderInput {
  readonly segments: readonly Segment[];
  /** Translated tagged text per segment index; a segment without one keeps its source text. */
  readonly translations: ReadonlyMap<number, string>;
  readonly failures: SegmentFailure[];
  /** The article's markdown, to write a segment whose translation equals its source exactly as written there. */
  readonly source?: string;
  /** Nested segments (alt texts, titles) by the index of the segment whose markup holds them. */
  readonly children?: ReadonlyMap<number, readonly number[]>;
}

/** A piece of a rendered segment: text still to escape, or markup kept as written. */
type Chunk = { readonly text: string; readonly place: TextPlace } | { readonly markup: string };

/** Renders a segment's translation as the markdown that replaces its source range. */
export function renderSegment(segment: Segment, input: RenderInput): string {
  // Text left as it was keeps its bytes: character references, escapes, spacing and line breaks as written.
  if (input.source !== undefined && isUnchanged(segment, input)) {
    const written = input.source.slice(segment.start, segment.end);
    return segment.parent === undefined ? written : stripLinePrefixes(written);
  }
  const translated = input.translations.get(segment.index);
  if (translated !== undefined) {
    const rendered = tryRender(segment, translated, input);
    if (typeof rendered === 'string') return rendered;
    input.failures.push({ segment, problems: rendered });
  }
  const fromSource = tryRender(segment, segment.text, input);
  if (typeof fromSource !== 'string') throw new Error(`Source segment ${segment.index} does not render: ${fromSource.join('; ')}`);
  return fromSource;
}

function isUnchanged(segment: Segment, input: RenderInput): boolean {
  const translated = input.translations.get(segment.index);
  if (translated !== undefined && translated !== segment.text) return false;
  return (input.children?.get(segment.index) ?? []).every((child) => isUnchanged(input.segments[child]!, input));
}

/**
 * A translation's tagged text as it is written: split spans joined and edge spaces moved out (see `repairTags`),
 * or the problems that make it unwritable (then the source is written instead).
 */
export function repairTranslation(segment: Segment, text: string): { readonly nodes: TaggedNode[] } | { readonly problems: string[] } {
  const parsed = parseTaggedText(text);
  const repaired = repairTags(parsed.nodes, (id) => segment.tags[id - 1]?.kind === 'pair' && !(segment.tags[id - 1] as PairTag).isLink);
  const nodes = text === segment.text || !segment.tags.some((tag) => tag.kind === 'pair') ? repaired : keepSpanEdges(parseTaggedText(segment.text).nodes, repaired);
  const problems = [...findForbiddenCharacters(text, segment.text), ...parsed.problems, ...checkTags(nodes, segment.tags)];
  return problems.length > 0 ? { problems } : { nodes };
}

function tryRender(segment: Segment, text: string, input: RenderInput): string | string[] {
  const repaired = repairTranslation(segment, text);
  if ('problems' in repaired) return repaired.problems;
  const { nodes } = repaired;
  const { sink } = segment;
  const parent = segment.parent === undefined ? undefined : input.segments[segment.parent];
  const place = { isLink: false, isTableCell: parent?.sink.type === 'inline' && parent.sink.isTableCell };
  switch (sink.type) {
    case 'alt':
      return escapeLabelText(plainText(nodes), place);
    case 'title':
      return escapeTitleText(plainText(nodes), sink.delimiter, place);
    case 'yaml':
      return stringifyYamlScalar(plainText(nodes), sink.style);
    case 'inline': {
      // A heading or table cell written on one line must stay on one line.
      const isOneLine = (sink.isHeading || sink.isTableCell) && segment.linePrefixes.length === 0;
      const chunks = renderNodes(isOneLine ? joinLines(nodes) : nodes, segment, input, { isLink: false, isTableCell: sink.isTableCell });
      const markdown = writeChunks(chunks, segment.references);
      return addLinePrefixes(sink.isHeading ? escapeHeadingEnd(markdown) : markdown, segment.linePrefixes);
    }
    case 'resource':
      throw new Error('A resource string is not written as markdown');
  }
}

function renderNodes(nodes: readonly TaggedNode[], segment: Segment, input: RenderInput, place: TextPlace): Chunk[] {
  return nodes.flatMap((node): Chunk[] => {
    if (node.type === 'text') return [{ text: node.value, place }];
    // checkTags has made sure each node has the same kind as its source tag.
    const tag = segment.tags[node.id - 1]!;
    if (node.type === 'atom' || tag.kind === 'atom') return [markup((tag as AtomTag).markup, input)];
    // `[text]` and `[text][]` use their text as the reference label: unchanged, it must stay spelled as
    // in the source; changed, the label is spelled out after it.
    if (tag.labelClose !== undefined && stringifyTaggedText(node.children) === tag.sourceTagged) {
      return [markup(tag.open, input), { markup: tag.sourceInner! }, markup(tag.close, input)];
    }
    const inner = renderNodes(node.children, segment, input, { ...place, isLink: place.isLink || tag.isLink });
    return [markup(tag.open, input), ...inner, markup(tag.labelClose !== undefined ? [tag.labelClose] : tag.close, input)];
  });
}

function markup(parts: readonly MarkupPart[], input: RenderInput): Chunk {
  return { markup: parts.map((part) => (typeof part === 'string' ? part : renderSegment(input.segments[part.segment]!, input))).join('') };
}

/** Writes chunks in order, escaping text with knowledge of its neighbours and of where lines start. */
function writeChunks(chunks: readonly Chunk[], references: Readonly<Record<string, string>> = {}): string {
  const referenced = Object.keys(references);
  const delimiters = findDelimiterRoles(chunks.map((chunk) => ('markup' in chunk ? chunk.markup : chunk.text)).join(''));
  // Pieces joined once at the end: reading the last character of a string built with += flattens it, every time.
  const pieces: string[] = [];
  let last = '';
  const append = (piece: string) => {
    pieces.push(piece);
    if (piece !== '') last = piece.at(-1)!;
  };
  chunks.forEach((chunk, index) => {
    if ('markup' in chunk) {
      append(chunk.markup);
      return;
    }
    const next = chunks[index + 1];
    const after = next ? ('markup' in next ? next.markup[0] : next.text[0]) : undefined;
    // A second line break in a row would end the paragraph: it can only be text from `&#10;`, so it stays one.
    let text = chunk.text.replace(/\n{2,}/g, (breaks) => `\n${'\0'.repeat(breaks.length - 1)}`);
    // Characters the source wrote as references stand in as private-use characters, which need no escape.
    if (referenced.length > 0) text = [...text].map((char) => (char in references && char !== '\n' ? String.fromCodePoint(privateUse + referenced.indexOf(char)) : char)).join('');
    // Blanks next to a soft line break carry no meaning; two of them before it would make a hard break.
    const lines = text.split('\n').map((line, lineIndex, all) => (lineIndex < all.length - 1 ? line.replace(/[ \t]+$/, '') : line));
    append(
      lines
        .map((line, lineIndex) => {
          const isLast = lineIndex === lines.length - 1;
          const escaped = escapeInlineText(line, chunk.place, { before: lineIndex === 0 ? last || undefined : '\n', after: isLast ? after : '\n', delimiters });
          const atLineStart = lineIndex > 0 || last === '' || last === '\n';
          return atLineStart ? escapeLineStart(escaped) : escaped;
        })
        .join('\n')
        .replaceAll('\0', '&#10;'),
    );
  });
  const output = pieces.join('');
  return referenced.length > 0 ? output.replace(privateUsePattern, (char) => references[referenced[char.codePointAt(0)! - privateUse]!]!) : output;
}

const privateUse = 0xf0000;
const privateUsePattern = /[\u{f0000}-\u{f00ff}]/gu;

function joinLines(nodes: readonly TaggedNode[]): TaggedNode[] {
  return nodes.map((node) => (node.type === 'text' ? { ...node, value: node.value.replace(/[ \t]*\n[ \t]*/g, ' ') } : node.type === 'pair' ? { ...node, children: joinLines(node.children) } : node));
}

function plainText(nodes: readonly TaggedNode[]): string {
  return nodes.map((node) => (node.type === 'text' ? node.value : node.type === 'pair' ? plainText(node.children) : '')).join('');
}
