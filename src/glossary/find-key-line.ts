/**
 * The line on which a JSON object key is first written, to point a person at an entry.
 * A plain text search is enough: ids are keys at the top level and rarely repeat elsewhere.
 */
export function findKeyLine(text: string, key: string): number | undefined {
  const pattern = new RegExp(`${escapeRegExp(JSON.stringify(key))}\\s*:`);
  const match = pattern.exec(text);
  if (!match) return undefined;
  return text.slice(0, match.index).split(/\r\n|\r|\n/).length;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
