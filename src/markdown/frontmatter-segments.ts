import type { Yaml } from 'mdast';
import { isMap, isScalar, parseDocument } from 'yaml';
import { addSegment, type ExtractContext } from './extract-context.ts';
import { offsetOf } from './phrasing-to-tags.ts';
import { escapeTaggedText } from './tagged-text.ts';

const styles = { PLAIN: 'plain', QUOTE_SINGLE: 'single', QUOTE_DOUBLE: 'double' } as const;

/** Adds a segment for each configured top-level frontmatter key whose value is a string. */
export function addFrontmatterSegments(node: Yaml, context: ExtractContext): void {
  if (context.frontmatterKeys.length === 0 || node.value.length === 0) return;
  const start = offsetOf(node, 'start');
  const valueStart = start + context.source.slice(start).indexOf('\n') + 1;
  const document = parseDocument(node.value, { keepSourceTokens: false });
  if (document.errors.length > 0 || !isMap(document.contents)) {
    context.warnings.push(`frontmatter is not a YAML map (${document.errors[0]?.message.split('\n')[0] ?? 'no keys'}); left untranslated`);
    return;
  }
  for (const pair of document.contents.items) {
    if (!isScalar(pair.key) || !context.frontmatterKeys.includes(String(pair.key.value))) continue;
    const value = pair.value;
    if (!isScalar(value) || typeof value.value !== 'string' || !value.range || value.value.trim() === '') continue;
    addSegment(context, {
      kind: 'frontmatter',
      text: escapeTaggedText(value.value),
      tags: [],
      sink: { type: 'yaml', style: styles[value.type as keyof typeof styles] ?? 'double' },
      start: valueStart + value.range[0],
      // A block scalar's range takes in its final line break, which the next key needs.
      end: valueStart + value.range[1] - (/\r?\n$/.exec(node.value.slice(value.range[0], value.range[1]))?.[0].length ?? 0),
    });
  }
}

/** Writes a translated value as a YAML scalar, in the source's quoting style when that style can hold it. */
export function stringifyYamlScalar(value: string, style: 'plain' | 'single' | 'double'): string {
  if (style === 'single' && !value.includes('\n')) return `'${value.replaceAll("'", "''")}'`;
  if (style === 'plain' && isSafePlain(value)) return value;
  return JSON.stringify(value);
}

function isSafePlain(value: string): boolean {
  if (value !== value.trim() || value.includes('\n')) return false;
  try {
    const document = parseDocument(`key: ${value}`);
    return document.errors.length === 0 && (document.toJS() as { key?: unknown } | null)?.key === value;
  } catch {
    // Values such as `*New*` read as aliases and throw: they need quotes.
    return false;
  }
}
