import { FrozenError, JialingError, QuotaExceededError, SetupError } from '../errors.ts';
import { documentOutputPath, type FoundDocument } from '../io/find-documents.ts';
import { readArticle } from '../io/read-article.ts';
import { writeFileAtomic } from '../io/write-atomic.ts';
import type { SegmentFailure } from '../markdown/render-segment.ts';
import { taggedTextToPlain } from '../markdown/tagged-text.ts';
import type { HeldArticle } from './held-article.ts';
import { awaitMemory } from './await-memory.ts';
import { checkOutput } from './check-output.ts';
import { maskArticle, nameIdsOf, textsToSend } from './mask-article.ts';
import type { Target } from './prepare-targets.ts';
import { rebuildTranslated } from './rebuild-translated.ts';
import { maxBrokenReplies, recallTranslations, type Recalled } from './recall-translations.ts';
import { takeReviewerEdits, type ReviewerEdits } from './take-reviewer-edits.ts';
import { textHintsOf } from './text-hints.ts';
import { updateTokenFigures } from './token-figures.ts';
import type { RunContext } from './run-context.ts';
import { countCharacters } from './count-characters.ts';
import type { SourceDocument } from './source-document.ts';
import { wrapLikeSource } from './wrap-like-source.ts';

/** One document's source as every target language shares it. */
interface SourceArticle extends SourceDocument {
  /** Where each language's output goes. */
  readonly found: FoundDocument;
  /** What the document is about, which helps an engine with short segments. */
  readonly context?: string;
}

/** Reads and segments one document, then translates, writes and checks it for every target language. */
export async function translateArticle(run: RunContext, article: FoundDocument, held: HeldArticle): Promise<void> {
  const file = article.relativePath;
  if (article.refused) {
    run.addProblem({ severity: 'error', file, message: `Refused ${file}: ${article.refused}.` });
    return;
  }
  const format = run.formats[article.format];
  let source: SourceArticle;
  try {
    const text = await readArticle(article.absolutePath, file);
    const extracted = await format.parse(text, file);
    for (const warning of extracted.warnings) run.addProblem({ severity: 'warning', file, message: `${file}: ${warning}` });
    source = { file, text, format, found: article, masked: maskArticle(extracted.segments, run.matcher), context: format.context(extracted.segments) };
  } catch (error) {
    if (!(error instanceof JialingError)) throw error;
    run.addProblem({ severity: 'error', file, line: error.place?.line, message: error.message });
    return;
  }
  // Read before any text is asked for: an article hands its texts to the queues all at once (see ArticleWindow).
  const edits = await Promise.all(run.targets.map((target) => (run.isDryRun ? none : takeReviewerEdits(run, target, source, documentOutputPath(article, target.language)))));
  await held.inTurn();
  const work = run.targets.map((target, index) => translateInto(run, target, source, edits[index]!, held));
  held.handedOver();
  await Promise.all(work);
}

const none: ReviewerEdits = { state: 'none' };

async function translateInto(run: RunContext, target: Target, source: SourceArticle, reviewer: ReviewerEdits, held: HeldArticle): Promise<void> {
  const { summary, language } = target;
  const { file } = source;
  target.startedAt ??= performance.now();
  if (reviewer.state === 'conflict') {
    reportConflict(run, target, file, reviewer.reason);
    return;
  }
  if (reviewer.state === 'edited') summary.reviewerEdits = (summary.reviewerEdits ?? 0) + reviewer.segments;
  const texts = textsToSend(source.masked);
  if (source.format.name === 'markdown') summary.articles++;
  else summary.resources = (summary.resources ?? 0) + 1;
  summary.segments += new Set(source.masked.filter((item) => item.segment.isTranslatable).map((item) => item.text)).size;
  summary.characters += countCharacters(texts);
  run.glossaryHits[language] = (run.glossaryHits[language] ?? 0) + source.masked.reduce((sum, item) => sum + item.masks.length, 0);
  const recalled = recallTranslations(source.masked, texts, {
    memory: run.memory,
    glossary: run.glossary,
    sourceLanguage: run.config.sourceLanguage,
    targetLanguage: language,
    engineProfile: target.engineProfile,
    articlePath: file,
  });
  summary.fromMemory += recalled.known.size;
  let isOk = true;
  try {
    if (run.isFrozen && recalled.missing.size > 0) {
      throw new FrozenError(`${recalled.missing.size} segments need translating and --frozen forbids calling the engine (first: "${shortPlain([...recalled.missing.keys()][0]!)}").`);
    }
    if (!run.isDryRun) {
      const missing = [...recalled.missing.keys()];
      keepSuggestions(run, target, source, recalled.missing);
      for (const [text, pending] of recalled.missing) awaitMemory(run, target, text, pending);
      const hintOptions = { glossary: run.glossary, language, title: source.context, neighbours: run.config.llm.contextSegments };
      for (const [index, item] of source.masked.entries()) {
        if (!recalled.missing.has(item.text)) continue;
        const names = nameIdsOf(item);
        if (names.length > 0) target.names.set(item.text, names);
        if (target.engine.usesHints && !target.hints.has(item.text)) target.hints.set(item.text, textHintsOf(source.masked, index, hintOptions));
      }
      // Asked for before the first await, so the queue holds this article's texts when the reader moves on.
      const translated = await held.waitOnEngine(target.queue.translate(missing, source.context));
      // A text whose replies all failed the engine's checks keeps its source, as a text without a translation does.
      const byText = new Map([
        ...recalled.known,
        ...missing.flatMap((text, index) => (target.queue.failureOf(text) === undefined ? [[text, wrapLikeSource(text, translated[index]!)] as const] : [])),
      ]);
      reportFailedReplies(run, target, source, missing);
      const current = reviewer.state === 'edited' ? reviewer.text : reviewer.current;
      const rebuilt = rebuildTranslated(run.glossary, source, byText, language, current);
      rejectBrokenReplies(run, target, source, recalled, byText, rebuilt.failures);
      for (const warning of rebuilt.warnings ?? []) run.addProblem({ severity: 'warning', file, language, message: warning });
      reportGivenUp(run, target, source, recalled.gaveUp);
      for (const failure of rebuilt.failures) {
        summary.failedSegments++;
        run.addProblem({
          severity: 'error',
          file,
          language,
          line: failure.segment.line,
          message: `${file}:${failure.segment.line} [${language}] the translation's formatting came back broken (${failure.problems.join('; ')}); the source text was kept for this segment.`,
        });
      }
      // A person's edit of an unchanged article is kept byte for byte; otherwise the rebuild carries the edits.
      const isKept = reviewer.state === 'edited' && reviewer.isSourceUnchanged && missing.length === 0 && source.format.keepsEditedFile;
      // A re-run that would rebuild what it rebuilt last time leaves the file (and a kept edit in it) alone.
      const written = reviewer.state === 'none' ? reviewer.written : undefined;
      const isUnchanged = written !== undefined && written.sourceText === source.text && written.rebuiltText === rebuilt.text;
      const output = isKept ? reviewer.text : isUnchanged ? written.outputText : rebuilt.text;
      if (!isKept && !isUnchanged) await writeFileAtomic(documentOutputPath(source.found, language), output);
      if (!isUnchanged) run.memory?.recordOutput({ language, file, sourceText: source.text, outputText: output, rebuiltText: rebuilt.text });
      checkOutput(run, source, output === rebuilt.text ? rebuilt : output, language);
    }
  } catch (error) {
    if (error instanceof SetupError) throw error;
    isOk = false;
    summary.failedArticles++;
    if (error instanceof QuotaExceededError) summary.unsentSegments = (summary.unsentSegments ?? 0) + texts.length;
    const reason = error instanceof Error ? error.message : String(error);
    run.addProblem({ severity: 'error', file, language, message: `${file} [${language}] was not written: ${reason}` });
  }
  summary.seconds = (performance.now() - target.startedAt) / 1000;
  summary.requests = target.queue.stats.requests;
  summary.translated = target.queue.stats.texts;
  summary.billedCharacters = run.isDryRun ? summary.billedCharacters + countCharacters([...recalled.missing.keys()]) : target.queue.stats.characters;
  updateTokenFigures(summary, target.engine, run.config.llm.prices, run.isDryRun ? [...recalled.missing.keys()] : undefined);
  run.emit({ type: 'article', language, file, segments: texts.length, isOk });
}

// For a text the memory lacks, the closest earlier translations made for the same article (where an edited
// paragraph's earlier version is) are kept for reviewers, never used as the translation. A search of the whole
// memory costs milliseconds per text, too much for every new text of a run; the review page runs it per segment.
function keepSuggestions(run: RunContext, target: Target, source: SourceArticle, missing: ReadonlyMap<string, { key: string }>): void {
  if (!run.memory || !run.hasEarlierTranslations) return;
  const { file } = source;
  for (const [text, { key }] of missing) {
    const suggestions = run.memory.suggestWithinArticle(text, run.config.sourceLanguage, target.language, file, { threshold: run.config.fuzzyThreshold });
    if (suggestions.length > 0) run.memory.saveSuggestions(key, suggestions);
    const reviewed = suggestions.find((suggestion) => suggestion.status === 'reviewed');
    if (reviewed) {
      const segment = source.masked.find((item) => item.text === text)!.segment;
      run.addProblem({
        severity: 'warning',
        file,
        language: target.language,
        line: segment.line,
        message: `${file}:${segment.line} [${target.language}] needs review: the source of a segment a person had reviewed changed ("${shortPlain(segment.text)}"); it was translated anew and the reviewed translation is kept as a suggestion (\`jialing review\` shows it).`,
      });
    }
  }
}

// A reply that failed the checks must not be used again: taken out of the memory, the next run asks anew (a
// bounded number of times, see `maxBrokenReplies`). Several articles of a run may share one reply: counted once.
function rejectBrokenReplies(run: RunContext, target: Target, source: SourceArticle, recalled: Recalled, byText: ReadonlyMap<string, string>, failures: readonly SegmentFailure[]): void {
  if (!run.memory || failures.length === 0) return;
  const rejections = failures.flatMap(({ segment }) => {
    const text = source.masked[segment.index]!.text;
    const key = recalled.keys.get(text);
    const targetText = byText.get(text);
    if (!key || targetText === undefined || target.rejected.has(key)) return [];
    target.rejected.add(key);
    return [{ key, targetText }];
  });
  run.memory.reject(rejections);
}

function reportGivenUp(run: RunContext, target: Target, source: SourceArticle, gaveUp: ReadonlySet<string>): void {
  reportKeptSource(run, target, source, gaveUp, (plain) =>
    `the engine's reply for "${plain}" failed the checks ${maxBrokenReplies} times, so it is no longer sent and the source text is kept. Translate it by hand (in the output file or with \`jialing review\`), or simplify its formatting.`);
}

// Texts whose replies all failed the engine's own checks (see `TranslationQueue.failureOf`): nothing of them was stored.
function reportFailedReplies(run: RunContext, target: Target, source: SourceArticle, sent: readonly string[]): void {
  const failed = new Set(sent.filter((text) => target.queue.failureOf(text) !== undefined));
  if (failed.size === 0) return;
  reportKeptSource(run, target, source, failed, (plain, text) =>
    `the engine's replies for "${plain}" failed the checks on every try (${target.queue.failureOf(text)}); the source text was kept and nothing was stored, so the next run asks again.`);
  for (const text of failed) {
    target.names.delete(text);
    target.hints.delete(text);
    target.awaitingMemory.delete(text);
  }
}

/** Reports each segment of the article whose text is in `texts` as failed, its source kept, with `reason` after its place. */
function reportKeptSource(run: RunContext, target: Target, source: SourceArticle, texts: ReadonlySet<string>, reason: (plain: string, text: string) => string): void {
  for (const item of source.masked) {
    if (!texts.has(item.text)) continue;
    target.summary.failedSegments++;
    run.addProblem({
      severity: 'error',
      file: source.file,
      language: target.language,
      line: item.segment.line,
      message: `${source.file}:${item.segment.line} [${target.language}] ${reason(shortPlain(item.segment.text), item.text)}`,
    });
  }
}

function reportConflict(run: RunContext, target: Target, file: string, reason: string): void {
  target.summary.conflicts = (target.summary.conflicts ?? 0) + 1;
  run.addProblem({
    severity: 'error',
    file,
    language: target.language,
    message: `${file} [${target.language}] was edited by hand and left untouched: ${reason}. Nothing was stored from it. Fix the file so its blocks match the source again, or delete it to have it written anew (translations reviewed before are kept).`,
  });
  run.emit({ type: 'article', language: target.language, file, segments: 0, isOk: false });
}

function shortPlain(text: string): string {
  const plain = taggedTextToPlain(text);
  return plain.length > 60 ? `${plain.slice(0, 57)}…` : plain;
}
