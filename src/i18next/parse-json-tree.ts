import type { JsonEntry, JsonNode } from './json-tree.ts';

/** Where and why a text is not JSON. */
export class JsonSyntaxError extends Error {
  readonly line: number;
  readonly column: number;

  constructor(message: string, line: number, column: number) {
    super(`${message} at line ${line}, column ${column}`);
    this.line = line;
    this.column = column;
  }
}

const literal = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
// Far beyond any resource file, and far below the depth at which the recursion below would overflow the stack.
const maxDepth = 100;
const whitespace = /[ \t\n\r]*/y;

/**
 * Reads JSON keeping what `JSON.parse` loses for a resource file: the order of keys as written (`JSON.parse`
 * moves keys such as "10" first) and the place of every string, so a translation can be written back in order.
 */
export function parseJsonTree(text: string): JsonNode {
  const reader = new Reader(text);
  const node = reader.value();
  reader.skipSpace();
  if (!reader.isAtEnd()) throw reader.fail('unexpected text after the JSON value');
  return node;
}

class Reader {
  readonly #text: string;
  /** Offsets of the line breaks, to find a string's line by bisection. */
  readonly #breaks: number[] = [];
  #position = 0;
  #depth = 0;

  constructor(text: string) {
    this.#text = text;
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) this.#breaks.push(index);
  }

  isAtEnd(): boolean {
    return this.#position >= this.#text.length;
  }

  skipSpace(): void {
    whitespace.lastIndex = this.#position;
    whitespace.exec(this.#text);
    this.#position = whitespace.lastIndex;
  }

  value(): JsonNode {
    this.skipSpace();
    const char = this.#text[this.#position];
    if (char === '{') return this.#object();
    if (char === '[') return this.#array();
    if (char === '"') return this.#string();
    literal.lastIndex = this.#position;
    const match = literal.exec(this.#text);
    if (!match) throw this.fail(char === undefined ? 'unexpected end of file' : `unexpected ${JSON.stringify(char)}`);
    this.#position = literal.lastIndex;
    return { type: 'literal', raw: match[0] };
  }

  #object(): JsonNode {
    const entries: JsonEntry[] = [];
    this.#items('}', () => {
      if (this.#text[this.#position] !== '"') throw this.fail('expected a key in double quotes');
      const key = this.#string().value;
      this.skipSpace();
      this.#expect(':');
      entries.push({ key, value: this.value() });
    });
    return { type: 'object', entries };
  }

  #array(): JsonNode {
    const items: JsonNode[] = [];
    this.#items(']', () => items.push(this.value()));
    return { type: 'array', items };
  }

  /** Reads the comma-separated items of an object or array from its opening bracket to `close`, one level deeper. */
  #items(close: '}' | ']', readItem: () => void): void {
    if (++this.#depth > maxDepth) throw this.fail(`objects and arrays nest more than ${maxDepth} levels deep`);
    this.#position++;
    this.skipSpace();
    if (this.#text[this.#position] === close) {
      this.#position++;
      this.#depth--;
      return;
    }
    for (;;) {
      this.skipSpace();
      readItem();
      this.skipSpace();
      if (this.#text[this.#position] === ',') this.#position++;
      else if (this.#text[this.#position] === close) break;
      else throw this.fail(`expected "," or "${close}"`);
    }
    this.#position++;
    this.#depth--;
  }

  #string(): JsonNode & { type: 'string' } {
    const start = this.#position;
    let end = start + 1;
    for (; end < this.#text.length; end++) {
      const char = this.#text[end];
      if (char === '\\') end++;
      else if (char === '"') break;
      else if (char === '\n') throw this.fail('a string runs past the end of its line');
    }
    if (end >= this.#text.length) throw this.fail('a string is never closed');
    this.#position = end + 1;
    let value: string;
    try {
      value = JSON.parse(this.#text.slice(start, end + 1)) as string;
    } catch {
      throw this.fail('a string holds an invalid escape');
    }
    return { type: 'string', value, start, end: end + 1, line: this.#lineAt(start) };
  }

  #expect(char: string): void {
    if (this.#text[this.#position] !== char) throw this.fail(`expected "${char}"`);
    this.#position++;
  }

  #lineAt(position: number): number {
    let low = 0;
    let high = this.#breaks.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.#breaks[middle]! < position) low = middle + 1;
      else high = middle;
    }
    return low + 1;
  }

  fail(message: string): JsonSyntaxError {
    const line = this.#lineAt(this.#position);
    const column = this.#position - this.#text.lastIndexOf('\n', this.#position - 1);
    return new JsonSyntaxError(message, line, column);
  }
}
