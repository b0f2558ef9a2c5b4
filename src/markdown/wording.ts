/**
 * Text with every run of whitespace (as `\s` reads it) turned into one space and none at either end. Most texts
 * already read so, and come back as they are: scanning them costs a fraction of a replace, which always copies.
 */
export function collapseWhitespace(text: string): string {
  return isCollapsed(text) ? text : text.replace(/\s+/g, ' ').trim();
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

function isCollapsed(text: string): boolean {
  // Starting as if after a space refuses leading whitespace; ending on one refuses trailing whitespace.
  let isAfterSpace = true;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x20) {
      if (isAfterSpace) return false;
      isAfterSpace = true;
    } else if (isWhitespace(code)) {
      return false;
    } else {
      isAfterSpace = false;
    }
  }
  return !isAfterSpace || text.length === 0;
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
