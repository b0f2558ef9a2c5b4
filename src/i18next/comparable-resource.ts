import type { FormatSource } from '../formats/document-format.ts';
import type { JsonNode } from './json-tree.ts';
import { pluralKeyOf, readPluralKey } from './plural-forms.ts';
import { collectPluralGroups, formsOf, groupKeyOf } from './plural-groups.ts';
import { readResourceTree } from './segment-resource.ts';
import { detectIndent, writeJson, type OutputNode } from './write-json.ts';

/**
 * A target resource file with only the keys a rebuild writes (the source's, with the language's plural forms),
 * written as a rebuild writes it: keys of its own and stale forms are the rebuild's business, not edits.
 */
export function comparableResource(output: string, source: FormatSource, context: { readonly sourceLanguage: string; readonly language: string }): string {
  const groups = collectPluralGroups(source.segments);
  const sourceTree = readResourceTree(source.text, source.file);
  const keep = (node: JsonNode, sourceNode: JsonNode | undefined, path: readonly (string | number)[]): OutputNode => {
    if (node.type === 'array') return { type: 'array', items: node.items.map((item, index) => keep(item, sourceNode?.type === 'array' ? sourceNode.items[index] : undefined, [...path, index])) };
    if (node.type !== 'object' || sourceNode?.type !== 'object') return node;
    const entries = node.entries.flatMap((entry) => {
      const counterpart = sourceNode.entries.find((candidate) => candidate.key === entry.key);
      const plural = readPluralKey(entry.key);
      const group = plural && groups.get(groupKeyOf([...path, entry.key], plural));
      if (group) {
        const isForm = formsOf(group, context.sourceLanguage, context.language).some((form) => pluralKeyOf(group.base, group.type, form.category) === entry.key);
        return isForm ? [{ key: entry.key, value: keep(entry.value, counterpart?.value, [...path, entry.key]) }] : [];
      }
      return counterpart ? [{ key: entry.key, value: keep(entry.value, counterpart.value, [...path, entry.key]) }] : [];
    });
    return { type: 'object', entries };
  };
  const { text } = writeJson(keep(readResourceTree(output, source.file), sourceTree, []), detectIndent(source.text));
  return source.text.endsWith('\n') ? `${text}\n` : text;
}
