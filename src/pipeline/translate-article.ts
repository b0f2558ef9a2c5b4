import { outputFolder } from '../config/resolve-config.ts';
import { FrozenError, JialingError, QuotaExceededError, SetupError } from '../errors.ts';
import { checkOutputPath } from '../io/check-output-path.ts';
import { byteOrderMark } from '../io/byte-order-mark.ts';
import { documentOutputPath, type FoundDocument } from '../io/find-documents.ts';
import { readArticle } from '../io/read-article.ts';
import { writeFileAtomic } from '../io/write-atomic.ts';
import type { SegmentFailure } from '../markdown/render-segment.ts';
import { segmentId } from '../markdown/segment-id.ts';
import { taggedTextToPlain } from '../markdown/tagged-text.ts';
import { countWithReviewedSuggestion } from '../memory/count-reviewed-suggestions.ts';
import type { HeldArticle } from './held-article.ts';
import { awaitMemory } from './await-memory.ts';
import { awaitOtherRuns } from './await-other-runs.ts';
import { glossaryVersionOf, hashText, sourceKeyOf } from './article-state.ts';
import { checkOutput, type OutputCheck } from './check-output.ts';
import { currentStates, reportStoredOutcome } from './stored-outcome.ts';
import { maskArticle, nameIdsOf, textsToSend } from './mask-article.ts';
import type { Target } from './prepare-targets.ts';
import { rebuildTranslated } from './rebuild-translated.ts';
import { maxBrokenReplies, recallTranslations, type Recalled } from './recall-translations.ts';
import { takeReviewerEdits, type ReviewerEdits } from './take-reviewer-edits.ts';
import { createTextHints } from './text-hints.ts';
import { updateTokenFigures } from './token-figures.ts';
import type { RunContext } from './run-context.ts';
import type { ArticleOutcome } from './run-report.ts';
import { countCharacters } from './count-characters.ts';
import type { SourceDocument } from './source-document.ts';
import { wrapLikeSource } from './wrap-like-source.ts';
import { addSourceFigures, sourceFiguresOf, type SourceFigures } from './source-figures.ts';

/** One document's source as every target language shares it. */
interface SourceArticle extends SourceDocument {
  /** Whether the source file starts with a byte-order mark, which its outputs then start with too. */
  readonly hasByteOrderMark: boolean;
  /** Where each language's output goes. */
  readonly found: FoundDocument;
  /** What the document is about, which helps an engine with short segments. */
  readonly context?: string;
  /** What segmenting said about the source, reported once per article. */
  readonly warnings: readonly string[];
}

/** Reads and segments one document, then translates, writes and checks it for every target language. */
export async function translateArticle(run: RunContext, article: FoundDocument, held: HeldArticle): Promise<void> {
  const file = article.relativePath;
  if (article.refused) {
    run.addProblem({ severity: 'error', file, message: `Refused ${file}: ${article.refused}.` });
    run.countArticle('skipped');
    return;
  }
  const format = run.formats[article.format];
  let source: SourceArticle;
  let targets: readonly Target[];
  try {
    const { text, hasByteOrderMark } = await readArticle(article.absolutePath, file);
    // An output whose every input is as it was when it was written is neither rebuilt nor checked again.
    const states = await currentStates(run, run.targets, file, sourceKeyOf(text, hasByteOrderMark), (target) => documentOutputPath(article, target.language));
    targets = run.targets.filter((_, index) => states[index] === undefined);
    if (targets.length === 0) {
      await held.inTurn();
      held.handedOver();
      for (const warning of states[0]?.outcome.warnings ?? []) run.addProblem({ severity: 'warning', file, message: `${file}: ${warning}` });
      run.targets.forEach((target, index) => reportStoredOutcome(run, target, states[index]!, article.format));
      // A state is kept only for an output every text reached, so an unchanged article counts as written.
      run.countArticle('written');
      return;
    }
    run.targets.forEach((target, index) => states[index] && reportStoredOutcome(run, target, states[index], article.format));
    const extracted = await format.parse(text, file);
    for (const warning of extracted.warnings) run.addProblem({ severity: 'warning', file, message: `${file}: ${warning}` });
    source = { file, text, hasByteOrderMark, format, found: article, masked: maskArticle(extracted.segments, run.matcher), context: format.context(extracted.segments), warnings: extracted.warnings };
  } catch (error) {
    // Whatever goes wrong with one article (a parser overflowing its stack included) stops that article only.
    const message = error instanceof JialingError ? error.message : `${file} could not be processed and was skipped: ${describeFailure(error)}`;
    run.addProblem({ severity: 'error', file, line: error instanceof JialingError ? error.place?.line : undefined, message });
    run.countArticle('skipped');
    return;
  }
  // Read before any text is asked for: an article hands its texts to the queues all at once (see ArticleWindow).
  const edits = await Promise.all(targets.map((target) => (run.isDryRun ? none : readOutput(run, target, source))));
  // Looked up before its turn too, after the edits are stored so that they win: once in turn, an article hands
  // its texts over without waiting on the memory.
  const recalls = await Promise.all(targets.map((target) => recallArticle(run, target, source)));
  await held.inTurn();
  const work = targets.map((target, index) => translateInto(run, target, source, edits[index]!, recalls[index]!, held));
  held.handedOver();
  const outcomes = await Promise.all(work);
  run.countArticle(outcomes.includes('failed') ? 'failed' : outcomes.includes('untouched') ? 'untouched' : 'written');
}

const none: ReviewerEdits = { state: 'none' };

/** What the memory holds of an article in one language, and the texts to send that another run is sending now. */
interface ArticleRecall {
  readonly recalled: Recalled;
  readonly elsewhere: ReadonlySet<string>;
}

async function recallArticle(run: RunContext, target: Target, source: SourceArticle): Promise<ArticleRecall> {
  const recalled = await recallTranslations(source.masked, textsToSend(source.masked), {
    memory: run.memory,
    glossary: run.glossary,
    sourceLanguage: run.config.sourceLanguage,
    targetLanguage: target.language,
    engineProfile: target.engineProfile,
    articlePath: source.file,
  });
  if (!run.claims || target.engine.isLocal || recalled.missing.size === 0) return { recalled, elsewhere: new Set() };
  // A memory that cannot take the claims (a full disk) fails this article where its translations are stored, with
  // the article named; until then it is sent as if no other run were at work.
  const heldKeys = await run.claims.claim([...recalled.missing.values()].map((pending) => pending.key)).catch(() => new Set<string>());
  return { recalled, elsewhere: new Set([...recalled.missing].filter(([, pending]) => heldKeys.has(pending.key)).map(([text]) => text)) };
}

/** What is in an output before the run: a person's edits, or a reason it must not be written at all. */
type OutputState = ReviewerEdits | { readonly state: 'blocked'; readonly reason: string };

async function readOutput(run: RunContext, target: Target, source: SourceArticle): Promise<OutputState> {
  const blocked = await checkOutputPath(outputFolder(source.found.outputFolder, target.language), source.found.outputName);
  if (blocked) return { state: 'blocked', reason: blocked };
  let edits: ReviewerEdits;
  try {
    edits = await takeReviewerEdits(run, target, source, documentOutputPath(source.found, target.language), { isOverwriting: run.isOverwriting });
  } catch (error) {
    if (error instanceof SetupError) throw error;
    return { state: 'blocked', reason: `the output on disk could not be compared with what jialing wrote (${describeFailure(error)})` };
  }
  if (edits.state === 'none' && edits.isUnrecordedReplaced) {
    run.addProblem({ severity: 'warning', file: source.file, language: target.language, message: `${source.file} [${target.language}] existed with no record in the memory; --overwrite replaced it.` });
  }
  if (edits.state !== 'conflict' || !run.isOverwriting) return edits;
  run.addProblem({ severity: 'warning', file: source.file, language: target.language, message: `${source.file} [${target.language}] had hand edits that no longer line up with the source (${edits.reason}); --overwrite replaced them.` });
  return { state: 'none', current: edits.current };
}

async function translateInto(run: RunContext, target: Target, source: SourceArticle, reviewer: OutputState, { recalled, elsewhere }: ArticleRecall, held: HeldArticle): Promise<ArticleOutcome> {
  const { summary, language } = target;
  const { file } = source;
  target.startedAt ??= performance.now();
  if (reviewer.state === 'conflict' || reviewer.state === 'blocked') {
    reportUntouched(run, target, file, reviewer);
    return 'untouched';
  }
  if (reviewer.state === 'edited' && reviewer.isAdopted) reportAdopted(run, target, file, reviewer.segments);
  else if (reviewer.state === 'edited') summary.reviewerEdits = (summary.reviewerEdits ?? 0) + reviewer.segments;
  if (reviewer.state === 'edited') for (const text of reviewer.sourceTexts) target.editedIn.set(text, file);
  const texts = textsToSend(source.masked);
  const figures = sourceFiguresOf(source.masked, texts);
  addSourceFigures(run, target, figures, source.format.name);
  summary.fromMemory += recalled.known.size;
  let isOk = true;
  let editsFrom: string[] | undefined;
  // Whether the output holds what this run made of it, so that a later failure does not say it was not written.
  let isOnDisk = false;
  try {
    if (run.isFrozen && recalled.missing.size > 0) {
      throw new FrozenError(`${recalled.missing.size} segments need translating and --frozen forbids calling the engine (first: "${shortPlain([...recalled.missing.keys()][0]!)}").`);
    }
    if (!run.isDryRun) {
      const missing = [...recalled.missing.keys()].filter((text) => !elsewhere.has(text));
      for (const text of missing) awaitMemory(run, target, text, recalled.missing.get(text)!);
      const hintsOf = target.engine.usesHints ? createTextHints(source.masked, { glossary: run.glossary, language, title: source.context, neighbours: run.config.llm.contextSegments }) : undefined;
      for (const [index, item] of source.masked.entries()) {
        if (!recalled.missing.has(item.text)) continue;
        const names = nameIdsOf(item);
        if (names.length > 0) target.names.set(item.text, names);
        if (hintsOf && !target.hints.has(item.text)) target.hints.set(item.text, hintsOf(index));
      }
      // Asked for before the first await, so the queue holds this article's texts when the reader moves on.
      // Suggestions are looked for while the engine works.
      const [translated, fromOtherRuns] = await Promise.all([
        held.waitOnEngine(target.queue.translate(missing, source.context)),
        held.waitOnEngine(awaitOtherRuns(run, target, recalled, elsewhere, source.context)),
        keepSuggestions(run, target, source, recalled.missing),
      ]);
      // Answered by another run: paid for once, there, and found in the memory here.
      summary.fromMemory += fromOtherRuns.found;
      // A text whose replies all failed the engine's checks keeps its source, as a text without a translation does.
      const byText = new Map([
        ...recalled.known,
        ...fromOtherRuns.answers,
        ...missing.flatMap((text, index) => (target.queue.failureOf(text) === undefined ? [[text, wrapLikeSource(text, translated[index]!)] as const] : [])),
      ]);
      reportFailedReplies(run, target, source, [...recalled.missing.keys()]);
      const current = reviewer.state === 'edited' ? reviewer.text : reviewer.current;
      const rebuilt = rebuildTranslated(run.glossary, source, byText, language, current);
      await rejectBrokenReplies(run, target, source, recalled, byText, rebuilt.failures);
      for (const warning of rebuilt.warnings ?? []) run.addProblem({ severity: 'warning', file, language, message: warning });
      reportGivenUp(run, target, source, recalled.gaveUp);
      for (const failure of rebuilt.failures) {
        summary.failedSegments++;
        run.addProblem({
          severity: 'error',
          file,
          language,
          line: failure.segment.line,
          message: `${file}:${failure.segment.line} [${language}] the translation came back broken (${failure.problems.join('; ')}); the source text was kept for this segment.`,
        });
      }
      // A person's edit of an unchanged article is kept byte for byte; otherwise the rebuild carries the edits.
      const isKept = reviewer.state === 'edited' && reviewer.isSourceUnchanged && missing.length === 0 && source.format.keepsEditedFile;
      // A re-run that would rebuild what it rebuilt last time leaves the file (and a kept edit in it) alone.
      const written = reviewer.state === 'none' ? reviewer.written : undefined;
      const isUnchanged = written !== undefined && written.sourceText === source.text && written.rebuiltText === rebuilt.text;
      const output = isKept ? reviewer.text : isUnchanged ? written.outputText : rebuilt.text;
      const isWritten = !isKept && !isUnchanged;
      if (isWritten) await writeFileAtomic(documentOutputPath(source.found, language), source.hasByteOrderMark ? byteOrderMark + output : output, { isBlocking: target.engine.isLocal });
      isOnDisk = true;
      if (isWritten && reviewer.state === 'none' && reviewer.current !== undefined) editsFrom = editsTaken(target, file, texts, recalled);
      if (editsFrom) summary.rewrittenWithEdits = (summary.rewrittenWithEdits ?? 0) + 1;
      if (!isUnchanged) await run.memory?.recordOutput({ language, file, sourceText: source.text, outputText: output, rebuiltText: rebuilt.text });
      const checked = checkOutput(run, source, output === rebuilt.text ? rebuilt : output, language, { isSourceReturned: target.engine.returnsSource });
      // Every text translated: none given up on, none whose replies all failed the engine's checks.
      const isComplete = rebuilt.failures.length === 0 && texts.every((text) => byText.has(text));
      if (isComplete) await keepState(run, target, source, { texts, figures, recalled, output, checked });
      else await run.memory?.forgetArticleState(language, file);
    }
  } catch (error) {
    if (error instanceof SetupError) throw error;
    isOk = false;
    summary.failedArticles++;
    if (error instanceof QuotaExceededError) summary.unsentSegments = (summary.unsentSegments ?? 0) + texts.length;
    const reason = error instanceof Error ? error.message : String(error);
    const outcome = isOnDisk ? 'was written, but what follows writing it (recording it in the memory, checking it) failed' : 'was not written';
    run.addProblem({ severity: 'error', file, language, message: `${file} [${language}] ${outcome}: ${reason}` });
  }
  summary.seconds = (performance.now() - target.startedAt) / 1000;
  // A real run counts requests as they end (see prepareTargets); a dry one counts what it would send.
  if (run.isDryRun) summary.billedCharacters += countCharacters([...recalled.missing.keys()]);
  // A real run takes its tokens from the engine once every request has ended (see translateArticles).
  if (run.isDryRun) updateTokenFigures(summary, target.engine, run.config.llm.prices, [...recalled.missing.keys()]);
  run.emit({ type: 'article', language, file, segments: texts.length, isOk, ...(editsFrom && { editsFrom }) });
  return isOk ? 'written' : 'failed';
}

// An output on disk written anew with a text a person edited in another article's output this run: the articles
// whose edits it took, so a run says why a file nobody touched changed. Undefined when it took none.
function editsTaken(target: Target, file: string, texts: readonly string[], recalled: Recalled): string[] | undefined {
  const files = new Set(texts.flatMap((text) => {
    const editedIn = target.editedIn.get(text);
    return editedIn !== undefined && editedIn !== file && recalled.known.has(text) ? [editedIn] : [];
  }));
  return files.size > 0 ? [...files].sort() : undefined;
}

// Kept only for an output made entirely of translations: one with a source text kept for a failed segment must
// be tried again. A translation made this run is in the memory by now (see `storeTranslations`).
async function keepState(run: RunContext, target: Target, source: SourceArticle, made: { texts: readonly string[]; figures: SourceFigures; recalled: Recalled; output: string; checked: OutputCheck }): Promise<void> {
  const { memory, basis } = run;
  if (!memory || !basis) return;
  const { texts, figures, recalled, output, checked } = made;
  const { language } = target;
  const termIds = [...new Set(source.masked.flatMap((item) => item.masks.map((mask) => mask.termId)))];
  const sourceIds = [...new Set(texts.map(segmentId))];
  const reviewed = [...recalled.entries.values()].filter((entry) => entry.status === 'reviewed').length;
  // Texts translated this run are machine translations too, with the suggestions just saved for them.
  const machineKeys = texts.filter((text) => recalled.entries.get(text)?.status !== 'reviewed').map((text) => recalled.keys.get(text) ?? recalled.missing.get(text)?.key);
  const needsReview = run.hasEarlierTranslations ? await countWithReviewedSuggestion(memory, machineKeys) : 0;
  await memory.saveArticleState({
    language,
    file: source.file,
    sourceHash: hashText(sourceKeyOf(source.text, source.hasByteOrderMark)),
    engineProfile: target.engineProfile,
    glossaryVersion: glossaryVersionOf(run.glossary, basis, termIds, language),
    configHash: basis.configHash,
    memoryVersion: await memory.reviewedVersion({ sourceLanguage: run.config.sourceLanguage, targetLanguage: language }, sourceIds),
    outputHash: hashText(output),
    termIds,
    sourceIds,
    outcome: {
      ...figures,
      texts: texts.length,
      // What a run finds in the memory once this one is done: every text.
      fromMemory: texts.length,
      reviewed,
      machine: texts.length - reviewed,
      needsReview,
      warnings: source.warnings,
      findings: checked.findings,
      places: checked.places,
    },
  });
}

// For a text the memory lacks, the closest earlier translations made for the same article (where an edited
// paragraph's earlier version is) are kept for reviewers, never used as the translation. A search of the whole
// memory costs milliseconds per text, too much for every new text of a run; the review page runs it per segment.
async function keepSuggestions(run: RunContext, target: Target, source: SourceArticle, missing: ReadonlyMap<string, { key: string }>): Promise<void> {
  if (!run.memory || !run.hasEarlierTranslations) return;
  const { file } = source;
  const texts = [...missing.keys()];
  const found = await run.memory.suggestWithinArticle(texts, run.config.sourceLanguage, target.language, file, { threshold: run.config.fuzzyThreshold });
  for (const [index, text] of texts.entries()) {
    const { key } = missing.get(text)!;
    const suggestions = found[index]!;
    if (suggestions.length > 0) await run.memory.saveSuggestions(key, suggestions);
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
async function rejectBrokenReplies(run: RunContext, target: Target, source: SourceArticle, recalled: Recalled, byText: ReadonlyMap<string, string>, failures: readonly SegmentFailure[]): Promise<void> {
  if (!run.memory || failures.length === 0) return;
  const rejections = failures.flatMap(({ segment }) => {
    const text = source.masked[segment.index]!.text;
    const key = recalled.keys.get(text);
    const targetText = byText.get(text);
    if (!key || targetText === undefined || target.rejected.has(key)) return [];
    target.rejected.add(key);
    return [{ key, targetText }];
  });
  await run.memory.reject(rejections);
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

function reportUntouched(run: RunContext, target: Target, file: string, output: Extract<OutputState, { state: 'conflict' | 'blocked' }>): void {
  const { summary, language } = target;
  let message: string;
  if (output.state === 'blocked') {
    summary.blockedOutputs = (summary.blockedOutputs ?? 0) + 1;
    message = `${file} [${language}] was not written: ${output.reason}.`;
  } else if (output.isUnrecorded) {
    summary.unrecordedOutputs = (summary.unrecordedOutputs ?? 0) + 1;
    message = `${file} [${language}] exists but the memory has no record of jialing writing it (a translation made before jialing, a fresh clone or a new memory), and it does not line up with its source: ${output.reason}. It was left untouched and nothing was stored from it. Make its blocks match the source to have it adopted, or run \`jialing translate --overwrite\` to replace it.`;
  } else {
    summary.conflicts = (summary.conflicts ?? 0) + 1;
    message = `${file} [${language}] was edited by hand and left untouched: ${output.reason}. Nothing was stored from it. Fix the file so its blocks match the source again, or delete it (or run \`jialing translate --overwrite\`) to have it written anew (translations reviewed before are kept).`;
  }
  run.addProblem({ severity: 'error', file, language, message });
  run.emit({ type: 'article', language: target.language, file, segments: 0, isOk: false });
}

function reportAdopted(run: RunContext, target: Target, file: string, segments: number): void {
  target.summary.adoptedOutputs = (target.summary.adoptedOutputs ?? 0) + 1;
  const message = `${file} [${target.language}] existed with no record in the memory: adopted as a reviewed translation (${segments} segments stored); segments it leaves as in the source are translated.`;
  run.addProblem({ severity: 'warning', file, language: target.language, message });
}

/** A failure jialing did not foresee, in one line: what a person needs to report it, without a stack. */
function describeFailure(error: unknown): string {
  if (error instanceof JialingError) return error.message;
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `${what}. This is a bug in jialing; please report it with the article.`;
}

function shortPlain(text: string): string {
  const plain = taggedTextToPlain(text);
  return plain.length > 60 ? `${plain.slice(0, 57)}…` : plain;
}
