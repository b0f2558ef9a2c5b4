import { positionAt } from './text-position.ts';

/** A `<!DOCTYPE>` or `<!ENTITY>` declaration found in XML text. */
export interface XmlDeclaration {
  readonly kind: 'DOCTYPE' | 'ENTITY';
  readonly line: number;
  readonly column: number;
}

const declarationPattern = /<!\s*(DOCTYPE|ENTITY)\b/gi;

/**
 * The XML with the one DOCTYPE `allowedDoctype` (a sticky pattern) matches blanked out, or the first
 * declaration it refuses. Any other DOCTYPE and every ENTITY declaration is refused before a parser sees
 * it: entities can expand to gigabytes ("billion laughs") or pull in local files and URLs. Works on the
 * raw text, so a declaration inside a comment is refused too.
 */
export function withoutDeclarations(content: string, allowedDoctype?: RegExp): { readonly xml: string } | { readonly refused: XmlDeclaration } {
  let doctype: { start: number; end: number } | undefined;
  for (const match of content.matchAll(declarationPattern)) {
    const kind = match[1]!.toUpperCase() as XmlDeclaration['kind'];
    const allowed = doctype === undefined && kind === 'DOCTYPE' && allowedDoctype ? matchAt(allowedDoctype, content, match.index) : undefined;
    if (allowed === undefined) return { refused: { kind, ...positionAt(content, match.index) } };
    doctype = { start: match.index, end: match.index + allowed.length };
  }
  if (!doctype) return { xml: content };
  const blank = content.slice(doctype.start, doctype.end).replace(/[^\n]/g, ' ');
  return { xml: content.slice(0, doctype.start) + blank + content.slice(doctype.end) };
}

function matchAt(pattern: RegExp, text: string, index: number): string | undefined {
  const sticky = new RegExp(pattern.source, pattern.flags.includes('y') ? pattern.flags : `${pattern.flags}y`);
  sticky.lastIndex = index;
  return sticky.exec(text)?.[0];
}
