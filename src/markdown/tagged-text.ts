/** A node of tagged text: the engine-neutral form a segment travels in. */
export type TaggedNode =
  | { readonly type: 'text'; readonly value: string }
  | { readonly type: 'pair'; readonly id: number; readonly children: TaggedNode[] }
  | { readonly type: 'atom'; readonly id: number };

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
const tokenPattern = /<g(\d+)>|<\/g(\d+)>|<x(\d+)\/>|<\/?[a-zA-Z][^>]*>|&(?:amp|lt|gt|quot|apos);|[^<&]+|[<&]/g;

/** Escapes plain text for tagged text. */
export function escapeTaggedText(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Writes tagged nodes back as tagged text. */
export function stringifyTaggedText(nodes: readonly TaggedNode[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return escapeTaggedText(node.value);
      if (node.type === 'atom') return `<x${node.id}/>`;
      return `<g${node.id}>${stringifyTaggedText(node.children)}</g${node.id}>`;
    })
    .join('');
}

// The tokens plain text drops or decodes; a stray `<` or `&` stays as written, as `parseTaggedText` reads it.
const markupPattern = /(<x\d+\/>)|<\/?g\d+>|<\/?[a-zA-Z][^>]*>|&(?:amp|lt|gt|quot|apos);/g;

/** Plain text of tagged text, without its tags; `atomText` stands in for each atom (a space keeps words apart). */
export function taggedTextToPlain(text: string, atomText = ''): string {
  // Most segments have neither tags nor escapes: then the text is its own plain text.
  if (!hasMarkup(text)) return text;
  // Read token by token rather than through `parseTaggedText`: plain text is asked for many times per segment,
  // and the tree is not needed to drop tags. Unknown tags are dropped as the parser drops them.
  return text.replace(markupPattern, (token, atom?: string) => (atom ? atomText : (entities[token] ?? '')));
}

interface Frame {
  readonly id: number;
  readonly children: TaggedNode[];
}

function currentOf(stack: readonly Frame[], root: TaggedNode[]): TaggedNode[] {
  return stack.length > 0 ? stack[stack.length - 1]!.children : root;
}

function pushText(siblings: TaggedNode[], value: string): void {
  const last = siblings[siblings.length - 1];
  if (last?.type === 'text') siblings[siblings.length - 1] = { type: 'text', value: last.value + value };
  else siblings.push({ type: 'text', value });
}

function hasMarkup(text: string): boolean {
  return text.includes('<') || text.includes('&');
}

/**
 * Parses tagged text as an engine returned it. Never throws: mis-nested or unknown tags
 * are reported as problems, and the nodes hold what could be read.
 */
export function parseTaggedText(text: string): { nodes: TaggedNode[]; problems: string[] } {
  if (!hasMarkup(text)) return { nodes: text === '' ? [] : [{ type: 'text', value: text }], problems: [] };
  const problems: string[] = [];
  const root: TaggedNode[] = [];
  const stack: Frame[] = [];
  // No closures here: this runs several times per segment, and closures would be made anew on every call.

  for (const match of text.matchAll(tokenPattern)) {
    const [token, open, close, atom] = match;
    if (open) {
      stack.push({ id: Number(open), children: [] });
    } else if (close) {
      const frame = stack.pop();
      if (!frame) {
        problems.push(`</g${close}> closes a tag that was never opened`);
        continue;
      }
      if (frame.id !== Number(close)) problems.push(`</g${close}> closes <g${frame.id}>: tags are mis-nested`);
      currentOf(stack, root).push({ type: 'pair', id: frame.id, children: frame.children });
    } else if (atom) {
      currentOf(stack, root).push({ type: 'atom', id: Number(atom) });
    } else if (token.startsWith('<') && token.length > 1) {
      problems.push(`unknown tag ${token}`);
    } else {
      pushText(currentOf(stack, root), entities[token] ?? token);
    }
  }
  while (stack.length > 0) {
    const frame = stack.pop()!;
    problems.push(`<g${frame.id}> is never closed`);
    currentOf(stack, root).push({ type: 'pair', id: frame.id, children: frame.children });
  }
  return { nodes: root, problems };
}
