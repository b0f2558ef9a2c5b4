import path from 'node:path';
import type { ResolvedConfig } from '../config/resolve-config.ts';
import type { EngineEnvironment } from '../engines/create-engine.ts';
import { JialingError, UsageError } from '../errors.ts';
import type { Glossary } from '../glossary/glossary.ts';
import { loadGlossary } from '../glossary/load-glossary.ts';
import { createTermMatcher, findTerms, type TermMatcher } from '../glossary/match-terms.ts';
import { readGlossaryStamp } from '../glossary/read-glossary-stamp.ts';
import { remaskTerms } from '../glossary/remask-terms.ts';
import { createFormats } from '../formats/create-formats.ts';
import type { DocumentFormats } from '../formats/document-format.ts';
import { byteOrderMark } from '../io/byte-order-mark.ts';
import { readOutput } from '../io/read-output.ts';
import { documentOutputPath, findDocuments, type FoundDocument } from '../io/find-documents.ts';
import { readArticle } from '../io/read-article.ts';
import { writeFileAtomic } from '../io/write-atomic.ts';
import type { Segment } from '../markdown/segment.ts';
import { memoryKey } from '../memory/memory-key.ts';
import type { Suggestion } from '../memory/memory-entry.ts';
import type { MemoryStore } from '../memory/memory-store.ts';
import { openMemory } from '../memory/open-memory.ts';
import { expectedEngineProfile } from '../pipeline/expected-engine-profile.ts';
import { maskArticle, textsToSend, type MaskedSegment } from '../pipeline/mask-article.ts';
import type { SourceDocument } from '../pipeline/source-document.ts';
import { rebuildTranslated } from '../pipeline/rebuild-translated.ts';
import { recallTranslations, type Recalled } from '../pipeline/recall-translations.ts';
import { takeReviewerEdits } from '../pipeline/take-reviewer-edits.ts';
import { checkArticle } from '../qa/check-article.ts';
import type { Finding } from '../qa/finding.ts';
import { readStatus } from '../status.ts';
import { editToTagged } from './edit-to-tagged.ts';
import { countSegments, reviewSegments, writtenTarget } from './review-segments.ts';
import type { ArticleReview, ReviewCounts, ReviewEdit } from './review-types.ts';

/** One article's languages with their counts, for a list of work. */
export interface ArticleOverview {
  readonly file: string;
  readonly languages: readonly { readonly language: string; readonly hasOutput: boolean; readonly counts: ReviewCounts }[];
}

/** Why one edit was not stored; `isFinding` marks a quality check's error, which a confirmed save stores anyway. */
export interface ReviewEditProblem {
  readonly index: number;
  readonly message: string;
  readonly isFinding?: boolean;
}

/** Edits that cannot be stored, each with the segment it concerns; none of the batch was stored. */
export class ReviewEditError extends JialingError {
  readonly problems: readonly ReviewEditProblem[];

  constructor(message: string, problems: readonly ReviewEditProblem[]) {
    super(message);
    this.problems = problems;
  }
}

/** An article's source in one language, with what the memory holds for it. */
interface OpenedArticle extends SourceDocument {
  readonly language: string;
  readonly hasByteOrderMark: boolean;
  readonly profile: string;
  readonly recalled: Recalled;
  readonly outputPath: string;
}

// Suggestions from the whole memory cost milliseconds per segment: fine for one article on a page.
const liveSuggestions = 3;

/** Articles, their translations and the memory, as reviewers read and correct them. */
export class ReviewWorkspace {
  readonly #config: ResolvedConfig;
  readonly #env: EngineEnvironment;
  #glossary: Glossary;
  #matcher: TermMatcher;
  #glossaryStamp: string;
  readonly #memory: MemoryStore;
  readonly #formats: DocumentFormats;
  #articles?: Promise<FoundDocument[]>;

  private constructor(config: ResolvedConfig, env: EngineEnvironment, glossary: Glossary, glossaryStamp: string, memory: MemoryStore) {
    this.#config = config;
    this.#env = env;
    this.#glossary = glossary;
    this.#glossaryStamp = glossaryStamp;
    this.#matcher = createTermMatcher(glossary.terms);
    this.#memory = memory;
    this.#formats = createFormats(config);
  }

  /** Loads the glossary and opens (creating if needed) the memory of a project. */
  static async open(config: ResolvedConfig, options: { readonly env?: EngineEnvironment } = {}): Promise<ReviewWorkspace> {
    const glossaryStamp = await readGlossaryStamp(config.localesDir, [config.sourceLanguage, ...config.targetLanguages]);
    const glossary = await loadGlossary(config.localesDir, config.sourceLanguage, config.targetLanguages);
    const memory = await openMemory(config);
    try {
      // Once here rather than on a reviewer's first search, which would wait for the entries of every run since.
      await memory.indexForSuggestions();
    } catch (error) {
      await memory.close();
      throw error;
    }
    return new ReviewWorkspace(config, options.env ?? {}, glossary, glossaryStamp, memory);
  }

  /** Every article with, per target language, its segment counts. */
  async listArticles(): Promise<ArticleOverview[]> {
    await this.#refreshGlossary();
    const statuses = await readStatus(this.#config, this.#config.targetLanguages, this.#env);
    const byFile = new Map<string, ArticleOverview['languages'][number][]>();
    for (const status of statuses) {
      if (status.state === 'unreadable') continue;
      // QA errors are those of the output as it is, counted as the article's page counts them.
      const qaErrors = status.state === 'missing' ? 0 : await this.#countQaErrors(await this.#open(status.file, status.language));
      const counts = { segments: status.segments, reviewed: status.reviewed, machine: status.machine, needsReview: status.needsReview, untranslated: status.untranslated, qaErrors };
      const languages = byFile.get(status.file) ?? [];
      languages.push({ language: status.language, hasOutput: status.state !== 'missing', counts });
      byFile.set(status.file, languages);
    }
    return [...byFile].map(([file, languages]) => ({ file, languages }));
  }

  /**
   * One article in one language, segment by segment; `UsageError` for an unknown article or language.
   * `suggestions: false` leaves out the search of the whole memory (milliseconds per segment) and keeps
   * only the suggestions runs saved: for exports of many articles.
   */
  async article(file: string, language: string, options: { readonly suggestions?: boolean } = {}): Promise<ArticleReview> {
    await this.#refreshGlossary();
    return this.#describe(await this.#open(file, language), options.suggestions ?? true);
  }

  /**
   * Stores reviewers' translations as reviewed and rewrites the article's markdown in that language.
   * All or nothing: one invalid edit (unknown index, tags changed) throws `ReviewEditError` and stores none.
   * The checks that run after a translation run on the article as it would be written: an error throws
   * `ReviewEditError` with the findings, unless `isConfirmed` (a reviewer's "save anyway").
   * Returns the article as `article` does, with the same `suggestions` option.
   */
  async save(file: string, language: string, edits: readonly ReviewEdit[], options: { readonly suggestions?: boolean; readonly isConfirmed?: boolean } = {}): Promise<ArticleReview> {
    await this.#refreshGlossary();
    let opened = await this.#open(file, language);
    // Edits made in the file since it was written are taken up first, so that rewriting it loses none.
    const inFile = await takeReviewerEdits(this.#runContext(), { language, engineProfile: opened.profile }, opened, opened.outputPath);
    if (inFile.state === 'conflict') {
      throw new ReviewEditError(`${opened.outputPath} was edited by hand and cannot be lined up with its source (${inFile.reason}); fix or delete that file first.`, []);
    }
    if (inFile.state === 'edited') opened = await this.#open(file, language);
    const segments = opened.masked.map((item) => item.segment);
    const problems: { index: number; message: string }[] = [];
    const targets = new Map<number, string>();
    for (const edit of edits) {
      const item = opened.masked[edit.index];
      if (!item?.isSendable) {
        problems.push({ index: edit.index, message: `segment ${edit.index} is not a translatable segment of ${file}` });
        continue;
      }
      if (edit.id !== undefined && edit.id !== item.segment.id) {
        problems.push({ index: edit.index, message: `the source of segment ${edit.index + 1} changed since this translation was made for it (the article was edited); reload the page and translate the segment again` });
        continue;
      }
      const result = editToTagged(edit, item.segment, segments);
      if ('problem' in result) problems.push({ index: edit.index, message: result.problem });
      // Approving a segment unchanged marks it reviewed; an alt text or title inside it only counts when changed.
      else {
        for (const [index, text] of result.targets) {
          if (index !== edit.index && text === this.#currentTarget(opened, index)) continue;
          // Stored as the engine's translations are, with placeholders where the glossary's forms stand.
          const remasked = remaskTerms(text, opened.masked[index]!.masks, (termId) => this.#glossary.targetForm(termId, language));
          for (const mask of remasked.missing) {
            problems.push({ index: edit.index, message: `the glossary term "${mask.source}" must be translated as "${this.#glossary.targetForm(mask.termId, language)}"; keep that form (or change the glossary)` });
          }
          targets.set(index, remasked.text);
        }
      }
    }
    if (problems.length > 0) {
      throw new ReviewEditError(`Nothing was saved: ${problems.map((problem) => `segment ${problem.index}: ${problem.message}`).join('; ')}.`, problems);
    }
    if (!options.isConfirmed) await this.#checkBeforeSaving(opened, targets, edits);
    await this.#storeReviewed(opened, targets);
    const reopened = await this.#open(file, language);
    const current = await this.#readOutput(reopened);
    const rebuilt = rebuildTranslated(this.#glossary, reopened, reopened.recalled.known, language, current).text;
    await writeFileAtomic(reopened.outputPath, reopened.hasByteOrderMark ? byteOrderMark + rebuilt : rebuilt);
    await this.#memory.recordOutput({ language, file, sourceText: reopened.text, outputText: rebuilt, rebuiltText: rebuilt });
    return this.#describe(reopened, options.suggestions ?? true);
  }

  /** Closes the memory. */
  close(): Promise<void> {
    return this.#memory.close();
  }

  #runContext() {
    return { memory: this.#memory, config: this.#config, glossary: this.#glossary, matcher: this.#matcher };
  }

  #currentTarget(opened: OpenedArticle, index: number): string | undefined {
    const item = opened.masked[index]!;
    const stored = opened.recalled.known.get(item.text);
    return stored === undefined ? undefined : writtenTarget(opened.format, this.#glossary, item, stored, opened.language);
  }

  #storeReviewed(opened: OpenedArticle, targets: ReadonlyMap<number, string>): Promise<void> {
    const { sourceLanguage } = this.#config;
    const entries = [...targets].flatMap(([index, targetText]) => {
      const item = opened.masked[index]!;
      if (!item.isSendable) return [];
      const glossaryVersion = this.#glossary.version(item.masks.map((mask) => mask.termId), opened.language);
      const key = memoryKey({ sourceText: item.text, sourceLanguage, targetLanguage: opened.language, engineProfile: opened.profile, glossaryVersion });
      return [{ key, sourceText: item.text, targetText, sourceLanguage, targetLanguage: opened.language, engineProfile: opened.profile, glossaryVersion, articlePath: opened.file }];
    });
    return this.#memory.storeReviewed(entries);
  }

  // The glossary is read again when its files change: runs since the server started mask and write with the new
  // terms, and a save with the old ones would rewrite their work and store translations under stale keys.
  async #refreshGlossary(): Promise<void> {
    const { localesDir, sourceLanguage, targetLanguages } = this.#config;
    const stamp = await readGlossaryStamp(localesDir, [sourceLanguage, ...targetLanguages]);
    if (stamp === this.#glossaryStamp) return;
    this.#glossary = await loadGlossary(localesDir, sourceLanguage, targetLanguages);
    this.#matcher = createTermMatcher(this.#glossary.terms);
    this.#glossaryStamp = stamp;
  }

  // Reads no glossary: each public call refreshes it once, so one save masks and stores with one set of terms.
  async #open(file: string, language: string): Promise<OpenedArticle> {
    if (!this.#config.targetLanguages.includes(language)) {
      throw new UsageError(`"${language}" is not a target language of ${this.#config.configFile} (${this.#config.targetLanguages.join(', ')}).`);
    }
    const article = await this.#findArticle(file);
    if (!article || article.refused) throw new UsageError(`No article "${file}" in ${this.#config.articlesDir}.`, { hint: 'Give the path relative to the articles folder, as `jialing status` lists it.' });
    const { text, hasByteOrderMark } = await readArticle(article.absolutePath, file);
    const format = this.#formats[article.format];
    const masked = maskArticle(format.segment(text, file).segments, this.#matcher);
    const profile = expectedEngineProfile(this.#config, language, this.#env);
    const recalled = await recallTranslations(masked, textsToSend(masked), {
      memory: this.#memory,
      glossary: this.#glossary,
      sourceLanguage: this.#config.sourceLanguage,
      targetLanguage: language,
      engineProfile: profile,
      articlePath: file,
    });
    return { file, language, text, hasByteOrderMark, masked, format, profile, recalled, outputPath: documentOutputPath(article, language) };
  }

  // The folder is listed once and again only for a path it did not hold, so that exporting every article stays linear.
  async #findArticle(file: string): Promise<FoundDocument | undefined> {
    const find = (articles: readonly FoundDocument[]) => articles.find((found) => found.relativePath.split(path.sep).join('/') === file);
    const known = this.#articles && find(await this.#articles);
    if (known) return known;
    this.#articles = findDocuments(this.#config);
    return find(await this.#articles);
  }

  /** The quality findings of an output, per segment index, and those about the output as a whole. */
  #checkOutput(opened: OpenedArticle, output: string): { findings: Map<number, Finding[]>; articleFindings: Finding[] } {
    const { file, language, masked } = opened;
    const sourceSegments = masked.map((item) => item.segment);
    const outputSegments = opened.format.segmentOutput(output, sourceSegments, { file, language });
    const context = {
      file,
      sourceLanguage: this.#config.sourceLanguage,
      targetLanguage: language,
      severities: this.#config.qaSeverities,
      termsFor: (segment: Segment) => (masked[segment.index]?.masks ?? []).map((mask) => ({ termId: mask.termId, source: mask.source, expected: this.#glossary.targetForm(mask.termId, language) })),
    };
    // Checked segment by segment, so that segments sharing a line (a paragraph and its image's alt text) keep their own findings.
    const isAligned = outputSegments.length === sourceSegments.length && outputSegments.every((segment, index) => segment.kind === sourceSegments[index]!.kind);
    if (!isAligned) return { findings: new Map(), articleFindings: checkArticle(sourceSegments, outputSegments, context) };
    return { findings: new Map(sourceSegments.map((segment, index) => [segment.index, checkArticle([segment], [outputSegments[index]!], context)])), articleFindings: [] };
  }

  // Checks the article as the save would write it, so a reviewer hears of a wrong number before it is stored.
  async #checkBeforeSaving(opened: OpenedArticle, targets: ReadonlyMap<number, string>, edits: readonly ReviewEdit[]): Promise<void> {
    const known = new Map(opened.recalled.known);
    for (const [index, text] of targets) known.set(opened.masked[index]!.text, text);
    const current = await this.#readOutput(opened);
    const candidate = rebuildTranslated(this.#glossary, opened, known, opened.language, current).text;
    const { findings } = this.#checkOutput(opened, candidate);
    const errors = edits.flatMap((edit) =>
      (findings.get(edit.index) ?? []).filter((finding) => finding.severity === 'error').map((finding) => ({ index: edit.index, message: `${finding.check}: ${finding.message}`, isFinding: true })),
    );
    if (errors.length > 0) {
      throw new ReviewEditError(`Not saved: the quality checks found ${errors.length === 1 ? 'an error' : 'errors'} (${errors.map((error) => error.message).join('; ')}); save anyway to keep the translation as it is.`, errors);
    }
  }

  /** The output as it stands, without the byte-order mark its source may give it; undefined when not written yet. */
  async #readOutput(opened: OpenedArticle): Promise<string | undefined> {
    return readOutput(opened.outputPath);
  }

  /** The QA errors of an output as the article's page counts them: of the segments it shows, and of the output as a whole. */
  async #countQaErrors(opened: OpenedArticle): Promise<number> {
    const output = await this.#readOutput(opened);
    if (output === undefined) return 0;
    const { findings, articleFindings } = this.#checkOutput(opened, output);
    const shown = opened.masked.filter((item) => item.isSendable).flatMap((item) => findings.get(item.segment.index) ?? []);
    return [...shown, ...articleFindings].filter((finding) => finding.severity === 'error').length;
  }

  async #describe(opened: OpenedArticle, withLiveSuggestions = true): Promise<ArticleReview> {
    const { file, language, masked, recalled } = opened;
    const output = await this.#readOutput(opened);
    const { findings, articleFindings } = output === undefined ? { findings: new Map<number, Finding[]>(), articleFindings: [] } : this.#checkOutput(opened, output);
    const handEdits = await takeReviewerEdits(this.#runContext(), { language, engineProfile: opened.profile }, opened, opened.outputPath, { isDryRun: true });
    const keyOf = (item: MaskedSegment) => recalled.keys.get(item.text)!;
    // The memory answers asynchronously; what each segment needs of it is fetched before the segments are described.
    const sendable = masked.filter((item) => item.isSendable);
    const reviewedEarlier = new Map<MaskedSegment, Suggestion>();
    const suggestions = new Map<MaskedSegment, readonly Suggestion[]>();
    await Promise.all(
      sendable.map(async (item) => {
        const saved = await this.#memory.suggestionsFor(keyOf(item));
        // A reviewed suggestion among those a run saved: the source changed after a person reviewed it.
        const reviewed = saved.find((suggestion) => suggestion.status === 'reviewed');
        if (reviewed) reviewedEarlier.set(item, reviewed);
        suggestions.set(item, await this.#withLiveSuggestions(saved, item, language, recalled, withLiveSuggestions));
      }),
    );
    const segments = reviewSegments({
      masked,
      format: opened.format,
      language,
      glossary: this.#glossary,
      entries: recalled.entries,
      findingsOf: (index) => findings.get(index) ?? [],
      findTerms: (text) => findTerms(this.#matcher, text),
      reviewedEarlier: (item) => reviewedEarlier.get(item),
      suggestionsFor: (item) => suggestions.get(item) ?? [],
    });
    const conflict = handEdits.state === 'conflict' ? `${opened.outputPath} was edited by hand and cannot be lined up with its source (${handEdits.reason}); approving is refused until that file is fixed or deleted.` : undefined;
    const counts = countSegments(segments);
    const articleErrors = articleFindings.filter((finding) => finding.severity === 'error').length;
    return { file, language, outputPath: opened.outputPath, segments, counts: { ...counts, qaErrors: counts.qaErrors + articleErrors }, findings: articleFindings, ...(conflict ? { conflict } : {}) };
  }

  async #withLiveSuggestions(saved: readonly Suggestion[], item: MaskedSegment, language: string, recalled: Recalled, withLiveSuggestions: boolean): Promise<Suggestion[]> {
    const live = withLiveSuggestions ? await this.#memory.suggest(item.text, this.#config.sourceLanguage, language, { threshold: this.#config.fuzzyThreshold, limit: liveSuggestions + 1 }) : [];
    const own = recalled.entries.get(item.text)?.key;
    const seen = new Set<string>();
    return [...saved, ...live].filter((suggestion) => suggestion.key !== own && suggestion.sourceText !== item.text && !seen.has(suggestion.key) && seen.add(suggestion.key)).slice(0, liveSuggestions);
  }
}
