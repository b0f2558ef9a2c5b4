import type { Detection, DocumentPair } from '../detector.ts';
import { findMissingTokens } from '../find-missing-tokens.ts';
import { shortcodePattern, techTokenPattern, urlPattern } from '../token-patterns.ts';

/**
 * Kind 8: file names, `@scope/name` packages, versions and code-like identifiers of the source's text are in
 * the output's text unchanged. Compared block by block where the blocks line up (a translation never moves a
 * token to another block), as a whole document otherwise; URLs and shortcodes are kinds 5 and 7.
 */
export function detectTechTokens(pair: DocumentPair): Detection[] {
  return findMissingTokens(pair, techTokenPattern, [urlPattern, shortcodePattern, abbreviation]);
}

// `e.g.`, `e.g`, `i.e.`, `U.S.`: abbreviations, not dotted paths.
const abbreviation = /(?<![\w.])[A-Za-z](?:\.[A-Za-z])+\.?(?!\w)/g;
