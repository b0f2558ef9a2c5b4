import { decodeNamedCharacterReference } from 'decode-named-character-reference';

const asciiPunctuation = /[!-/:-@[-`{-~]/;
const reference = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{0,31}));/;

/**
 * Where each character of a text node's value was written in its source (`raw`, container prefixes removed),
 * across backslash escapes and character references; `offsets[value.length]` is the end. Undefined when the
 * two cannot be lined up, so the caller keeps the text as text.
 */
export function alignValue(value: string, raw: string): number[] | undefined {
  const offsets: number[] = [];
  let at = 0;
  for (let index = 0; index < value.length; index++) {
    const char = value[index]!;
    // An escape first: the source's `\\` is one backslash of the value, not two.
    if (raw[at] === '\\' && raw[at + 1] === char && asciiPunctuation.test(char)) {
      offsets.push(at);
      at += 2;
      continue;
    }
    if (raw[at] === char) {
      offsets.push(at++);
      continue;
    }
    const decoded = raw[at] === '&' ? decodeReference(raw.slice(at, at + 40)) : undefined;
    if (decoded && value.startsWith(decoded.text, index)) {
      for (let unit = 0; unit < decoded.text.length; unit++) offsets.push(at);
      index += decoded.text.length - 1;
      at += decoded.length;
      continue;
    }
    // Blanks around line breaks are dropped from the value or kept in the source; neither holds a token.
    if (/\s/.test(char)) {
      offsets.push(at);
      continue;
    }
    if (raw[at] !== undefined && /\s/.test(raw[at]!)) {
      at++;
      index--;
      continue;
    }
    return undefined;
  }
  offsets.push(at);
  return offsets;
}

// A reference for a plain letter, digit or blank (`&#97;`, `&#32;`) is a trick of one spot in the source; written
// for every such character of a translation it would spell out most of the text.
const plainCharacter = /^[A-Za-z0-9 \t\r\n]$/;

/**
 * The characters a text wrote as character references, each with the reference it used first: invisible or
 * look-alike characters (`&nbsp;`) and markup characters (`&lt;`), never plain letters, digits or blanks.
 */
export function findReferences(raw: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (let at = raw.indexOf('&'); at !== -1; at = raw.indexOf('&', at + 1)) {
    const decoded = decodeReference(raw.slice(at, at + 40));
    if (decoded && !plainCharacter.test(decoded.text) && !(decoded.text in found)) found[decoded.text] = raw.slice(at, at + decoded.length);
  }
  return found;
}

function decodeReference(text: string): { text: string; length: number } | undefined {
  const match = reference.exec(text);
  if (!match) return undefined;
  const [whole, decimal, hex, name] = match;
  if (name) {
    const decoded = decodeNamedCharacterReference(name);
    return decoded === false ? undefined : { text: decoded, length: whole.length };
  }
  const code = Number.parseInt(decimal ?? hex!, decimal ? 10 : 16);
  const isValid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
  return { text: String.fromCodePoint(isValid ? code : 0xfffd), length: whole.length };
}
