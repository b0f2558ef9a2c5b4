/** Why a glossary file's text is not a glossary object, with the line and column when JSON says where. */
export class GlossaryJsonError extends Error {
  readonly reason: string;
  readonly line?: number;
  readonly column?: number;

  constructor(reason: string, line?: number, column?: number) {
    super(reason);
    this.name = 'GlossaryJsonError';
    this.reason = reason;
    this.line = line;
    this.column = column;
  }
}

/**
 * Parses a glossary file's text and checks that it is one object. Throws `GlossaryJsonError`,
 * turning the offset V8 reports into a line and column a person can jump to.
 */
export function parseGlossaryJson(text: string): Record<string, unknown> {
  const content = text.replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (error) {
    const reason = (error as Error).message.replace(/ in JSON at position \d+[\s\S]*$/, '').replace(/, (\.\.\.)?"[\s\S]*$/, '');
    const offset = offsetOf(error as Error, content);
    const { line, column } = lineAndColumn(content, offset);
    throw new GlossaryJsonError(`invalid JSON: ${reason}`, line, column);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new GlossaryJsonError(`expected an object mapping term ids to terms, got ${describeJsonValue(value)}`, 1, 1);
  }
  return value as Record<string, unknown>;
}

// V8 gives "at position N" for most errors, but for an unexpected token only a snippet: the whole
// text when it is short, else up to 10 characters either side of the token, cut with "...".
const snippetPattern = /^Unexpected token '([\s\S]{1,2})', (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON$/;
const contextLength = 10;

function offsetOf(error: Error, content: string): number {
  const position = /at position (\d+)/.exec(error.message)?.[1];
  if (position !== undefined) return Number(position);
  const snippet = snippetPattern.exec(error.message);
  if (snippet) {
    const [, token = '', isCutBefore, text = '', isCutAfter] = snippet;
    if (isCutBefore) return content.indexOf(text) + contextLength;
    if (isCutAfter) return text.length - contextLength;
    if (content.includes(token)) return content.indexOf(token);
  }
  // "Unexpected end of JSON input", or a short text: the end is the best guess.
  return content.trimEnd().length;
}

function lineAndColumn(content: string, offset: number): { line: number; column: number } {
  const before = content.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** Names a JSON value's type as a person reads it: `array`, `null`, `string "x"`. */
export function describeJsonValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'object') return 'an object';
  return `the ${typeof value} ${String(value)}`;
}
