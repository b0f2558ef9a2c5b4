import { readFile } from 'node:fs/promises';
import { ArticleError } from '../errors.ts';
import { measureNesting } from '../markdown/measure-nesting.ts';
import { byteOrderMark } from './byte-order-mark.ts';

// The byte-order mark is kept by the decoder so that the outputs can be written with it too.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** An article's text, without the byte-order mark, and whether the file had one. */
export interface ArticleText {
  readonly text: string;
  readonly hasByteOrderMark: boolean;
}

/**
 * The deepest nesting an article may have. The markdown parser takes seconds for a list nested 100 deep (its
 * time grows with the cube of the depth) and overflows its stack a few thousand levels down; no real article
 * comes near.
 */
export const maxNesting = 100;

/** Reads an article as UTF-8 text; binary files, other encodings and nesting too deep to parse are refused with a clear error. */
export async function readArticle(file: string, displayPath: string): Promise<ArticleText> {
  const bytes = await readFile(file);
  if (bytes.includes(0)) {
    throw new ArticleError(`${displayPath} is a binary file, not markdown; skipped.`, { place: { file: displayPath }, hint: 'Remove it from the articles folder or rename it.' });
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
  const nesting = measureNesting(text);
  if (nesting.depth > maxNesting) {
    const what = nesting.kind === 'blocks' ? 'block quotes and lists' : 'emphasis, strong text and links';
    throw new ArticleError(`${displayPath}:${nesting.line} nests ${what} ${nesting.depth} levels deep; jialing reads at most ${maxNesting} levels, so the article was skipped.`, {
      place: { file: displayPath, line: nesting.line },
      hint: `Flatten the nesting below ${maxNesting} levels.`,
    });
  }
  return text.startsWith(byteOrderMark) ? { text: text.slice(1), hasByteOrderMark: true } : { text, hasByteOrderMark: false };
}
