import type { Detection, DocumentPair } from '../detector.ts';
import { excerpt } from '../excerpt.ts';
import { firstDifference } from '../first-difference.ts';

/** Kind 11, for the copy engine only: the output holds the source's bytes. */
export function detectBytes(pair: DocumentPair): Detection[] {
  if (pair.engine !== 'copy') return [];
  const at = firstDifference(pair.source.text, pair.output.text);
  if (at === -1) return [];
  const line = pair.source.text.slice(0, at).split('\n').length;
  return [{ message: `first difference at line ${line}`, source: excerpt(pair.source.text, at, 80), output: excerpt(pair.output.text, at, 80), sourceLine: line }];
}
