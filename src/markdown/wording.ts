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
