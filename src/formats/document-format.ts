import type { ExtractedArticle } from '../markdown/extract-segments.ts';
import type { RebuiltArticle } from '../markdown/rebuild-article.ts';
import type { Segment } from '../markdown/segment.ts';
import type { Finding } from '../qa/finding.ts';

/** Names of the document formats jialing translates. */
export const formatNames = ['markdown', 'i18next'] as const;
export type FormatName = (typeof formatNames)[number];

/** A source document as a format sees it: where it is shown, its text and its segments. */
export interface FormatSource {
  /** Path shown in reports and kept in the memory: relative to the articles folder, or a resource's file name. */
  readonly file: string;
  readonly text: string;
  readonly segments: readonly Segment[];
}

/**
 * How one kind of document is read into segments and written back from their translations. The pipeline,
 * memory, queue, checks and review see only segments; everything that knows the syntax lives behind this.
 */
export interface DocumentFormat {
  readonly name: FormatName;
  /** Splits a source document into segments; may run elsewhere (a worker thread), hence the promise. */
  parse(text: string, file: string): Promise<ExtractedArticle>;
  /** Splits a source document into segments on this thread. */
  segment(text: string, file: string): ExtractedArticle;
  /** Reads a written translation into segments that line up with the source's while its structure is intact. */
  segmentOutput(text: string, sourceSegments: readonly Segment[], output: { readonly file: string; readonly language: string }): readonly Segment[];
  /**
   * Writes the document in one language from each segment's translation (tagged text, glossary terms spelled
   * out); a segment without one keeps its source. `current` is the output as it is on disk, if any.
   */
  rebuild(source: FormatSource, translations: ReadonlyMap<number, string>, language: string, current?: string): RebuiltArticle;
  /** Findings only this format can make, on an output as written. */
  check(source: FormatSource, output: string, language: string): Finding[];
  /**
   * Whether a person's edit of a document whose source is unchanged is kept byte for byte. Otherwise the rebuild,
   * which carries the edits (stored as reviewed), is written.
   */
  readonly keepsEditedFile: boolean;
  /**
   * An output without what the rebuild keeps or drops of its own accord (a resource file's own keys, stale
   * plural forms), so that only changes the rebuild would undo count against a hand edit. As is when absent.
   */
  comparableOutput?(output: string, source: FormatSource, language: string): string;
  /**
   * One segment's translation (tagged text, by segment index) as the document writes it, for reviewers; the
   * source's text, and `isBroken`, when the translation cannot be written.
   */
  renderSegment(segment: Segment, translations: ReadonlyMap<number, string>, segments: readonly Segment[]): { readonly text: string; readonly isBroken: boolean };
  /** A translation as the rebuild writes it (spans an engine split joined); undefined when it cannot be written. */
  repairTranslation(segment: Segment, text: string): string | undefined;
  /** What the document is about, which helps an engine with short segments. */
  context(segments: readonly Segment[]): string | undefined;
}

/** One format per name, as a run uses them. */
export type DocumentFormats = Readonly<Record<FormatName, DocumentFormat>>;
