/** One heading's anchor. */
export interface HeadingAnchor {
  /** The id links reach the heading by: its explicit `{#id}`, else its slug; none under `keep` without `{#id}`. */
  readonly id: string | undefined;
  readonly isExplicit: boolean;
  /** Line of the heading, 0 when the anchors came from a list of slugs. */
  readonly line: number;
}

/** What a document's links can land on. */
export interface DocumentAnchors {
  /** Every heading in document order, so headings of a source and its translation pair by position. */
  readonly headings: readonly HeadingAnchor[];
  /** Ids set by hand (`{#id}`, HTML `id` and `<a name>`): a link to one is never rewritten. */
  readonly explicitIds: ReadonlySet<string>;
  /** Position of the heading each slug belongs to (headings with an explicit id have none). */
  readonly slugIndex: ReadonlyMap<string, number>;
}

/** Builds a document's anchors from its headings and the ids set by hand. */
export function createDocumentAnchors(headings: readonly HeadingAnchor[], explicitIds: Iterable<string>): DocumentAnchors {
  const slugIndex = new Map<string, number>();
  headings.forEach((heading, index) => {
    if (heading.id !== undefined && !heading.isExplicit && !slugIndex.has(heading.id)) slugIndex.set(heading.id, index);
  });
  return { headings, explicitIds: new Set(explicitIds), slugIndex };
}
