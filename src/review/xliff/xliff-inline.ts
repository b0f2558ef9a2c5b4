import { escapeTaggedText, parseTaggedText, stringifyTaggedText, type TaggedNode } from '../../markdown/tagged-text.ts';
import { attributeOf, childNodes, escapeXml, forbiddenXmlCharacters, nodeName, textOf, type XmlNode } from '../../xml/xml-node.ts';
import type { ReviewTag } from '../review-types.ts';

/** An inline code of a segment: `pair` is `<pc>` (`<gN>…</gN>`), `atom` is `<ph>` (`<xN/>`). */
export interface InlineCode {
  readonly id: number;
  readonly kind: 'pair' | 'atom';
}

/** Tagged text read from XLIFF inline content, with the codes it holds in order; or what makes it unreadable. */
export type InlineContent = { readonly text: string; readonly codes: readonly InlineCode[] } | { readonly problem: string };


/** `<data>` ids of a tag's markdown in `<originalData>`: the atom or opening side, and the closing side. */
export function dataIds(id: number): { readonly open: string; readonly close: string } {
  return { open: `d${id}`, close: `d${id}-end` };
}

/** Escapes text for XLIFF content, writing characters XML cannot hold as `<cp hex="…"/>`. */
export function escapeXliffText(value: string): string {
  return escapeXml(value).replace(forbiddenXmlCharacters, (character) => `<cp hex="${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}"/>`);
}

/**
 * XLIFF 2 inline content of tagged text: `<gN>…</gN>` → `<pc id="N">…</pc>`, `<xN/>` → `<ph id="N"/>`, each
 * pointing at the `<data>` that holds its markdown when the segment has that tag.
 */
export function taggedToXliff(text: string, tags: readonly ReviewTag[]): string {
  const known = new Set(tags.map((tag) => tag.id));
  return nodesToXliff(parseTaggedText(text).nodes, known);
}

function nodesToXliff(nodes: readonly TaggedNode[], known: ReadonlySet<number>): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return escapeXliffText(node.value);
      const ids = dataIds(node.id);
      if (node.type === 'atom') return known.has(node.id) ? `<ph id="${node.id}" dataRef="${ids.open}"/>` : `<ph id="${node.id}"/>`;
      const references = known.has(node.id) ? ` dataRefStart="${ids.open}" dataRefEnd="${ids.close}"` : '';
      return `<pc id="${node.id}"${references}>${nodesToXliff(node.children, known)}</pc>`;
    })
    .join('');
}

/**
 * Tagged text of a `<source>` or `<target>`. `<pc>`, `<ph>`, and `<sc>`/`<ec>` pairs (how some tools split a
 * `<pc>`) become tags by their id; `<cp>` its character; annotations (`<mrk>`) keep their content and markers
 * (`<sm>`, `<em>`) are dropped. Anything else, or codes that do not nest, is a problem.
 */
export function xliffToTagged(element: XmlNode): InlineContent {
  const codes: InlineCode[] = [];
  const openSpans = new Map<string, number>();
  let problem: string | undefined;

  const read = (nodes: readonly XmlNode[]): string => {
    let text = '';
    for (const node of nodes) {
      if (problem) break;
      const name = nodeName(node);
      const id = attributeOf(node, 'id');
      if (name === '#text') {
        text += escapeTaggedText(textOf(node));
      } else if (name === 'pc' || name === 'ph' || name === 'sc') {
        if (!isCodeId(id)) {
          problem = `<${name}${id === undefined ? '' : ` id="${id}"`}> is not one of the source's inline codes (jialing writes numeric ids)`;
          break;
        }
        if (name === 'sc' && attributeOf(node, 'isolated') === 'yes') {
          problem = `<sc id="${id}" isolated="yes"> has its end in another unit; a code must open and close in its own segment`;
          break;
        }
        codes.push({ id: Number(id), kind: name === 'ph' ? 'atom' : 'pair' });
        if (name === 'ph') text += `<x${id}/>`;
        else if (name === 'pc') text += `<g${id}>${read(childNodes(node))}</g${id}>`;
        else {
          openSpans.set(id, Number(id));
          text += `<g${id}>`;
        }
      } else if (name === 'ec') {
        const start = openSpans.get(attributeOf(node, 'startRef') ?? '');
        if (start === undefined) {
          problem = `<ec${attributeOf(node, 'startRef') === undefined ? '' : ` startRef="${attributeOf(node, 'startRef')}"`}> ends a code that no <sc> before it starts`;
          break;
        }
        openSpans.delete(String(start));
        text += `</g${start}>`;
      } else if (name === 'cp') {
        const codePoint = Number.parseInt(attributeOf(node, 'hex') ?? '', 16);
        if (!Number.isInteger(codePoint) || codePoint > 0x10ffff) {
          problem = `<cp hex="${attributeOf(node, 'hex') ?? ''}"> is not a hexadecimal code point`;
          break;
        }
        text += String.fromCodePoint(codePoint);
      } else if (name === 'mrk') {
        text += read(childNodes(node));
      } else if (name !== 'sm' && name !== 'em') {
        problem = `<${name}> cannot stand in a segment's text`;
        break;
      }
    }
    return text;
  };

  const text = read(childNodes(element));
  if (problem) return { problem };
  const unclosed = [...openSpans.keys()];
  if (unclosed.length > 0) return { problem: `<sc id="${unclosed[0]}"> is never closed by an <ec startRef="${unclosed[0]}">` };
  const parsed = parseTaggedText(text);
  // Only <sc>/<ec> can overlap (<pc> nests by XML), so the one problem left is two spans crossing.
  if (parsed.problems.length > 0) return { problem: `inline codes overlap (${parsed.problems[0]!.replace(/<\/?g(\d+)>/g, 'code $1')}); each code must end inside the one around it` };
  return { text: stringifyTaggedText(parsed.nodes), codes };
}

function isCodeId(id: string | undefined): id is string {
  return id !== undefined && /^[1-9]\d{0,5}$/.test(id);
}
