import type { Engine, LanguagePair } from '../engines/engine.ts';
import type { Segment } from '../markdown/segment.ts';
import { taggedTextToPlain } from '../markdown/tagged-text.ts';

/** Segments an engine should see: translatable, each text once. */
export function textsToTranslate(segments: readonly Segment[]): string[] {
  return [...new Set(segments.filter((segment) => segment.isTranslatable).map((segment) => segment.text))];
}

/** Characters of plain text (tags left out), counted in code points as engines bill them. */
export function countCharacters(texts: readonly string[]): number {
  return texts.reduce((sum, text) => sum + [...taggedTextToPlain(text)].length, 0);
}

/** Translates an article's segments in batches; returns the translation per segment index. */
export async function translateSegments(segments: readonly Segment[], engine: Engine, pair: LanguagePair, batchSize: number): Promise<Map<number, string>> {
  const texts = textsToTranslate(segments);
  const byText = new Map<string, string>();
  for (let start = 0; start < texts.length; start += batchSize) {
    const batch = texts.slice(start, start + batchSize);
    const translated = await engine.translate(batch, pair);
    batch.forEach((text, index) => byText.set(text, translated[index]!));
  }
  return new Map(segments.flatMap((segment) => (byText.has(segment.text) ? [[segment.index, byText.get(segment.text)!] as const] : [])));
}
