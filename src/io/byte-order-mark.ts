/** U+FEFF at the start of a file: some editors on Windows write it, and the tools that read those files expect it back. */
export const byteOrderMark = '\uFEFF';

/** The text without the byte-order mark it may start with, which markdown offsets do not count. */
export function withoutByteOrderMark(text: string): string {
  return text.startsWith(byteOrderMark) ? text.slice(1) : text;
}
