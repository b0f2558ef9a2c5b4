import type { ReviewTag } from '../review-types.ts';
import type { InlineCode } from './xliff-inline.ts';

const codePattern = /<g(\d+)>|<x(\d+)\/>/g;

/** The inline codes of tagged text, in order. */
export function inlineCodesOf(taggedText: string): InlineCode[] {
  return [...taggedText.matchAll(codePattern)].map(([, pair, atom]) => (pair ? { id: Number(pair), kind: 'pair' } : { id: Number(atom), kind: 'atom' }));
}

/**
 * What is wrong with a target's inline codes against its source's: each code of the source must be in the
 * target exactly once and of the same kind, and no other code may be. Order may change (a translation
 * moves words); nesting was checked when the codes were read.
 */
export function compareInlineCodes(source: readonly InlineCode[], target: readonly InlineCode[], tags: readonly ReviewTag[]): string[] {
  const problems: string[] = [];
  const sourceById = new Map(source.map((code) => [code.id, code]));
  const counts = new Map<number, number>();
  for (const code of target) {
    counts.set(code.id, (counts.get(code.id) ?? 0) + 1);
    const expected = sourceById.get(code.id);
    if (!expected) problems.push(`the target has ${element(code)}, which is not an inline code of the source.`);
    else if (expected.kind !== code.kind) problems.push(`the target has ${element(code)} where the source has ${element(expected)}.`);
  }
  for (const [id, count] of counts) {
    if (count > 1 && sourceById.has(id)) problems.push(`the target has ${element(sourceById.get(id)!)} ${count} times; each inline code must be there once.`);
  }
  for (const code of source) {
    if (!counts.has(code.id)) problems.push(`the target lacks ${element(code)}${markdownOf(code, tags)}; every inline code of the source must be in the target once.`);
  }
  return problems;
}

function element(code: InlineCode): string {
  return code.kind === 'pair' ? `<pc id="${code.id}">` : `<ph id="${code.id}"/>`;
}

function markdownOf(code: InlineCode, tags: readonly ReviewTag[]): string {
  const tag = tags.find((candidate) => candidate.id === code.id);
  if (!tag) return '';
  return ` (markdown ${JSON.stringify(tag.kind === 'pair' ? `${tag.open}…${tag.close ?? ''}` : tag.open)})`;
}
