import type { Definition, Html, Link, Root } from 'mdast';
import { locateDestination, type DestinationSpan } from './locate-destination.ts';
import { nodesOf } from './nodes-of.ts';

/** A link with a fragment (`#options`, `guide.md#options`) in a markdown document. */
export interface FragmentLink {
  /** The URL's part before `#`, percent-decoded: empty for a link within the page. */
  readonly path: string;
  /** The URL's part after `#`, percent-decoded. */
  readonly fragment: string;
  /** Where the fragment's bytes are written, after the `#`; none when escapes or references spell it. */
  readonly span: DestinationSpan | undefined;
  /** Whether the fragment is written with percent escapes, so a new one is written so too. */
  readonly isPercentEncoded: boolean;
  readonly line: number;
  /** The link's markup as written, for messages. */
  readonly markup: string;
}

// Runs over one HTML node's source only; a fragment link in HTML is always quoted in practice.
const hrefAttribute = /(?<=\s)href\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

/** The links with a fragment in a document, in document order: inline links, definitions and HTML `href`s. */
export function findFragmentLinks(tree: Root, source: string): FragmentLink[] {
  const links: FragmentLink[] = [];
  for (const node of nodesOf(tree)) {
    // A node the parser could not place in the source (see fillMissingPositions) has no markup to read or rewrite.
    if (!node.position) continue;
    if (node.type === 'link') pushLink(links, node, source, linkDestination(node, source));
    else if (node.type === 'definition') pushLink(links, node, source, definitionDestination(node, source));
    else if (node.type === 'html') pushHtmlLinks(links, node, source);
  }
  return links;
}

function pushLink(links: FragmentLink[], node: Link | Definition, source: string, destination: DestinationSpan | undefined): void {
  const hash = node.url.indexOf('#');
  if (hash === -1) return;
  const written = destination ? source.slice(destination.start, destination.end) : '';
  const start = node.position!.start.offset!;
  links.push(fragmentLink(node.url, hash, destination, written, node.position!.start.line, source.slice(start, node.position!.end.offset)));
}

function pushHtmlLinks(links: FragmentLink[], node: Html, source: string): void {
  const start = node.position!.start.offset!;
  const html = source.slice(start, node.position!.end.offset);
  for (const match of html.matchAll(hrefAttribute)) {
    const url = match[1] ?? match[2]!;
    const hash = url.indexOf('#');
    if (hash === -1) continue;
    const valueStart = start + match.index + match[0].length - 1 - url.length;
    const line = node.position!.start.line + countLines(html.slice(0, match.index));
    links.push(fragmentLink(url, hash, { start: valueStart, end: valueStart + url.length }, url, line, match[0]));
  }
}

function fragmentLink(url: string, hash: number, destination: DestinationSpan | undefined, written: string, line: number, markup: string): FragmentLink {
  const fragment = url.slice(hash + 1);
  const writtenHash = written.indexOf('#');
  // The parser has already undone escapes and character references in `url`: splice only where the
  // written fragment is the parsed one byte for byte, so nothing else of the destination changes.
  const isLocated = destination !== undefined && writtenHash !== -1 && written.slice(writtenHash + 1) === fragment;
  return {
    path: decodePercent(url.slice(0, hash)),
    fragment: decodePercent(fragment),
    span: isLocated ? { start: destination.start + writtenHash + 1, end: destination.end } : undefined,
    isPercentEncoded: /%[0-9a-f]{2}/i.test(fragment),
    line,
    markup,
  };
}

function linkDestination(node: Link, source: string): DestinationSpan | undefined {
  const end = node.position!.end.offset!;
  const textEnd = node.children.at(-1)?.position?.end.offset ?? node.position!.start.offset! + 1;
  // Autolinks (`<https://…>`, bare `www.…`) have no `](`: their URL is their text, never a relative one.
  if (source[textEnd] !== ']' || source[textEnd + 1] !== '(') return undefined;
  return locateDestination(source, textEnd + 2, end);
}

function definitionDestination(node: Definition, source: string): DestinationSpan | undefined {
  const end = node.position!.end.offset!;
  let index = node.position!.start.offset! + 1;
  // A label holds no unescaped `]`, and `]:` follows it.
  while (index < end && source[index] !== ']') index += source[index] === '\\' ? 2 : 1;
  if (source[index + 1] !== ':') return undefined;
  return locateDestination(source, index + 2, end);
}

function decodePercent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function countLines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
}
