/** Gives a translation the leading and trailing whitespace of its source; engines add or drop it at will. */
export function matchEdgeWhitespace(source: string, translated: string): string {
  const leading = /^\s*/.exec(source)![0];
  const trailing = /\s*$/.exec(source)![0];
  return leading + translated.trim() + trailing;
}
