const defaultLength = 160;

/** A piece of text short enough for a line of a listing: around `at` when given, with line breaks shown as `⏎`. */
export function excerpt(text: string, at?: number, length = defaultLength): string {
  const start = at === undefined ? 0 : Math.max(0, at - Math.floor(length / 3));
  const piece = text.slice(start, start + length);
  return `${start > 0 ? '…' : ''}${piece.replaceAll('\n', '⏎')}${start + length < text.length ? '…' : ''}`;
}

/** The source text of a node, from its position. */
export function sourceOf(text: string, node: { readonly position?: { readonly start: { readonly offset?: number }; readonly end: { readonly offset?: number } } }): string {
  return text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
}
