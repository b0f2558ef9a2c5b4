import { positionAt } from './text-position.ts';
import { tmxError } from './tmx-error.ts';

const declarationPattern = /<!(DOCTYPE|ENTITY)\b/gi;
// What TMX tools write: a bare reference to the DTD, which no parser here ever fetches.
const standardDoctype = /<!DOCTYPE\s+tmx\s+SYSTEM\s+(["'])tmx1[1-4]\.dtd\1\s*>/y;

/**
 * The XML with its standard TMX DOCTYPE (`<!DOCTYPE tmx SYSTEM "tmx14.dtd">`) blanked out. Any other DOCTYPE
 * or an ENTITY declaration is refused before a parser sees it: entities can expand to gigabytes
 * ("billion laughs") or pull in local files and URLs. Works on the raw text, so a declaration inside a
 * comment is refused too.
 */
export function withoutDoctype(content: string, file?: string): string {
  let doctype: { start: number; end: number } | undefined;
  for (const match of content.matchAll(declarationPattern)) {
    const sticky = new RegExp(standardDoctype);
    sticky.lastIndex = match.index;
    const standard = doctype === undefined && match[1]!.toUpperCase() === 'DOCTYPE' ? sticky.exec(content) : null;
    if (standard) {
      doctype = { start: match.index, end: match.index + standard[0].length };
      continue;
    }
    throw tmxError(
      file,
      positionAt(content, match.index),
      `refusing a <!${match[1]!.toUpperCase()}> declaration: jialing reads TMX without DTDs or entity declarations, which can expand without bound or read other files.`,
      'Remove the declaration (a plain <!DOCTYPE tmx SYSTEM "tmx14.dtd"> is fine) and import again.',
    );
  }
  if (!doctype) return content;
  const blank = content.slice(doctype.start, doctype.end).replace(/[^\n]/g, ' ');
  return content.slice(0, doctype.start) + blank + content.slice(doctype.end);
}
