import { readFileSync } from 'node:fs';
import { ArticleError } from '../errors.ts';
import { byteOrderMark } from './byte-order-mark.ts';

// The byte-order mark is kept by the decoder so that the outputs can be written with it too.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A document's text, without the byte-order mark, and whether the file had one. */
export interface ArticleText {
  readonly text: string;
  readonly hasByteOrderMark: boolean;
}

/** Reads a source document as UTF-8 text; binary files and other encodings are refused with a clear error. */
export async function readArticle(file: string, displayPath: string): Promise<ArticleText> {
  // Synchronous for the reason `writeFileAtomic` gives.
  const bytes = readFileSync(file);
  if (bytes.includes(0)) {
    throw new ArticleError(`${displayPath} is a binary file, not text; skipped.`, { place: { file: displayPath }, hint: 'Remove it from the folder jialing reads, or rename it.' });
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch (error) {
    throw new ArticleError(`${displayPath} is not valid UTF-8; skipped.`, {
      place: { file: displayPath },
      hint: 'Convert it to UTF-8 (for example `iconv -f latin1 -t utf-8`) and run again.',
      cause: error,
    });
  }
  return text.startsWith(byteOrderMark) ? { text: text.slice(1), hasByteOrderMark: true } : { text, hasByteOrderMark: false };
}
