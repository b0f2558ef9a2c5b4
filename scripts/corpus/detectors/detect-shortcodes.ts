import type { Detection, DocumentPair } from '../detector.ts';
import { findMissingTokens } from '../find-missing-tokens.ts';
import { shortcodePattern } from '../token-patterns.ts';

/** Kind 7: emoji shortcodes (`:heavy_check_mark:`) of the source's text are in the output's text unchanged. */
export function detectShortcodes(pair: DocumentPair): Detection[] {
  return findMissingTokens(pair, shortcodePattern);
}
