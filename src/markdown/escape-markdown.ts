/** Where a run of text lands, which decides what must be escaped to stay text. */
export interface TextPlace {
  readonly isLink: boolean;
  readonly isTableCell: boolean;
}

const asciiPunctuation = /[!-/:-@[-`{-~]/;
const whitespace = /\s/;
const alphanumeric = /[\p{L}\p{N}]/u;

/**
 * Escapes translated text so that markdown reads it back as the same text and nothing more:
 * only characters that could start or end markup in this place are escaped, so text without
 * them comes out as written.
 */
export function escapeInlineText(value: string, place: TextPlace): string {
  let result = '';
  for (let index = 0; index < value.length; index++) {
    const char = value[index]!;
    const before = value[index - 1];
    const after = value[index + 1];
    result += needsEscape(char, before, after, value, index, place) ? `\\${char}` : char;
  }
  return result;
}

function needsEscape(char: string, before: string | undefined, after: string | undefined, value: string, index: number, place: TextPlace): boolean {
  switch (char) {
    case '\\':
      return after === undefined || asciiPunctuation.test(after);
    case '`':
    case '[':
      return true;
    case ']':
      return place.isLink;
    case '|':
      return place.isTableCell;
    case '*':
    case '~':
      // Surrounded by spaces it can neither open nor close emphasis.
      return !(isSpace(before) && isSpace(after));
    case '_':
      // Inside a word an underscore never delimits emphasis.
      return !((isSpace(before) && isSpace(after)) || (isWordChar(before) && isWordChar(after)));
    case '<':
      return after !== undefined && /[a-zA-Z/!?]/.test(after);
    case '&':
      return /^&#?[a-zA-Z0-9]+;/.test(value.slice(index));
    default:
      return false;
  }
}

function isSpace(char: string | undefined): boolean {
  return char !== undefined && whitespace.test(char);
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && alphanumeric.test(char);
}

const blockStart = /^(#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|=+\s*$|\d{1,9}(?=[.)](?:\s|$)))/;

/** Escapes what would start a block (heading, quote, list, setext underline) at the start of a line. */
export function escapeLineStart(line: string): string {
  const match = blockStart.exec(line);
  if (!match) return line;
  // An ordered-list marker is defused by escaping its `.` or `)`, the rest by escaping their first character.
  if (/^\d/.test(match[0])) return `${match[0]}\\${line.slice(match[0].length)}`;
  return `\\${line}`;
}

/** Escapes a closing sequence of `#` that would end an ATX heading early. */
export function escapeHeadingEnd(text: string): string {
  return /(^|\s)#+\s*$/.test(text) ? text.replace(/#(\s*)$/, '\\#$1') : text;
}

/** Escapes text for an image's alt, inside `![…]`. */
export function escapeLabelText(value: string): string {
  return value.replace(/[\\[\]`*_<&]/g, (char) => `\\${char}`);
}

/** Escapes text for a link or image title delimited by `delimiter`. */
export function escapeTitleText(value: string, delimiter: string): string {
  const closing = delimiter === '(' ? ')' : delimiter;
  return value.replace(/[\\"'()&]/g, (char) => (char === '\\' || char === closing || char === '&' || (delimiter === '(' && char === '(') ? `\\${char}` : char));
}
