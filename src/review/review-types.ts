import type { SegmentKind } from '../markdown/segment.ts';
import type { Suggestion } from '../memory/memory-entry.ts';
import type { Finding } from '../qa/finding.ts';
import type { DiffPart } from './diff-words.ts';

/** Where a segment's translation stands, named as XLIFF 2 names segment states. */
export type SegmentState = 'initial' | 'translated' | 'reviewed';

/** One inline formatting tag of a segment, with the markdown it stands for, so a person can see what it is. */
export interface ReviewTag {
  readonly id: number;
  /** `pair`: `<gN>…</gN>` around words (emphasis, link); `atom`: `<xN/>`, something words never enter (code, image). */
  readonly kind: 'pair' | 'atom';
  /** Markdown of the opening side (or of the whole atom), e.g. `**`, `[`, `` `npm ci` ``. */
  readonly open: string;
  /** Markdown of the closing side of a pair, e.g. `**`, `](https://example.com)`. */
  readonly close?: string;
}

/** A glossary term in a segment and the form it must take in the target language. */
export interface ReviewTerm {
  readonly termId: string;
  readonly source: string;
  readonly target: string;
  /** Whether the translation holds the target form, by the rule the glossary check applies. */
  readonly isPresent: boolean;
  /** The glossary's notes on the term: the source entry's, then the target language's. */
  readonly notes: readonly string[];
}

/** Where a glossary term occurs in a segment's source markdown, found by the glossary's matching rules. */
export interface ReviewTermRange {
  readonly termId: string;
  readonly start: number;
  readonly end: number;
}

/** One translatable segment of an article in one target language, as a reviewer sees it. */
export interface ReviewSegment {
  /** Position in the article's segment list; what edits refer to. */
  readonly index: number;
  /** Content id of the source text: changes when the source text changes. */
  readonly id: string;
  readonly kind: SegmentKind;
  /** For a string of a resource file: its key (`nav.home`, `items_one`). */
  readonly key?: string;
  /** Line of the segment in the source document. */
  readonly line: number;
  /** Source as tagged text (`<gN>…</gN>`, `<xN/>`, XML-escaped), glossary terms spelled out. */
  readonly source: string;
  /** Translation as tagged text with the source's tag ids, terms spelled out; absent when not translated yet. */
  readonly target?: string;
  /** The segment's source and translation as the markdown written in the articles. */
  readonly sourceMarkdown: string;
  readonly targetMarkdown?: string;
  readonly state: SegmentState;
  /** A machine translation of a changed source text whose earlier version a person had reviewed. */
  readonly needsReview: boolean;
  /** For a segment that needs review: how its source changed since a person reviewed it, and their translation then. */
  readonly earlier?: ReviewEarlier;
  readonly tags: readonly ReviewTag[];
  readonly terms: readonly ReviewTerm[];
  /** The glossary terms in `sourceMarkdown`, for highlighting. */
  readonly termRanges: readonly ReviewTermRange[];
  /** Quality findings on this segment in the written output. */
  readonly findings: readonly Finding[];
  /** Earlier translations of similar source texts, closest first; terms spelled out. */
  readonly suggestions: readonly ReviewSuggestion[];
}

/** A reviewed translation of an earlier version of a segment's source. */
export interface ReviewEarlier {
  /** Word diff from that source to this one, as plain text with terms spelled out. */
  readonly sourceDiff: readonly DiffPart[];
  /** The translation then, as tagged text, and as this segment's markdown when its tags fit. */
  readonly target: string;
  readonly targetMarkdown?: string;
}

/** A suggestion with its translation as this segment's markdown, when its tags fit the segment's. */
export interface ReviewSuggestion extends Suggestion {
  readonly targetMarkdown?: string;
}

/** Segment counts of one article in one language. */
export interface ReviewCounts {
  readonly segments: number;
  readonly reviewed: number;
  readonly machine: number;
  readonly needsReview: number;
  readonly untranslated: number;
  /** Quality findings of error severity in the output. */
  readonly qaErrors: number;
}

/** One article in one target language. */
export interface ArticleReview {
  /** Relative to the articles folder, with `/`. */
  readonly file: string;
  readonly language: string;
  /** Absolute path of the localised markdown. */
  readonly outputPath: string;
  readonly segments: readonly ReviewSegment[];
  readonly counts: ReviewCounts;
  /** Findings about the output as a whole (its structure no longer matches the source). */
  readonly findings?: readonly Finding[];
  /** Why the output cannot take a save: it was edited by hand beyond lining up with its source. */
  readonly conflict?: string;
}

/** A reviewer's translation of one segment: tagged text with the source's tag ids, or the segment's markdown. */
export type ReviewEdit = ({ readonly target: string } | { readonly markdown: string }) & {
  readonly index: number;
  /** The id of the source the translation was made for; a save is refused when the segment's source is another now. */
  readonly id?: string;
};
