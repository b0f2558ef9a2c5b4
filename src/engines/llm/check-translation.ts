import { parseTaggedText, taggedTextToPlain, type TaggedNode } from '../../markdown/tagged-text.ts';

// A reply of a few characters may be any length against its source (`OK` → `De acuerdo`); past that, a
// translation within a quarter and four times the source's length, with this much slack for short texts.
const lengthSlack = 20;
const shortestRatio = 0.25;
const longestRatio = 4;
// Fewer words than this may rightly stay as they are (a product name, "OK"), more mean the model did not translate.
const wordsThatMustChange = 3;

/**
 * Why a model's translation of tagged text cannot be used, or an empty list: every tag and placeholder of the
 * source exactly once, as the same kind and well nested; not empty; not the source itself where it has words to
 * translate; a length within bounds of the source's.
 */
export function checkTranslation(source: string, translation: string): string[] {
  const parsed = parseTaggedText(translation);
  const problems = [...parsed.problems];
  const expected = tagCounts(parseTaggedText(source).nodes);
  const found = tagCounts(parsed.nodes);
  for (const tag of expected.keys()) {
    const got = found.get(tag) ?? 0;
    if (got === 0) problems.push(`${tag} was lost`);
    else if (got > 1) problems.push(`${tag} came back ${got} times`);
  }
  for (const tag of found.keys()) if (!expected.has(tag)) problems.push(`${tag} is not in the source`);

  const sourcePlain = normalise(taggedTextToPlain(source, ' '));
  const plain = normalise(taggedTextToPlain(translation, ' '));
  if (plain === '' && sourcePlain !== '') problems.push('the translation is empty');
  else if (plain === sourcePlain && words(sourcePlain) >= wordsThatMustChange) problems.push('the translation is the source text, untranslated');
  const length = [...plain].length;
  const sourceLength = [...sourcePlain].length;
  if (plain !== '' && (length > sourceLength * longestRatio + lengthSlack || length + lengthSlack < sourceLength * shortestRatio)) {
    problems.push(`the translation is ${length} characters long against the source's ${sourceLength}`);
  }
  return problems;
}

function tagCounts(nodes: readonly TaggedNode[], counts = new Map<string, number>()): Map<string, number> {
  for (const node of nodes) {
    if (node.type === 'text') continue;
    const tag = node.type === 'atom' ? `<x${node.id}/>` : `<g${node.id}>`;
    counts.set(tag, (counts.get(tag) ?? 0) + 1);
    if (node.type === 'pair') tagCounts(node.children, counts);
  }
  return counts;
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function words(text: string): number {
  return text.split(' ').filter((word) => /\p{L}/u.test(word)).length;
}
