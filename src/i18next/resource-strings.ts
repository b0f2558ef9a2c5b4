import type { ResourcePlural } from '../markdown/segment.ts';
import type { JsonEntry, JsonNode, JsonStep } from './json-tree.ts';
import { readPluralKey } from './plural-forms.ts';

/** A string of a resource file, in file order, with its path and, for a plural form, its group. */
export interface ResourceString {
  readonly path: readonly JsonStep[];
  readonly node: JsonNode & { type: 'string' };
  readonly plural?: ResourcePlural;
}

/** Every string of a resource file in file order: the order segments are numbered in. */
export function listResourceStrings(tree: JsonNode): ResourceString[] {
  const strings: ResourceString[] = [];
  visit(tree, [], undefined, strings);
  return strings;
}

function visit(node: JsonNode, path: readonly JsonStep[], plural: ResourcePlural | undefined, strings: ResourceString[]): void {
  if (node.type === 'string') strings.push({ path, node, ...(plural && { plural }) });
  else if (node.type === 'array') node.items.forEach((item, index) => visit(item, [...path, index], undefined, strings));
  else if (node.type === 'object') {
    const groups = pluralGroupsOf(node.entries);
    for (const entry of node.entries) visit(entry.value, [...path, entry.key], groups.get(entry.key), strings);
  }
}

/**
 * The plural forms among an object's keys, by key. A group is the keys sharing a base and type (`items_one`,
 * `items_other`); it counts only with an `other`, which i18next requires, and only with string values.
 */
export function pluralGroupsOf(entries: readonly JsonEntry[]): Map<string, ResourcePlural> {
  const byGroup = new Map<string, { plural: ResourcePlural; key: string }[]>();
  for (const entry of entries) {
    const plural = readPluralKey(entry.key);
    if (!plural || entry.value.type !== 'string') continue;
    const group = `${plural.type}:${plural.base}`;
    byGroup.set(group, [...(byGroup.get(group) ?? []), { plural, key: entry.key }]);
  }
  const groups = new Map<string, ResourcePlural>();
  for (const members of byGroup.values()) {
    if (!members.some((member) => member.plural.category === 'other')) continue;
    for (const member of members) groups.set(member.key, member.plural);
  }
  return groups;
}
