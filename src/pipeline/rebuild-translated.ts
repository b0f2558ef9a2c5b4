import { unmaskTerms } from '../glossary/mask-terms.ts';
import type { Glossary } from '../glossary/glossary.ts';
import type { RebuiltArticle } from '../markdown/rebuild-article.ts';
import type { SegmentFailure } from '../markdown/render-segment.ts';
import type { MaskedSegment } from './mask-article.ts';
import { matchEdgeWhitespace } from './match-edge-whitespace.ts';
import type { SourceDocument } from './source-document.ts';

/** A stored translation of a masked segment as tagged text to write: the source's edge spaces, glossary terms in their target form. */
export function unmaskTranslation(glossary: Glossary, item: MaskedSegment, translated: string, language: string): string {
  return unmaskTerms(matchEdgeWhitespace(item.text, translated), item.masks, (termId) => glossary.targetForm(termId, language)).text;
}

/** Why a translation cannot be written as it is: a glossary placeholder lost or repeated, like a lost tag. */
export function checkPlaceholders(item: MaskedSegment, translated: string): string[] {
  if (item.masks.length === 0) return [];
  const counts = new Map<number, number>();
  for (const [, id] of translated.matchAll(/<x(\d+)\s*\/>/g)) counts.set(Number(id), (counts.get(Number(id)) ?? 0) + 1);
  return item.masks.flatMap((mask) => {
    const count = counts.get(mask.id) ?? 0;
    if (count === 1) return [];
    return [`glossary term "${mask.source}" (<x${mask.id}/>) ${count === 0 ? 'was lost' : `came back ${count} times`}`];
  });
}

/**
 * Rebuilds a document in one language from the translations of its masked texts, through its format. A text
 * without one, or whose translation lost a glossary placeholder, keeps its source; the latter is among the failures.
 */
export function rebuildTranslated(
  glossary: Glossary,
  source: SourceDocument,
  byText: ReadonlyMap<string, string>,
  language: string,
  /** The output as it is on disk, for formats that keep some of it (a resource file's own keys). */
  current?: string,
): RebuiltArticle {
  const placeholderFailures: SegmentFailure[] = [];
  const translations = new Map<number, string>();
  for (const item of source.masked) {
    const translated = byText.get(item.text) ?? item.text;
    const problems = checkPlaceholders(item, translated);
    if (problems.length > 0) placeholderFailures.push({ segment: item.segment, problems });
    else translations.set(item.segment.index, unmaskTranslation(glossary, item, translated, language));
  }
  const segments = source.masked.map((item) => item.segment);
  const rebuilt = source.format.rebuild({ file: source.file, text: source.text, segments }, translations, language, current);
  return { ...rebuilt, failures: [...placeholderFailures, ...rebuilt.failures] };
}
