import { ArticleError } from '../errors.ts';
import type { ExtractedArticle } from '../markdown/extract-segments.ts';
import type { Segment } from '../markdown/segment.ts';
import { segmentId } from '../markdown/segment-id.ts';
import { taggedTextToPlain } from '../markdown/tagged-text.ts';
import type { JsonNode } from './json-tree.ts';
import { JsonSyntaxError, parseJsonTree } from './parse-json-tree.ts';
import { listResourceStrings, type ResourceString } from './resource-strings.ts';
import type { ResourceSyntax } from './resource-syntax.ts';
import { resourceToTagged } from './resource-text.ts';

const hasWord = /\p{L}/u;

/** Splits an i18next resource file into one segment per string, in file order. */
export function segmentResource(text: string, syntax: ResourceSyntax, file: string): ExtractedArticle {
  const tree = readResourceTree(text, file);
  return { segments: listResourceStrings(tree).map((string, index) => resourceSegment(string, index, syntax)), warnings: [] };
}

/** Reads a resource file, which must hold one JSON object. */
export function readResourceTree(text: string, file: string): JsonNode & { type: 'object' } {
  let tree: JsonNode;
  try {
    tree = parseJsonTree(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    throw new ArticleError(`${file} is not valid JSON: ${error.message}.`, { place: { file, line: error.line, column: error.column }, hint: 'Fix the file; an i18next resource file is one JSON object.', cause: error });
  }
  if (tree.type !== 'object') throw new ArticleError(`${file} is not an i18next resource file: it holds a JSON ${tree.type}, not an object.`, { place: { file } });
  return tree;
}

/** The segment of one resource string. */
export function resourceSegment(string: ResourceString, index: number, syntax: ResourceSyntax): Segment {
  const { text, tags } = resourceToTagged(string.node.value, syntax);
  return {
    index,
    id: segmentId(text),
    kind: 'resource',
    text,
    tags,
    sink: { type: 'resource', path: string.path, ...(string.plural && { plural: string.plural }) },
    start: string.node.start,
    end: string.node.end,
    line: string.node.line,
    linePrefixes: [],
    isTranslatable: hasWord.test(taggedTextToPlain(text)),
  };
}
