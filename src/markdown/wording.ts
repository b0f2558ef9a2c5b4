import { endsSurrogatePair } from './count-code-points.ts';

/**
 * Text with every run of whitespace (as `\s` reads it) turned into one space and none at either end. Most texts
 * already read so, and come back as they are; in the others only the runs that change are cut out, so a long text
 * with a few double spaces costs a scan and one copy, where a replace would rebuild it at every space.
 */
export function collapseWhitespace(text: string): string {
  let result = '';
  let index = skipWhitespace(text, 0);
  let copied = index;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (!isWhitespace(code)) {
      index++;
      continue;
    }
    const end = skipWhitespace(text, index + 1);
    if (end === text.length) return result + text.slice(copied, index);
    if (code !== 0x20 || end > index + 1) {
      result += `${text.slice(copied, index)} `;
      copied = end;
    }
    index = end;
  }
  return copied === 0 ? text : result + text.slice(copied);
}

/** `countCodePoints(collapseWhitespace(text))`, without building the collapsed text. */
export function collapsedLength(text: string): number {
  let count = 0;
  let isSpaceDue = false;
  for (let index = skipWhitespace(text, 0); index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (isWhitespace(code)) {
      isSpaceDue = true;
      continue;
    }
    if (isSpaceDue) count++;
    isSpaceDue = false;
    if (!endsSurrogatePair(text, index)) count++;
  }
  return count;
}

/**
 * The whitespace a text ends with, as `/\s*$/` finds it; read from the end, where the regular expression tries
 * every position of the text and costs a scan of a 5 MB paragraph each time.
 */
export function trailingWhitespace(text: string): string {
  let start = text.length;
  while (start > 0 && isWhitespace(text.charCodeAt(start - 1))) start--;
  return text.slice(start);
}

function skipWhitespace(text: string, from: number): number {
  let index = from;
  while (index < text.length && isWhitespace(text.charCodeAt(index))) index++;
  return index;
}

/** The words of a text as comparisons read them: NFC, whitespace collapsed. Two spellings that read alike match. */
export function wordingOf(text: string): string {
  return collapseWhitespace(text.normalize('NFC'));
}

/**
 * Whether `wordingOf(text)` is `wording`, itself a wording. Decided without building the text's wording while the
 * two agree in ASCII, which is where a translation and its source most often part: a 5 MB paragraph costs a scan
 * and no copy.
 */
export function hasWording(text: string, wording: string): boolean {
  let position = 0;
  let isSpaceDue = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // Beyond ASCII, NFC may join or change characters.
    if (code >= 0x80) return wordingOf(text) === wording;
    if (isWhitespace(code)) {
      isSpaceDue = position > 0;
      continue;
    }
    if (isSpaceDue && wording.charCodeAt(position++) !== 0x20) return false;
    isSpaceDue = false;
    const found = wording.charCodeAt(position++);
    if (found !== code) return found >= 0x80 && wordingOf(text) === wording;
  }
  return position === wording.length;
}

/** Whether a UTF-16 code unit is one `\s` matches: ECMAScript's white space and line terminators. */
export function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
