import type { Glossary } from '../glossary/glossary.ts';
import { unmaskTerms } from '../glossary/mask-terms.ts';
import type { DocumentFormat } from '../formats/document-format.ts';
import type { MarkupPart, Segment, Tag } from '../markdown/segment.ts';
import type { MemoryEntry, Suggestion } from '../memory/memory-entry.ts';
import type { MaskedSegment } from '../pipeline/mask-article.ts';
import { unmaskTranslation } from '../pipeline/rebuild-translated.ts';
import type { Finding } from '../qa/finding.ts';
import type { ReviewCounts, ReviewSegment, ReviewTag } from './review-types.ts';

/** What the memory and the checks say about an article in one language. */
export interface ReviewSources {
  readonly masked: readonly MaskedSegment[];
  /** The format of the document, which writes each segment as its file shows it. */
  readonly format: DocumentFormat;
  readonly language: string;
  readonly glossary: Glossary;
  /** Stored entry per masked text. */
  readonly entries: ReadonlyMap<string, MemoryEntry>;
  /** Suggestions for a masked text, closest first. */
  readonly suggestionsFor: (item: MaskedSegment) => readonly Suggestion[];
  /** Whether a person reviewed an earlier version of a masked text's source. */
  readonly needsReview: (item: MaskedSegment) => boolean;
  readonly findings: readonly Finding[];
  /** Line of each segment in the output, by index, to place findings. */
  readonly outputLines: ReadonlyMap<number, number>;
}

/** The segments a reviewer works on: those jialing translates, with their translation, tags, terms, findings and suggestions. */
export function reviewSegments(sources: ReviewSources): ReviewSegment[] {
  const { masked, language, glossary, entries, format } = sources;
  const targetForm = (termId: string) => glossary.targetForm(termId, language);
  const targets = new Map<number, string>();
  for (const item of masked) {
    const entry = entries.get(item.text);
    const target = entry && writtenTarget(format, glossary, item, entry.targetText, language);
    if (target !== undefined) targets.set(item.segment.index, target);
  }
  const segments = masked.map((item) => item.segment);
  const markdownOf = (segment: Segment, translations: ReadonlyMap<number, string>) => format.renderSegment(segment, translations, segments).text;
  return masked
    .filter((item) => item.isSendable)
    .map((item): ReviewSegment => {
      const { segment } = item;
      const entry = entries.get(item.text);
      const target = targets.get(segment.index);
      const line = sources.outputLines.get(segment.index);
      return {
        index: segment.index,
        id: segment.id,
        kind: segment.kind,
        ...(segment.sink.type === 'resource' && { key: segment.sink.path.join('.') }),
        line: segment.line,
        source: segment.text,
        target,
        sourceMarkdown: markdownOf(segment, new Map()),
        targetMarkdown: target === undefined ? undefined : markdownOf(segment, targets),
        state: !entry || target === undefined ? 'initial' : entry.status === 'reviewed' ? 'reviewed' : 'translated',
        needsReview: entry?.status === 'machine' && sources.needsReview(item),
        tags: segment.tags.map(describeTag),
        terms: item.masks.map((mask) => ({ termId: mask.termId, source: mask.source, target: targetForm(mask.termId) })),
        findings: line === undefined ? [] : sources.findings.filter((finding) => finding.line === line),
        suggestions: sources.suggestionsFor(item).map((suggestion) => {
          const targetText = unmaskTerms(suggestion.targetText, item.masks, targetForm).text;
          const rendered = format.renderSegment(segment, new Map([[segment.index, targetText]]), segments);
          return { ...suggestion, targetText, targetMarkdown: rendered.isBroken ? undefined : rendered.text };
        }),
      };
    });
}

/**
 * A stored translation as reviewers see it and the rebuild writes it: terms spelled out, an engine's split spans
 * joined; undefined when it cannot be written (the source is written instead).
 */
export function writtenTarget(format: DocumentFormat, glossary: Glossary, item: MaskedSegment, translated: string, language: string): string | undefined {
  return format.repairTranslation(item.segment, unmaskTranslation(glossary, item, translated, language));
}

/** Counts of an article's review segments. */
export function countSegments(segments: readonly ReviewSegment[]): ReviewCounts {
  const count = (test: (segment: ReviewSegment) => boolean) => segments.filter(test).length;
  return {
    segments: segments.length,
    reviewed: count((segment) => segment.state === 'reviewed'),
    machine: count((segment) => segment.state === 'translated'),
    needsReview: count((segment) => segment.needsReview),
    untranslated: count((segment) => segment.state === 'initial'),
  };
}

function describeTag(tag: Tag): ReviewTag {
  if (tag.kind === 'atom') return { id: tag.id, kind: 'atom', open: markupText(tag.markup) };
  return { id: tag.id, kind: 'pair', open: markupText(tag.open), close: markupText(tag.close) };
}

// A nested alt text or title shows as an ellipsis: it is a segment of its own.
function markupText(parts: readonly MarkupPart[]): string {
  return parts.map((part) => (typeof part === 'string' ? part : '…')).join('');
}
