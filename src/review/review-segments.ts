import type { Glossary } from '../glossary/glossary.ts';
import { unmaskTerms } from '../glossary/mask-terms.ts';
import type { DocumentFormat } from '../formats/document-format.ts';
import { taggedTextToPlain } from '../markdown/tagged-text.ts';
import type { MarkupPart, Segment, Tag } from '../markdown/segment.ts';
import type { MemoryEntry, Suggestion } from '../memory/memory-entry.ts';
import type { MaskedSegment } from '../pipeline/mask-article.ts';
import { unmaskTranslation } from '../pipeline/rebuild-translated.ts';
import type { Finding } from '../qa/finding.ts';
import { termPattern } from '../qa/term-pattern.ts';
import type { TermMatch } from '../glossary/match-terms.ts';
import { diffWords } from './diff-words.ts';
import type { ReviewCounts, ReviewEarlier, ReviewSegment, ReviewTag, ReviewTerm } from './review-types.ts';

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
  /** The reviewed translation of an earlier version of a masked text's source, if a person reviewed one. */
  readonly reviewedEarlier: (item: MaskedSegment) => Suggestion | undefined;
  /** Glossary terms in a text, by the glossary's matching rules (whole words, never inside a URL). */
  readonly findTerms: (text: string) => readonly TermMatch[];
  /** Quality findings of a segment's translation in the output, by segment index. */
  readonly findingsOf: (index: number) => readonly Finding[];
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
      const sourceMarkdown = markdownOf(segment, new Map());
      const reviewed = entry?.status === 'machine' ? sources.reviewedEarlier(item) : undefined;
      const earlier = reviewed && describeEarlier(format, item, reviewed, (translations) => markdownOf(segment, translations), targetForm);
      return {
        index: segment.index,
        id: segment.id,
        kind: segment.kind,
        ...(segment.sink.type === 'resource' && { key: segment.sink.path.join('.') }),
        line: segment.line,
        source: segment.text,
        target,
        sourceMarkdown,
        targetMarkdown: target === undefined ? undefined : markdownOf(segment, targets),
        state: !entry || target === undefined ? 'initial' : entry.status === 'reviewed' ? 'reviewed' : 'translated',
        needsReview: earlier !== undefined,
        ...(earlier ? { earlier } : {}),
        tags: segment.tags.map(describeTag),
        terms: item.masks.map((mask) => describeTerm(glossary, mask.termId, mask.source, language, target)),
        termRanges: sources.findTerms(sourceMarkdown).map(({ termId, start, end }) => ({ termId, start, end })),
        findings: sources.findingsOf(segment.index),
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

// The earlier source's terms are spelled as this source's: its placeholders are numbered in the same reading order.
function describeEarlier(format: DocumentFormat, item: MaskedSegment, reviewed: Suggestion, markdownOf: (translations: ReadonlyMap<number, string>) => string, targetForm: (termId: string) => string): ReviewEarlier {
  const sourceForm = new Map(item.masks.map((mask) => [mask.termId, mask.source]));
  const plain = (text: string) => taggedTextToPlain(unmaskTerms(text, item.masks, (termId) => sourceForm.get(termId) ?? termId).text, ' ');
  const target = unmaskTerms(reviewed.targetText, item.masks, targetForm).text;
  const isWritable = format.repairTranslation(item.segment, target) !== undefined;
  return {
    sourceDiff: diffWords(plain(reviewed.sourceText), plain(item.text)),
    target,
    targetMarkdown: isWritable ? markdownOf(new Map([[item.segment.index, target]])) : undefined,
  };
}

function describeTerm(glossary: Glossary, termId: string, source: string, language: string, target: string | undefined): ReviewTerm {
  const expected = glossary.targetForm(termId, language);
  const isPresent = target !== undefined && (expected.trim() === '' || taggedTextToPlain(target, ' ').search(termPattern(expected, false)) !== -1);
  const notes = [glossary.terms.find((term) => term.id === termId)?.note, glossary.ownForm(termId, language)?.note].filter((note): note is string => note !== undefined);
  return { termId, source, target: expected, isPresent, notes };
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
    qaErrors: segments.flatMap((segment) => segment.findings).filter((finding) => finding.severity === 'error').length,
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
