import type { ResourcePlural, Segment } from '../markdown/segment.ts';
import type { JsonStep } from './json-tree.ts';
import { pluralKeyOf, targetPluralForms, type PluralCategory, type PluralForm } from './plural-forms.ts';

/** A plural group of a source resource: its object's path, base and type, and the forms the source has. */
export interface SourcePluralGroup {
  readonly parent: readonly JsonStep[];
  readonly base: string;
  readonly type: ResourcePlural['type'];
  readonly categories: ReadonlySet<PluralCategory>;
}

/** The plural groups of a resource's segments, by the key `groupKeyOf` gives a member. */
export function collectPluralGroups(segments: readonly Segment[]): Map<string, SourcePluralGroup> {
  const groups = new Map<string, SourcePluralGroup & { categories: Set<PluralCategory> }>();
  for (const segment of segments) {
    if (segment.sink.type !== 'resource' || !segment.sink.plural) continue;
    const key = groupKeyOf(segment.sink.path, segment.sink.plural);
    const group = groups.get(key) ?? { parent: segment.sink.path.slice(0, -1), base: segment.sink.plural.base, type: segment.sink.plural.type, categories: new Set() };
    group.categories.add(segment.sink.plural.category);
    groups.set(key, group);
  }
  return groups;
}

/** Names a member's group: its object's path, type and base. */
export function groupKeyOf(path: readonly JsonStep[], plural: Pick<ResourcePlural, 'base' | 'type'>): string {
  return JSON.stringify([path.slice(0, -1), plural.type, plural.base]);
}

/** The forms a target language needs of a group. */
export function formsOf(group: SourcePluralGroup, sourceLanguage: string, targetLanguage: string): readonly PluralForm[] {
  return targetPluralForms(sourceLanguage, targetLanguage, group.type, group.categories);
}

/**
 * Where a source string stands in a target language's file: its own path, or for a plural form the first
 * target form translated from it; none when the language uses no form translated from it (Japanese has no `one`).
 */
export function targetPathOf(segment: Segment, groups: ReadonlyMap<string, SourcePluralGroup>, sourceLanguage: string, targetLanguage: string): readonly JsonStep[] | undefined {
  if (segment.sink.type !== 'resource') return undefined;
  const { path, plural } = segment.sink;
  if (!plural) return path;
  const group = groups.get(groupKeyOf(path, plural))!;
  const form = formsOf(group, sourceLanguage, targetLanguage).find((candidate) => candidate.from === plural.category);
  return form ? [...group.parent, pluralKeyOf(plural.base, plural.type, form.category)] : undefined;
}
