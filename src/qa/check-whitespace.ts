import type { Segment } from '../markdown/segment.ts';
import type { CheckContext } from './check-context.ts';
import { trailingWhitespace } from '../markdown/wording.ts';
import { createFinding } from './create-finding.ts';
import type { Finding } from './finding.ts';

/** Finds leading or trailing whitespace that differs from the source's. */
export function checkWhitespace(source: Segment, target: Segment, context: CheckContext): Finding[] {
  // Tagged text, not plain: blanks next to an atom (inline code, an image) are still at the segment's edge.
  const messages = (['leading', 'trailing'] as const).flatMap((edge) => {
    const expected = edgeBlanks(source.text, edge);
    const actual = edgeBlanks(target.text, edge);
    return expected === actual ? [] : [`${edge} whitespace is ${describe(actual)} where the source has ${describe(expected)}`];
  });
  return messages.length === 0 ? [] : [createFinding('whitespace', target, context, messages.join('; '))];
}

function edgeBlanks(text: string, edge: 'leading' | 'trailing'): string {
  return edge === 'leading' ? /^\s*/.exec(text)![0] : trailingWhitespace(text);
}

function describe(blanks: string): string {
  if (blanks === '') return 'none';
  return JSON.stringify(blanks);
}
