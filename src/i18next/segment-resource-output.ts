import type { Segment } from '../markdown/segment.ts';
import { findJsonNode } from './find-json-node.ts';
import { collectPluralGroups, targetPathOf } from './plural-groups.ts';
import type { ResourceSyntax } from './resource-syntax.ts';
import { resourceSegment, readResourceTree } from './segment-resource.ts';

/**
 * Reads a translated resource file into one segment per source segment, found by key (a plural form at the
 * first target form made from it). A key the file lacks, and a form the language does not use, is marked omitted.
 */
export function segmentResourceOutput(text: string, sourceSegments: readonly Segment[], context: { readonly syntax: ResourceSyntax; readonly file: string; readonly sourceLanguage: string; readonly language: string }): Segment[] {
  const tree = readResourceTree(text, context.file);
  const groups = collectPluralGroups(sourceSegments);
  return sourceSegments.map((source) => {
    const path = targetPathOf(source, groups, context.sourceLanguage, context.language);
    if (!path) return { ...source, isOmitted: true };
    const node = findJsonNode(tree, path);
    // A lost key is the plural and resolve checks' to report; the segment checks have nothing to compare.
    if (node?.type !== 'string') return { ...source, text: '', tags: [], start: text.length, end: text.length, line: 1, isOmitted: true };
    const plural = source.sink.type === 'resource' ? source.sink.plural : undefined;
    return { ...resourceSegment({ path, node, ...(plural && { plural }) }, source.index, context.syntax), kind: source.kind };
  });
}
