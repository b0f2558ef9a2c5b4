/** Why a reply cannot be used at all: not JSON, not the expected shape, or ids that were not asked for. */
export class UnreadableReply extends Error {}

/**
 * Reads a model's reply: `{"translations":[{"id":"1","text":"…"}]}` (or the bare array). Returns one entry per
 * text asked for, `undefined` where the reply has none. Throws `UnreadableReply` when the reply as a whole
 * cannot be trusted: not JSON, another shape, an id repeated or never asked for.
 */
export function parseReply(content: string, count: number): (string | undefined)[] {
  const json = readJson(content);
  const items = Array.isArray(json) ? json : (json as { translations?: unknown } | null)?.translations;
  if (!Array.isArray(items)) throw new UnreadableReply('the reply has no "translations" list');
  const texts: (string | undefined)[] = Array.from({ length: count }, () => undefined);
  for (const item of items) {
    const { id, text } = (item ?? {}) as { id?: unknown; text?: unknown };
    const position = Number(id) - 1;
    if (typeof text !== 'string' || (typeof id !== 'string' && typeof id !== 'number')) throw new UnreadableReply('an item of the reply is not {"id", "text"}');
    if (!Number.isInteger(position) || position < 0 || position >= count) throw new UnreadableReply(`the reply has id "${id}", which was not asked for`);
    if (texts[position] !== undefined) throw new UnreadableReply(`the reply has id "${id}" twice`);
    texts[position] = text;
  }
  return texts;
}

// Models without a JSON mode often wrap the JSON in a code fence or a sentence: the outermost object or list is read.
function readJson(content: string): unknown {
  const start = content.search(/[[{]/);
  const end = Math.max(content.lastIndexOf('}'), content.lastIndexOf(']'));
  if (start < 0) throw new UnreadableReply('the reply holds no JSON');
  try {
    return JSON.parse(content.slice(start, end + 1));
  } catch {
    throw new UnreadableReply('the reply is not valid JSON');
  }
}
