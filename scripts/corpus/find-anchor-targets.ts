import type { Root } from 'mdast';
import { createSlugger } from './github-slug.ts';
import { plainText } from './phrasing-text.ts';
import { findNodes } from './walk-nodes.ts';

const htmlId = /\b(?:id|name)\s*=\s*["']([^"']+)["']/gi;

/** Where in-page links of a document can land: each heading's slug, by heading, and the ids given in HTML. */
export interface AnchorTargets {
  /** Slugs of the headings, in document order. */
  readonly headings: readonly string[];
  readonly htmlIds: ReadonlySet<string>;
}

/** Collects the anchors a document offers, with GitHub's slug rules. */
export function findAnchorTargets(tree: Root): AnchorTargets {
  const slug = createSlugger();
  const headings = findNodes(tree, ['heading']).map((heading) => slug(plainText(heading)));
  const htmlIds = new Set(findNodes(tree, ['html']).flatMap((node) => [...node.value.matchAll(htmlId)].map((match) => match[1]!)));
  return { headings, htmlIds };
}

/** What a fragment lands on: `heading:<index>`, `id:<id>`, or undefined when nothing. */
export function resolveFragment(targets: AnchorTargets, fragment: string): string | undefined {
  const decoded = safeDecode(fragment);
  // GitHub's page script also finds an anchor written in another case than the id.
  const heading = targets.headings.findIndex((slug) => slug === decoded || slug === decoded.toLowerCase());
  if (heading !== -1) return `heading:${heading}`;
  if (targets.htmlIds.has(decoded)) return `id:${decoded}`;
  return undefined;
}

function safeDecode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
