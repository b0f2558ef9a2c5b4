import { withoutDeclarations } from '../xml/without-declarations.ts';
import { tmxError } from './tmx-error.ts';

// What TMX tools write: a bare reference to the DTD, which no parser here ever fetches.
const standardDoctype = /<!DOCTYPE\s+tmx\s+SYSTEM\s+(["'])tmx1[1-4]\.dtd\1\s*>/y;

/**
 * The XML with its standard TMX DOCTYPE (`<!DOCTYPE tmx SYSTEM "tmx14.dtd">`) blanked out. Any other DOCTYPE
 * or an ENTITY declaration is refused before a parser sees it (see `withoutDeclarations`).
 */
export function withoutDoctype(content: string, file?: string): string {
  const result = withoutDeclarations(content, standardDoctype);
  if ('xml' in result) return result.xml;
  const { kind, line, column } = result.refused;
  throw tmxError(
    file,
    { line, column },
    `refusing a <!${kind}> declaration: jialing reads TMX without DTDs or entity declarations, which can expand without bound or read other files.`,
    'Remove the declaration (a plain <!DOCTYPE tmx SYSTEM "tmx14.dtd"> is fine) and import again.',
  );
}
