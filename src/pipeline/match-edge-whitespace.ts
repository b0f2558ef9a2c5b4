import { trailingWhitespace } from '../markdown/wording.ts';

/** Gives a translation the leading and trailing whitespace of its source; engines add or drop it at will. */
export function matchEdgeWhitespace(source: string, translated: string): string {
  const leading = /^\s*/.exec(source)![0];
  const trailing = trailingWhitespace(source);
  return leading + translated.trim() + trailing;
}
