import type { Segment } from '../markdown/segment.ts';
import type { CheckContext } from './check-context.ts';
import { createFinding } from './create-finding.ts';
import type { Finding } from './finding.ts';
import { plainTextOf } from './plain-text-of.ts';
import { termPattern } from './term-pattern.ts';

/** Finds glossary terms of the source whose expected translation is missing from the target. */
export function checkGlossaryTerms(source: Segment, target: Segment, context: CheckContext): Finding[] {
  const plain = plainTextOf(target, ' ');
  // A term that occurs twice in the source is listed twice, but one finding says it all.
  const terms = new Map(context.terms.map((term) => [`${term.termId}\u0000${term.expected}`, term]));
  return [...terms.values()].flatMap((term) => {
    if (term.expected.trim() === '' || plain.search(termPattern(term.expected, false)) !== -1) return [];
    const isSourceKept = !sameTerm(term.source, term.expected) && plain.search(termPattern(term.source, true)) !== -1;
    const message = isSourceKept
      ? `glossary term "${term.source}" (${term.termId}) is left as in the source; expected "${term.expected}"`
      : `glossary term "${term.source}" (${term.termId}) should be translated as "${term.expected}", which is missing`;
    return [createFinding('glossary-term', target, context, message)];
  });
}

function sameTerm(first: string, second: string): boolean {
  return first.trim().toLocaleLowerCase() === second.trim().toLocaleLowerCase();
}
