import { checkTags } from './check-tags.ts';
import { escapeHeadingEnd, escapeInlineText, escapeLabelText, escapeLineStart, escapeTitleText, type TextPlace } from './escape-markdown.ts';
import { stringifyYamlScalar } from './frontmatter-segments.ts';
import { addLinePrefixes } from './line-prefixes.ts';
import { repairTags } from './repair-tags.ts';
import type { MarkupPart, PairTag, Segment } from './segment.ts';
import { parseTaggedText, type TaggedNode } from './tagged-text.ts';

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
}

/** A piece of rendered output; only text pieces may need escaping at a line start. */
type Chunk = { readonly value: string; readonly isText: boolean };

/** Renders a segment's translation as the markdown that replaces its source range. */
export function renderSegment(segment: Segment, input: RenderInput): string {
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

function tryRender(segment: Segment, text: string, input: RenderInput): string | string[] {
  const parsed = parseTaggedText(text);
  const nodes = repairTags(parsed.nodes);
  const problems = [...parsed.problems, ...checkTags(nodes, segment.tags)];
  if (problems.length > 0) return problems;
  const { sink } = segment;
  switch (sink.type) {
    case 'alt':
      return escapeLabelText(plainText(nodes));
    case 'title':
      return escapeTitleText(plainText(nodes), sink.delimiter);
    case 'yaml':
      return stringifyYamlScalar(plainText(nodes), sink.style);
    case 'inline': {
      const place = { isLink: false, isTableCell: sink.isTableCell };
      const markdown = joinLines(renderNodes(nodes, segment, input, place));
      return addLinePrefixes(sink.isHeading ? escapeHeadingEnd(markdown) : markdown, segment.linePrefixes);
    }
  }
}

function renderNodes(nodes: readonly TaggedNode[], segment: Segment, input: RenderInput, place: TextPlace): Chunk[] {
  return nodes.flatMap((node): Chunk[] => {
    if (node.type === 'text') return [{ value: escapeInlineText(node.value, place), isText: true }];
    const tag = segment.tags[node.id - 1]!;
    if (tag.kind === 'atom') return [markup(tag.markup, input)];
    const inner = renderNodes((node as Extract<TaggedNode, { type: 'pair' }>).children, segment, input, { ...place, isLink: place.isLink || tag.isLink });
    return [markup(tag.open, input), ...inner, markup(closeOf(tag, inner), input)];
  });
}

// `[text]` and `[text][]` use their text as the reference label; once the text changes, the label must be spelled out.
function closeOf(tag: PairTag, inner: readonly Chunk[]): readonly MarkupPart[] {
  if (tag.labelClose === undefined || inner.map((chunk) => chunk.value).join('') === tag.sourceInner) return tag.close;
  return [tag.labelClose];
}

function markup(parts: readonly MarkupPart[], input: RenderInput): Chunk {
  const value = parts.map((part) => (typeof part === 'string' ? part : renderSegment(input.segments[part.segment]!, input))).join('');
  return { value, isText: false };
}

/** Joins chunks, escaping block markers in text that begins a line. */
function joinLines(chunks: readonly Chunk[]): string {
  let output = '';
  for (const chunk of chunks) {
    const atLineStart = output === '' || output.endsWith('\n');
    const value = chunk.isText ? chunk.value.split('\n').map((line, index) => (index > 0 || atLineStart ? escapeLineStart(line.trimStart()) : line)).join('\n') : chunk.value;
    output += value;
  }
  return output;
}

function plainText(nodes: readonly TaggedNode[]): string {
  return nodes.map((node) => (node.type === 'text' ? node.value : node.type === 'pair' ? plainText(node.children) : '')).join('');
}
