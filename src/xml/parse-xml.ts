import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { blankOut, positionAt } from './text-position.ts';
import type { XmlNode } from './xml-node.ts';

/** Why a text is not well-formed XML, and where. */
export interface XmlProblem {
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

const commentsAndCdata = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g;
// With no DTD, XML defines only these entities; the parser would leave any other one as text.
const undefinedReference = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);)/;
const namedReferences: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

// Decodes the five XML entities and character references, nothing else: callers refuse a DOCTYPE before
// parsing (`withoutDeclarations`), and `addInputEntities` ignoring declared entities keeps it that way should one slip through.
const xmlEntityDecoder = {
  setExternalEntities: () => {},
  addInputEntities: () => {},
  reset: () => {},
  setXmlVersion: () => {},
  decode: (text: string) =>
    text.replace(/&(#x[\da-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (reference, name: string) => {
      if (!name.startsWith('#')) return namedReferences[name] ?? reference;
      const codePoint = name.startsWith('#x') ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : reference;
    }),
};

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  captureMetaData: true,
  entityDecoder: xmlEntityDecoder,
});

/**
 * Parses XML that has no DOCTYPE left (see `withoutDeclarations`) into `preserveOrder` nodes, text and
 * attributes as written; or says why it is not well-formed.
 */
export function parseXml(xml: string): { readonly nodes: XmlNode[] } | { readonly problem: XmlProblem } {
  const validation = XMLValidator.validate(xml);
  if (validation !== true) return { problem: describeInvalid(xml, validation.err) };
  const reference = blankOut(xml, commentsAndCdata).search(undefinedReference);
  if (reference >= 0) return { problem: { message: 'an `&` that does not start &amp; &lt; &gt; &quot; &apos; or a character reference.', ...positionAt(xml, reference) } };
  return { nodes: parser.parse(xml) as XmlNode[] };
}

/** Offset in the parsed text where an element starts, when the parser recorded it. */
export function startOffsetOf(node: XmlNode): number | undefined {
  const metadata = (node as Record<symbol, { startIndex?: number } | undefined>)[XMLParser.getMetaDataSymbol() as symbol];
  return metadata?.startIndex;
}

// The validator reports elements still open at the end as `Invalid '["a","b"]' found.` at line 1.
function describeInvalid(xml: string, error: { code: string; msg: string; line: number; col: number }): XmlProblem {
  const unclosed = error.code === 'InvalidXml' && error.msg.startsWith("Invalid '[") ? [...error.msg.matchAll(/"([^"]+)"/g)].map((match) => `<${match[1]}>`) : [];
  if (unclosed.length === 0) return { message: error.msg, line: error.line, column: error.col };
  return { message: `the file ends before ${unclosed.join(', ')} ${unclosed.length === 1 ? 'is' : 'are'} closed: it was cut short or not saved whole.`, line: xml.split('\n').length };
}
