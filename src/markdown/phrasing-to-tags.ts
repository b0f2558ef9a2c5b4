import type { Image, ImageReference, Link, LinkReference, PhrasingContent, Text } from 'mdast';
import { addSegment, type ExtractContext } from './extract-context.ts';
import { stripLinePrefixes } from './line-prefixes.ts';
import { alignValue, findReferences } from './protect/align-value.ts';
import { findProtected } from './protect/find-protected.ts';
import { findLabelEnd, findTitle } from './scan-markup.ts';
import type { MarkupPart, Tag } from './segment.ts';
import { escapeTaggedText } from './tagged-text.ts';

interface TagBuilder {
  readonly context: ExtractContext;
  /** Segment that owns the tags; nested alt and title segments point back to it. */
  readonly owner: number;
  readonly tags: Tag[];
  references?: Record<string, string>;
}

/** Turns a block's inline content into tagged text, collecting the markup of each tag. */
export function phrasingToTags(nodes: readonly PhrasingContent[], context: ExtractContext, owner: number): { text: string; tags: Tag[]; references?: Record<string, string> } {
  const builder: TagBuilder = { context, owner, tags: [] };
  const text = nodes.map((node) => nodeToTags(node, builder)).join('');
  return { text, tags: builder.tags, ...(builder.references && { references: builder.references }) };
}

function nodeToTags(node: PhrasingContent, builder: TagBuilder): string {
  switch (node.type) {
    case 'text':
      return protectedText(node, builder);
    case 'emphasis':
    case 'strong':
    case 'delete':
      return pairTag(node, builder, false);
    case 'link':
      return isBracketed(node, builder) && node.children.length > 0 ? linkTag(node, builder) : atomTag(node, builder, [sourceOf(node, builder)]);
    case 'linkReference':
      return node.children.length > 0 ? linkReferenceTag(node, builder) : atomTag(node, builder, [sourceOf(node, builder)]);
    case 'image':
    case 'imageReference':
      return atomTag(node, builder, imageMarkup(node, builder));
    default:
      // Inline code, HTML, breaks and footnote references pass through as written.
      return atomTag(node, builder, [sourceOf(node, builder)]);
  }
}

type ParentPhrasing = Extract<PhrasingContent, { children: PhrasingContent[] }>;

function pairTag(node: ParentPhrasing, builder: TagBuilder, isLink: boolean, close?: MarkupPart[], extra: object = {}): string {
  const id = builder.tags.length + 1;
  const tag = { kind: 'pair', id, open: [innerEdge(node, builder, 'open')], close: close ?? [innerEdge(node, builder, 'close')], isLink, ...extra } as const;
  builder.tags.push(tag);
  const inner = node.children.map((child) => nodeToTags(child, builder)).join('');
  if ('labelClose' in extra) builder.tags[id - 1] = { ...tag, sourceTagged: inner };
  return `<g${id}>${inner}</g${id}>`;
}

function linkTag(node: Link, builder: TagBuilder): string {
  const close = innerEdge(node, builder, 'close');
  return pairTag(node, builder, true, node.title ? withTitle(close, node, builder) : [close]);
}

function linkReferenceTag(node: LinkReference, builder: TagBuilder): string {
  if (node.referenceType === 'full') return pairTag(node, builder, true);
  const { source } = builder.context;
  const sourceInner = stripLinePrefixes(source.slice(offsetOf(node.children[0]!, 'start'), offsetOf(node.children.at(-1)!, 'end')));
  return pairTag(node, builder, true, undefined, { labelClose: `][${sourceInner}]`, sourceInner });
}

function atomTag(node: PhrasingContent, builder: TagBuilder, markup: MarkupPart[]): string {
  const id = builder.tags.length + 1;
  builder.tags.push({ kind: 'atom', id, markup });
  return `<x${id}/>`;
}

// Tokens no engine may touch (URLs, versions, file names… see `protectRules`) become atoms holding their source
// bytes, so they come back exactly as written whatever the engine does with the words around them.
function protectedText(node: Text, builder: TagBuilder): string {
  if (!node.position) return escapeTaggedText(node.value);
  const raw = stripLinePrefixes(builder.context.source.slice(offsetOf(node, 'start'), offsetOf(node, 'end')));
  if (raw.includes('&')) builder.references = { ...builder.references, ...findReferences(raw) };
  const tokens = findProtected(node.value, builder.context.protect);
  if (tokens.length === 0) return escapeTaggedText(node.value);
  const offsets = alignValue(node.value, raw);
  if (!offsets) return escapeTaggedText(node.value);
  let text = '';
  let position = 0;
  for (const token of tokens) {
    text += escapeTaggedText(node.value.slice(position, token.start));
    const id = builder.tags.length + 1;
    builder.tags.push({
      kind: 'atom',
      id,
      markup: [raw.slice(offsets[token.start], offsets[token.end])],
      protected: { text: node.value.slice(token.start, token.end), rule: token.rule, isName: token.isName },
    });
    text += `<x${id}/>`;
    position = token.end;
  }
  return text + escapeTaggedText(node.value.slice(position));
}

function imageMarkup(node: Image | ImageReference, builder: TagBuilder): MarkupPart[] {
  const markup = sourceOf(node, builder);
  const labelEnd = findLabelEnd(markup, 1);
  const isShortcut = node.type === 'imageReference' && node.referenceType !== 'full';
  // In `![alt]` and `![alt][]` the alt is also the reference label: translating it would break the image.
  if (!node.alt || labelEnd === -1 || isShortcut) return [markup];
  const start = offsetOf(node, 'start');
  const alt = addSegment(builder.context, {
    kind: 'alt',
    text: escapeTaggedText(node.alt),
    tags: [],
    sink: { type: 'alt' },
    start: start + 2,
    end: start + labelEnd,
    parent: builder.owner,
  });
  const rest = markup.slice(labelEnd);
  const tail = node.type === 'image' && node.title ? withTitle(rest, node, builder, start + labelEnd) : [rest];
  return ['![', { segment: alt }, ...tail];
}

function withTitle(markup: string, node: Link | Image, builder: TagBuilder, markupStart = offsetOf(node, 'end') - markup.length): MarkupPart[] {
  const title = findTitle(markup);
  if (!title || !node.title) return [markup];
  const segment = addSegment(builder.context, {
    kind: 'title',
    text: escapeTaggedText(node.title),
    tags: [],
    sink: { type: 'title', delimiter: title.delimiter },
    start: markupStart + title.start,
    end: markupStart + title.end,
    parent: builder.owner,
  });
  return [markup.slice(0, title.start), { segment }, markup.slice(title.end)];
}

function innerEdge(node: ParentPhrasing, builder: TagBuilder, edge: 'open' | 'close'): string {
  const { source } = builder.context;
  const markup =
    edge === 'open'
      ? source.slice(offsetOf(node, 'start'), offsetOf(node.children[0]!, 'start'))
      : source.slice(offsetOf(node.children.at(-1)!, 'end'), offsetOf(node, 'end'));
  return stripLinePrefixes(markup);
}

function isBracketed(node: Link, builder: TagBuilder): boolean {
  return builder.context.source[offsetOf(node, 'start')] === '[';
}

function sourceOf(node: PhrasingContent, builder: TagBuilder): string {
  return stripLinePrefixes(builder.context.source.slice(offsetOf(node, 'start'), offsetOf(node, 'end')));
}

/** Source offset of a node's start or end; the parser always sets positions. */
export function offsetOf(node: { position?: { start: { offset?: number }; end: { offset?: number } } }, edge: 'start' | 'end'): number {
  return node.position![edge].offset!;
}
