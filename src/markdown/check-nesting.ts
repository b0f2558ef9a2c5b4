import { ArticleError } from '../errors.ts';
import { measureNesting } from './measure-nesting.ts';

/**
 * The deepest nesting an article may have. The markdown parser takes seconds for a list nested 100 deep (its
 * time grows with the cube of the depth) and overflows its stack a few thousand levels down; no real article
 * comes near.
 */
export const maxNesting = 100;

/** Refuses, before it reaches the parser, an article nested deeper than the parser can take. */
export function checkNesting(text: string, file: string): void {
  const nesting = measureNesting(text);
  if (nesting.depth <= maxNesting) return;
  const what = nesting.kind === 'blocks' ? 'block quotes and lists' : 'emphasis, strong text and links';
  throw new ArticleError(`${file}:${nesting.line} nests ${what} ${nesting.depth} levels deep; jialing reads at most ${maxNesting} levels, so the article was skipped.`, {
    place: { file, line: nesting.line },
    hint: `Flatten the nesting below ${maxNesting} levels.`,
  });
}
