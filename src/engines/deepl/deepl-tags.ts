import { escapeTaggedText } from '../../markdown/tagged-text.ts';

/** The tag lists DeepL needs to treat tagged text as inline formatting. */
export interface DeeplTagOptions {
  /** Every tag in the batch: formatting inside a sentence must never split it. */
  readonly nonSplittingTags?: string[];
  /** The atoms (`xN`): their place holds code, images or HTML that DeepL must leave alone. */
  readonly ignoreTags?: string[];
}

const tagName = /<\/?(g\d+)>|<(x\d+)\s*\/>/g;

/** Lists the `gN` and `xN` tags that occur in a batch of tagged texts. */
export function deeplTagOptions(texts: readonly string[]): DeeplTagOptions {
  const pairs = new Set<string>();
  const atoms = new Set<string>();
  for (const text of texts) {
    for (const [, pair, atom] of text.matchAll(tagName)) {
      if (pair) pairs.add(pair);
      if (atom) atoms.add(atom);
    }
  }
  if (pairs.size + atoms.size === 0) return {};
  return { nonSplittingTags: [...pairs, ...atoms], ...(atoms.size > 0 ? { ignoreTags: [...atoms] } : {}) };
}

// Equivalent XML spellings an XML engine may answer with: an empty element written out in full,
// a space before `/>`, and numeric character references. Tagged text knows only `<xN/>` and the
// five named entities, so anything else would reach the article as literal markup.
const equivalentSpelling = /<(x\d+)\s*(?:\/>|>\s*<\/\1>)|&#(\d+);|&#x([0-9a-fA-F]+);/g;

/** Rewrites an XML reply from DeepL into tagged text's own spelling. */
export function normalizeDeeplReply(text: string): string {
  return text.replace(equivalentSpelling, (whole, atom: string | undefined, decimal: string | undefined, hex: string | undefined) => {
    if (atom) return `<${atom}/>`;
    const codePoint = decimal ? Number(decimal) : Number.parseInt(hex!, 16);
    return codePoint <= 0x10ffff ? escapeTaggedText(String.fromCodePoint(codePoint)) : whole;
  });
}
