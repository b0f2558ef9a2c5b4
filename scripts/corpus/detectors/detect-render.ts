import type { Detection, DocumentPair } from '../detector.ts';
import { excerpt } from '../excerpt.ts';
import { firstDifference } from '../first-difference.ts';
import { renderHtml } from '../render-html.ts';

/** Kind 11, for the copy engine only: the output renders to the same HTML as the source, white space aside. */
export function detectRender(pair: DocumentPair): Detection[] {
  if (pair.engine !== 'copy' || pair.source.text === pair.output.text) return [];
  const sourceHtml = renderHtml(pair.source.tree);
  const outputHtml = renderHtml(pair.output.tree);
  const at = firstDifference(sourceHtml, outputHtml);
  if (at === -1) return [];
  return [{ message: 'rendered HTML differs', source: excerpt(sourceHtml, at, 100), output: excerpt(outputHtml, at, 100) }];
}
