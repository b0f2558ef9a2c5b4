import { decodeNamedCharacterReference } from 'decode-named-character-reference';

/** Where a run of text lands, which decides what must be escaped to stay text. */
export interface TextPlace {
  readonly isLink: boolean;
  readonly isTableCell: boolean;
}

/** What surrounds a run of text in the rendered segment. */
export interface TextSurroundings {
  /** Last character before the run (from markup or text), if any. */
  readonly before?: string;
  /** First character after the run, if any. */
  readonly after?: string;
  /** Which emphasis characters some position of the whole segment (markup included) could open or close with. */
  readonly delimiters: DelimiterRoles;
}

/** For `*`, `_` and `~`: whether any occurrence in a segment can open, and whether any can close, emphasis. */
export type DelimiterRoles = Readonly<Record<string, { readonly canOpen: boolean; readonly canClose: boolean }>>;

const asciiPunctuation = /[!-/:-@[-`{-~]/;
const punctuation = /[\p{P}\p{S}]/u;
const whitespace = /\s/;

/**
 * Escapes translated text so that markdown reads it back as the same text and nothing more:
 * only characters that could start or end markup in this place are escaped, so text without
 * them comes out as written.
 */
export function escapeInlineText(value: string, place: TextPlace, surroundings: TextSurroundings): string {
  // Most characters can never need an escape: the text between those that might is copied in one piece.
  let result = '';
  let copied = 0;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code >= 0x80 || !mayNeedEscape[code]) continue;
    const before = index === 0 ? surroundings.before : value[index - 1];
    const after = index === value.length - 1 ? surroundings.after : value[index + 1];
    if (!needsEscape(value, index, before, after, place, surroundings)) continue;
    result += `${value.slice(copied, index)}\\`;
    copied = index;
  }
  return result === '' ? value : result + value.slice(copied);
}

const mayNeedEscape: readonly boolean[] = Array.from({ length: 0x80 }, (_, code) => '\\`[]!|*~_<&'.includes(String.fromCharCode(code)));

function needsEscape(value: string, index: number, before: string | undefined, after: string | undefined, place: TextPlace, surroundings: TextSurroundings): boolean {
  const char = value[index]!;
  switch (char) {
    case '\\':
      return after === undefined || after === '\n' || asciiPunctuation.test(after);
    case '`':
    case '[':
      return true;
    case ']':
      return place.isLink;
    case '!':
      return after === '[';
    case '|':
      return place.isTableCell;
    case '*':
    case '~':
    case '_': {
      // Escaped only when it could pair with another delimiter somewhere in the segment.
      const here = delimiterRole(char, before, after);
      const anywhere = surroundings.delimiters[char];
      return Boolean(anywhere && ((here.canOpen && anywhere.canClose) || (here.canClose && anywhere.canOpen)));
    }
    case '<':
      // Only `<` followed by a name and, somewhere after, a `>` can open HTML or an autolink.
      return after !== undefined && /[a-zA-Z/!?]/.test(after) && (value.includes('>', index + 1) || surroundings.after !== undefined);
    case '&':
      return isCharacterReference(value.slice(index));
    default:
      return false;
  }
}

function isCharacterReference(text: string): boolean {
  const numeric = /^&#(?:[0-9]{1,7}|[xX][0-9a-fA-F]{1,6});/.exec(text);
  if (numeric) return true;
  const named = /^&([a-zA-Z][a-zA-Z0-9]{0,31});/.exec(text);
  return named !== null && decodeNamedCharacterReference(named[1]!) !== false;
}

/** CommonMark's flanking rules for one delimiter character; a segment's edges count as whitespace. */
export function delimiterRole(char: string, before: string | undefined, after: string | undefined): { canOpen: boolean; canClose: boolean } {
  const isBeforeSpace = before === undefined || whitespace.test(before);
  const isAfterSpace = after === undefined || whitespace.test(after);
  const isBeforePunctuation = before !== undefined && punctuation.test(before);
  const isAfterPunctuation = after !== undefined && punctuation.test(after);
  const isLeftFlanking = !isAfterSpace && (!isAfterPunctuation || isBeforeSpace || isBeforePunctuation);
  const isRightFlanking = !isBeforeSpace && (!isBeforePunctuation || isAfterSpace || isAfterPunctuation);
  if (char !== '_') return { canOpen: isLeftFlanking, canClose: isRightFlanking };
  return {
    canOpen: isLeftFlanking && (!isRightFlanking || isBeforePunctuation),
    canClose: isRightFlanking && (!isLeftFlanking || isAfterPunctuation),
  };
}

/** Finds, over a whole segment's markdown, which emphasis characters could open and which could close. */
export function findDelimiterRoles(markdown: string): DelimiterRoles {
  const roles: Record<string, { canOpen: boolean; canClose: boolean }> = {};
  for (let index = 0; index < markdown.length; index++) {
    const char = markdown[index]!;
    if (char !== '*' && char !== '_' && char !== '~') continue;
    const role = delimiterRole(char, markdown[index - 1], markdown[index + 1]);
    const known = (roles[char] ??= { canOpen: false, canClose: false });
    known.canOpen ||= role.canOpen;
    known.canClose ||= role.canClose;
  }
  return roles;
}

const blockStart = /^(#{1,6}(?=[ \t]|$)|>|[-+*](?=[ \t]|$)|=+[ \t]*$|-+[ \t]*$|\d{1,9}(?=[.)](?:[ \t]|$)))/;

/**
 * Escapes what would start a block (heading, quote, list, setext underline, rule) at the start of
 * a line, and spells out leading blanks, which markdown would otherwise strip.
 */
export function escapeLineStart(line: string): string {
  const blanks = /^[ \t]*/.exec(line)![0];
  const spelled = [...blanks].map((char) => (char === '\t' ? '&#9;' : '&#32;')).join('');
  const rest = line.slice(blanks.length);
  const match = blockStart.exec(rest);
  if (!match) return spelled + rest;
  // An ordered-list marker is defused by escaping its `.` or `)`, the rest by escaping their first character.
  if (/^\d/.test(match[0])) return `${spelled}${match[0]}\\${rest.slice(match[0].length)}`;
  return `${spelled}\\${rest}`;
}

/** Escapes a closing sequence of `#` that would end an ATX heading early. */
export function escapeHeadingEnd(text: string): string {
  return /(^|\s)#+\s*$/.test(text) ? text.replace(/#(\s*)$/, '\\#$1') : text;
}

/** Escapes text for an image's alt, inside `![…]`. */
export function escapeLabelText(value: string, place: TextPlace): string {
  return value.replace(place.isTableCell ? /[\\[\]`*_<&|]/g : /[\\[\]`*_<&]/g, (char) => `\\${char}`);
}

/** Escapes text for a link or image title delimited by `delimiter`. */
export function escapeTitleText(value: string, delimiter: string, place: TextPlace): string {
  const closing = delimiter === '(' ? ')' : delimiter;
  return value.replace(/[\\"'()&|]/g, (char) =>
    char === '\\' || char === closing || char === '&' || (delimiter === '(' && char === '(') || (char === '|' && place.isTableCell) ? `\\${char}` : char,
  );
}
