import type { FormatSource } from '../formats/document-format.ts';
import type { RebuiltArticle, WrittenSegment } from '../markdown/rebuild-article.ts';
import type { SegmentFailure } from '../markdown/render-segment.ts';
import type { JsonNode, JsonStep } from './json-tree.ts';
import { parseJsonTree } from './parse-json-tree.ts';
import { pluralKeyOf, readPluralKey } from './plural-forms.ts';
import { collectPluralGroups, formsOf, groupKeyOf } from './plural-groups.ts';
import { listResourceStrings, pluralGroupsOf } from './resource-strings.ts';
import { taggedToResource } from './resource-text.ts';
import { readResourceTree } from './segment-resource.ts';
import { detectIndent, writeJson, type OutputNode } from './write-json.ts';

/** What a resource rebuild needs beside the source and translations. */
export interface ResourceRebuildContext {
  readonly sourceLanguage: string;
  readonly language: string;
  /** Keys the target file has and the source lacks: kept where they are, or removed. */
  readonly extraKeys: 'keep' | 'remove';
  /** The target file as it is on disk. */
  readonly current?: string;
}

/**
 * Writes a resource file in one language: the source's keys in its order and indentation, each string
 * translated, each plural group with exactly the target language's forms, values other than strings as they are.
 */
export function rebuildResource(source: FormatSource, translations: ReadonlyMap<number, string>, context: ResourceRebuildContext): RebuiltArticle {
  const tree = readResourceTree(source.text, source.file);
  const strings = listResourceStrings(tree);
  const failures: SegmentFailure[] = [];
  const values = strings.map((string, index) => {
    const segment = source.segments[index]!;
    const translation = translations.get(index) ?? segment.text;
    const written = taggedToResource(translation, segment.tags);
    if ('value' in written) return { value: written.value, text: translation };
    failures.push({ segment, problems: written.problems });
    return { value: string.node.value, text: segment.text };
  });
  const indexByPath = new Map(strings.map((string, index) => [JSON.stringify(string.path), index]));
  const groups = collectPluralGroups(source.segments);
  const build = (node: JsonNode, path: readonly JsonStep[]): OutputNode => {
    if (node.type === 'literal') return node;
    if (node.type === 'string') {
      const index = indexByPath.get(JSON.stringify(path))!;
      return { type: 'string', value: values[index]!.value, mark: index };
    }
    if (node.type === 'array') return { type: 'array', items: node.items.map((item, index) => build(item, [...path, index])) };
    const plurals = pluralGroupsOf(node.entries);
    const entries: { key: string; value: OutputNode }[] = [];
    const written = new Set<string>();
    for (const entry of node.entries) {
      const plural = plurals.get(entry.key);
      if (!plural) {
        entries.push({ key: entry.key, value: build(entry.value, [...path, entry.key]) });
        continue;
      }
      const groupKey = groupKeyOf([...path, entry.key], plural);
      if (written.has(groupKey)) continue;
      written.add(groupKey);
      // The whole group goes where its first form stood, in CLDR order.
      const marked = new Set<number>();
      for (const form of formsOf(groups.get(groupKey)!, context.sourceLanguage, context.language)) {
        const index = indexByPath.get(JSON.stringify([...path, pluralKeyOf(plural.base, plural.type, form.from)]))!;
        entries.push({ key: pluralKeyOf(plural.base, plural.type, form.category), value: { type: 'string', value: values[index]!.value, ...(!marked.has(index) && { mark: index }) } });
        marked.add(index);
      }
    }
    return { type: 'object', entries };
  };
  const output = build(tree, []);
  const warnings = mergeExtraKeys(output, tree, readCurrent(context.current), [], context.extraKeys, source.file, context.language);
  const { text, lines } = writeJson(output, detectIndent(source.text));
  const writtenSegments = new Map<number, WrittenSegment>(
    source.segments.map((segment) => [segment.index, { text: values[segment.index]!.text, line: lines.get(segment.index) ?? segment.line, ...(!lines.has(segment.index) && { isOmitted: true }) }]),
  );
  return { text: source.text.endsWith('\n') ? `${text}\n` : text, failures, written: writtenSegments, warnings };
}

function readCurrent(current: string | undefined): JsonNode | undefined {
  if (current === undefined) return undefined;
  try {
    return parseJsonTree(current);
  } catch {
    return undefined;
  }
}

// A plural form of one of the source's groups is never extra: a category the language does not use is stale and goes.
function mergeExtraKeys(output: OutputNode, source: JsonNode, current: JsonNode | undefined, path: readonly JsonStep[], extraKeys: 'keep' | 'remove', file: string, language: string): string[] {
  if (output.type !== 'object' || source.type !== 'object' || current?.type !== 'object') return [];
  const entries = output.entries as { key: string; value: OutputNode }[];
  const plurals = [...pluralGroupsOf(source.entries).values()];
  const warnings: string[] = [];
  for (const entry of current.entries) {
    const own = output.entries.find((candidate) => candidate.key === entry.key);
    const sourceEntry = source.entries.find((candidate) => candidate.key === entry.key);
    if (own && sourceEntry) {
      warnings.push(...mergeExtraKeys(own.value, sourceEntry.value, entry.value, [...path, entry.key], extraKeys, file, language));
      continue;
    }
    if (own) continue;
    const plural = readPluralKey(entry.key);
    if (plural && plurals.some((group) => group.base === plural.base && group.type === plural.type)) continue;
    const name = [...path, entry.key].join('.');
    if (extraKeys === 'keep') {
      entries.push({ key: entry.key, value: entry.value });
      warnings.push(`${file} [${language}] has the key "${name}", which the source lacks; it was kept (set \`resources.extraKeys\` to "remove" to drop such keys).`);
    } else {
      warnings.push(`${file} [${language}] had the key "${name}", which the source lacks; it was removed.`);
    }
  }
  return warnings;
}
