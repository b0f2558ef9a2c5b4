import type { Detection, DocumentPair } from '../detector.ts';
import { findMissingTokens } from '../find-missing-tokens.ts';
import { urlPattern } from '../token-patterns.ts';

/** Kind 5: URL-, e-mail- and domain-shaped tokens of the source's text are in the output's text unchanged. */
export function detectUrlText(pair: DocumentPair): Detection[] {
  return findMissingTokens(pair, urlPattern);
}
