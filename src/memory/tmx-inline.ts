import { escapeTaggedText } from '../markdown/tagged-text.ts';
import { attributeOf, childNodes, escapeXml, forbiddenXmlCharacters, nodeName, textOf, type XmlNode } from '../xml/xml-node.ts';

// Token by token rather than through parseTaggedText, which drops unknown tags and re-nests
// mis-nested ones: the export must carry a stored text exactly as it is.
const tokenPattern = /<g(\d+)>|<\/g(\d+)>|<x(\d+)\/>|(&(?:amp|lt|gt|quot|apos);)|([^<&]+)|([\s\S])/g;

/**
 * TMX `<seg>` content of tagged text. `<gN>` → `<bpt i="K" x="N">`, `</gN>` → `<ept i="K">` (K counting pairs) and `<xN/>` →
 * `<ph x="N">`, each holding the jialing tag as its native code, so other tools show and keep it.
 * Anything else that looks like a tag is text.
 */
export function taggedToTmx(text: string): string {
  let seg = '';
  // An engine may split one span into several (`<g1>a</g1> b <g1>c</g1>`): each pair gets its own `i`,
  // which TMX requires to be unique in a <seg>, and `x` keeps the tag it stands for.
  let pairs = 0;
  const open: { readonly id: string; readonly pairing: number }[] = [];
  for (const [, opened, closed, atom, entity, plain, other] of text.matchAll(tokenPattern)) {
    if (opened) {
      open.push({ id: opened, pairing: ++pairs });
      seg += `<bpt i="${pairs}" x="${opened}">&lt;g${opened}&gt;</bpt>`;
    } else if (closed) {
      const at = open.map((candidate) => candidate.id).lastIndexOf(closed);
      const pairing = at === -1 ? ++pairs : open.splice(at, 1)[0]!.pairing;
      seg += `<ept i="${pairing}">&lt;/g${closed}&gt;</ept>`;
    }
    else if (atom) seg += `<ph x="${atom}">&lt;x${atom}/&gt;</ph>`;
    else if (entity) seg += entity;
    else seg += escapeXml((plain ?? other ?? '').replace(forbiddenXmlCharacters, ''));
  }
  return seg;
}

/** Tagged text of a TMX `<seg>`, or why it cannot be represented. */
export type TaggedFromTmx = { readonly text: string } | { readonly problem: string };

/**
 * Tagged text of a parsed TMX `<seg>`: the inverse of `taggedToTmx`, reading the codes' attributes and
 * ignoring their native code. `<bpt>` takes its jialing id from `x` (else `i`), and `<ept>` pairs with it by `i`.
 */
export function tmxToTagged(seg: XmlNode): TaggedFromTmx {
  let text = '';
  const openIds = new Map<string, string>();
  for (const node of childNodes(seg)) {
    const name = nodeName(node);
    if (name === '#text') {
      text += escapeTaggedText(textOf(node));
    } else if (name === 'bpt') {
      const pairing = attributeOf(node, 'i');
      const id = attributeOf(node, 'x') ?? pairing;
      if (pairing === undefined || !isId(id)) return { problem: '<bpt> needs a numeric `i` or `x`' };
      openIds.set(pairing, id);
      text += `<g${id}>`;
    } else if (name === 'ept') {
      const id = openIds.get(attributeOf(node, 'i') ?? '');
      if (id === undefined) return { problem: `<ept i="${attributeOf(node, 'i') ?? ''}"> has no <bpt> with the same \`i\`` };
      text += `</g${id}>`;
    } else if (name === 'ph') {
      const id = attributeOf(node, 'x');
      if (!isId(id)) return { problem: '<ph> needs a numeric `x` to stand for a jialing placeholder' };
      text += `<x${id}/>`;
    } else {
      return { problem: `<${name}> inside <seg> cannot be represented in jialing's tagged text` };
    }
  }
  return { text };
}

function isId(value: string | undefined): value is string {
  return value !== undefined && /^\d+$/.test(value);
}
