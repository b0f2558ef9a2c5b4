import type { Tag } from '../markdown/segment.ts';
import { repairTags } from '../markdown/repair-tags.ts';
import { escapeTaggedText, parseTaggedText, stringifyTaggedText, type TaggedNode } from '../markdown/tagged-text.ts';
import type { ResourceSyntax } from './resource-syntax.ts';
import { scanResourceString, type ResourceToken } from './scan-resource-string.ts';

/** A resource string as tagged text: placeholders as `<xN/>`, `Trans` markup as `<gN>…</gN>`. */
export interface TaggedResource {
  readonly text: string;
  readonly tags: readonly Tag[];
}

/** Turns a resource string into tagged text; markup that opens without closing (or the reverse) is kept as an atom. */
export function resourceToTagged(value: string, syntax: ResourceSyntax): TaggedResource {
  const tokens = pairMarkup(scanResourceString(value, syntax));
  const tags: Tag[] = [];
  const openIds: number[] = [];
  let text = '';
  for (const token of tokens) {
    if (token.type === 'text') {
      text += escapeTaggedText(token.value);
    } else if (token.type === 'atom') {
      const id = tags.length + 1;
      tags.push({ kind: 'atom', id, markup: [token.raw] });
      text += `<x${id}/>`;
    } else if (token.type === 'open') {
      const id = tags.length + 1;
      tags.push({ kind: 'pair', id, open: [token.raw], close: [token.closeRaw], isLink: false });
      openIds.push(id);
      text += `<g${id}>`;
    } else {
      text += `</g${openIds.pop()}>`;
    }
  }
  return { text, tags };
}

type PairedToken = Exclude<ResourceToken, { type: 'open' }> | { readonly type: 'open'; readonly name: string; readonly raw: string; readonly closeRaw: string };

/** Matches each opening tag with its closing one; the unmatched become atoms. */
function pairMarkup(tokens: readonly ResourceToken[]): PairedToken[] {
  const result: PairedToken[] = [...tokens] as PairedToken[];
  const stack: number[] = [];
  const closes = new Map<number, string>();
  for (const [index, token] of tokens.entries()) {
    if (token.type === 'open') stack.push(index);
    else if (token.type === 'close') {
      const open = stack.at(-1);
      const opening = open === undefined ? undefined : tokens[open];
      if (opening?.type === 'open' && opening.name === token.name) {
        stack.pop();
        closes.set(open!, token.raw);
      } else result[index] = { type: 'atom', raw: token.raw };
    }
  }
  for (const [index, token] of tokens.entries()) {
    if (token.type !== 'open') continue;
    const closeRaw = closes.get(index);
    result[index] = closeRaw === undefined ? { type: 'atom', raw: token.raw } : { ...token, closeRaw };
  }
  return result;
}

/** Writes a translation (tagged text) back as a resource string; every tag of the source must come back once. */
export function taggedToResource(translation: string, tags: readonly Tag[]): { readonly value: string } | { readonly problems: string[] } {
  const parsed = parseTaggedText(translation);
  const { problems } = parsed;
  // Engines split a span around the words they move (`<g1>a</g1> b <g1>c</g1>`): mended as in articles.
  const nodes = repairTags(parsed.nodes, () => false);
  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  const seen = new Map<number, number>();
  const write = (list: readonly TaggedNode[]): string =>
    list
      .map((node) => {
        if (node.type === 'text') return node.value;
        seen.set(node.id, (seen.get(node.id) ?? 0) + 1);
        const tag = byId.get(node.id);
        if (!tag || (tag.kind === 'atom') !== (node.type === 'atom')) {
          problems.push(`${node.type === 'atom' ? `<x${node.id}/>` : `<g${node.id}>`} is not in the source`);
          return '';
        }
        if (tag.kind === 'atom') return tag.markup.join('');
        return `${tag.open.join('')}${write(node.type === 'pair' ? node.children : [])}${tag.close.join('')}`;
      })
      .join('');
  const value = write(nodes);
  for (const tag of tags) {
    const count = seen.get(tag.id) ?? 0;
    const name = tag.kind === 'atom' ? tag.markup.join('') : `${tag.open.join('')}…${tag.close.join('')}`;
    if (count !== 1) problems.push(`${name} ${count === 0 ? 'was lost' : `came back ${count} times`}`);
  }
  return problems.length > 0 ? { problems } : { value };
}

/** A translation as it is written, with spans an engine split joined; undefined when it cannot be written. */
export function repairResourceTranslation(segment: { readonly tags: readonly Tag[] }, text: string): string | undefined {
  if ('problems' in taggedToResource(text, segment.tags)) return undefined;
  return stringifyTaggedText(repairTags(parseTaggedText(text).nodes, () => false));
}
