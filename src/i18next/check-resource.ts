import { ArticleError } from '../errors.ts';
import type { FormatSource } from '../formats/document-format.ts';
import { defaultSeverities } from '../qa/default-severities.ts';
import type { CheckId, Finding, Severity } from '../qa/finding.ts';
import { shortenText } from '../qa/shorten-text.ts';
import { findJsonNode } from './find-json-node.ts';
import type { JsonNode, JsonStep } from './json-tree.ts';
import { pluralKeyOf, readPluralKey, targetPluralForms, type PluralCategory, type PluralType } from './plural-forms.ts';
import { keySeparator, resolveResource, type ResourceLookup } from './resolve-resource.ts';
import { listResourceStrings, pluralGroupsOf } from './resource-strings.ts';
import type { ResourceSyntax } from './resource-syntax.ts';
import { readResourceTree } from './segment-resource.ts';

/** What the resource checks need beside the two files. */
export interface ResourceCheckContext {
  readonly sourceLanguage: string;
  readonly language: string;
  readonly syntax: ResourceSyntax;
  readonly severities: Partial<Record<CheckId, Severity>>;
}

/**
 * Checks a translated resource file as a whole: each plural group has exactly the language's forms, no key is
 * there that the source lacks, and real i18next resolves every key (each plural for a count of each category).
 */
export function checkResource(source: FormatSource, output: string, context: ResourceCheckContext): Finding[] {
  const finding = (check: CheckId, line: number, message: string, text = ''): Finding => ({
    check,
    severity: context.severities[check] ?? defaultSeverities[check],
    file: source.file,
    language: context.language,
    line,
    message,
    text: shortenText(text),
  });
  let outputTree: JsonNode;
  try {
    outputTree = readResourceTree(output, source.file);
  } catch (error) {
    if (!(error instanceof ArticleError)) throw error;
    return [finding('resolve', error.place?.line ?? 1, `i18next cannot load the file: ${error.message}`)];
  }
  const sourceTree = readResourceTree(source.text, source.file);
  const lineOf = (path: readonly JsonStep[]) => {
    const node = findJsonNode(outputTree, path);
    return node?.type === 'string' ? node.line : 1;
  };
  const findings: Finding[] = [];
  const lookups: (ResourceLookup & { readonly path: readonly JsonStep[] })[] = [];
  const compare = (sourceNode: JsonNode, outputNode: JsonNode | undefined, path: readonly JsonStep[]): void => {
    if (sourceNode.type === 'array') sourceNode.items.forEach((item, index) => compare(item, outputNode?.type === 'array' ? outputNode.items[index] : undefined, [...path, index]));
    if (sourceNode.type !== 'object') return;
    const outputEntries = outputNode?.type === 'object' ? outputNode.entries : [];
    const plurals = pluralGroupsOf(sourceNode.entries);
    const groups = new Map<string, { base: string; type: PluralType; categories: Set<PluralCategory> }>();
    for (const plural of plurals.values()) {
      const group = groups.get(`${plural.type}:${plural.base}`) ?? { base: plural.base, type: plural.type, categories: new Set<PluralCategory>() };
      group.categories.add(plural.category);
      groups.set(`${plural.type}:${plural.base}`, group);
    }
    for (const group of groups.values()) {
      const forms = targetPluralForms(context.sourceLanguage, context.language, group.type, group.categories);
      const expected = new Set(forms.map((form) => pluralKeyOf(group.base, group.type, form.category)));
      const names = forms.map((form) => form.category).join(', ');
      for (const key of expected) {
        if (outputEntries.some((entry) => entry.key === key && entry.value.type === 'string')) continue;
        findings.push(finding('plural', lineOf(path), `the plural form "${[...path, key].join('.')}" is missing; ${context.language} needs ${names}`));
      }
      for (const entry of outputEntries) {
        const plural = readPluralKey(entry.key);
        if (plural?.base !== group.base || plural.type !== group.type || expected.has(entry.key)) continue;
        findings.push(finding('plural', lineOf([...path, entry.key]), `"${[...path, entry.key].join('.')}" is not a plural form of ${context.language}, which uses ${names}`));
      }
      for (const form of forms) {
        if (form.count !== undefined) lookups.push({ key: [...path, group.base].join(keySeparator), count: form.count, ordinal: group.type === 'ordinal', path: [...path, pluralKeyOf(group.base, group.type, form.category)] });
      }
    }
    for (const entry of outputEntries) {
      const plural = readPluralKey(entry.key);
      const isGroupForm = plural !== undefined && groups.has(`${plural.type}:${plural.base}`);
      if (isGroupForm || sourceNode.entries.some((candidate) => candidate.key === entry.key)) continue;
      findings.push(finding('extra-key', lineOf([...path, entry.key]), `the key "${[...path, entry.key].join('.')}" is not in the source`));
    }
    for (const entry of sourceNode.entries) {
      if (!plurals.has(entry.key)) compare(entry.value, outputEntries.find((candidate) => candidate.key === entry.key)?.value, [...path, entry.key]);
    }
  };
  compare(sourceTree, outputTree, []);
  for (const string of listResourceStrings(sourceTree)) if (!string.plural) lookups.push({ key: string.path.join(keySeparator), path: string.path });
  findings.push(...checkResolution(source.text, output, lookups, context, (path, message, text) => finding('resolve', lineOf(path), message, text)));
  return findings;
}

// Compared with the source in real i18next: a key whose source resolves to text must resolve to text too.
function checkResolution(
  sourceText: string,
  output: string,
  lookups: readonly (ResourceLookup & { readonly path: readonly JsonStep[] })[],
  context: ResourceCheckContext,
  finding: (path: readonly JsonStep[], message: string, text: string) => Finding,
): Finding[] {
  const inSource = resolveResource(JSON.parse(sourceText), context.sourceLanguage, lookups, context.syntax);
  const inOutput = resolveResource(JSON.parse(output), context.language, lookups, context.syntax);
  return lookups.flatMap((lookup, index) => {
    const expected = inSource[index];
    const found = inOutput[index];
    if (typeof expected !== 'string' || expected === '' || (typeof found === 'string' && found !== '')) return [];
    const name = lookup.path.join('.');
    const asked = lookup.count === undefined ? `t("${name}")` : `t("${lookup.key.replaceAll(keySeparator, '.')}", { count: ${lookup.count}${lookup.ordinal ? ', ordinal: true' : ''} })`;
    const why = found instanceof Error ? `throws: ${found.message}` : found === undefined ? 'finds nothing' : 'returns an empty string';
    return [finding(lookup.path, `in i18next, ${asked} ${why} where the source gives "${shortenText(expected)}"`, typeof found === 'string' ? found : '')];
  });
}
