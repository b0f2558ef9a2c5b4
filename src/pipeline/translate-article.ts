import path from 'node:path';
import { outputFolder } from '../config/resolve-config.ts';
import { unmaskTerms } from '../glossary/mask-terms.ts';
import { FrozenError, JialingError, QuotaExceededError, SetupError } from '../errors.ts';
import type { FoundArticle } from '../io/find-articles.ts';
import { readArticle } from '../io/read-article.ts';
import { writeFileAtomic } from '../io/write-atomic.ts';
import { extractSegments } from '../markdown/extract-segments.ts';
import { parseMarkdown } from '../markdown/parse-markdown.ts';
import { rebuildArticle, type RebuiltArticle } from '../markdown/rebuild-article.ts';
import type { Glossary } from '../glossary/glossary.ts';
import type { Segment } from '../markdown/segment.ts';
import { taggedTextToPlain } from '../markdown/tagged-text.ts';
import { checkOutput } from './check-output.ts';
import { maskArticle, textsToSend, type MaskedSegment } from './mask-article.ts';
import { matchEdgeWhitespace } from './match-edge-whitespace.ts';
import type { Target } from './prepare-targets.ts';
import { recallTranslations } from './recall-translations.ts';
import type { RunContext } from './run-context.ts';
import { countCharacters } from './count-characters.ts';

/** One article's source, segmented and masked, shared by every target language. */
interface SourceArticle {
  readonly file: string;
  readonly text: string;
  readonly masked: readonly MaskedSegment[];
  /** The article's title, which helps an engine with short segments. */
  readonly context?: string;
}

/** Reads and segments one article, then translates, writes and checks it for every target language. */
export async function translateArticle(run: RunContext, article: FoundArticle, handedOver: () => void): Promise<void> {
  const file = article.relativePath;
  if (article.refused) {
    run.addProblem({ severity: 'error', file, message: `Refused ${file}: ${article.refused}.` });
    return;
  }
  let source: SourceArticle;
  try {
    const text = await readArticle(article.absolutePath, file);
    const extracted = extractSegments(parseMarkdown(text), text, run.config.frontmatterKeys);
    for (const warning of extracted.warnings) run.addProblem({ severity: 'warning', file, message: `${file}: ${warning}` });
    source = { file, text, masked: maskArticle(extracted.segments, run.matcher), context: articleContext(extracted.segments) };
  } catch (error) {
    if (!(error instanceof JialingError)) throw error;
    run.addProblem({ severity: 'error', file, line: error.place?.line, message: error.message });
    return;
  }
  const work = run.targets.map((target) => translateInto(run, target, source));
  handedOver();
  await Promise.all(work);
}

async function translateInto(run: RunContext, target: Target, source: SourceArticle): Promise<void> {
  const { summary, language } = target;
  const { file } = source;
  target.startedAt ??= performance.now();
  const texts = textsToSend(source.masked);
  summary.articles++;
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
      keepSuggestions(run, target, recalled.missing);
      for (const [text, pending] of recalled.missing) target.awaitingMemory.set(text, pending);
      // Asked for before the first await, so the queue holds this article's texts when the reader moves on.
      const translated = await target.queue.translate(missing, source.context);
      const byText = new Map([...recalled.known, ...missing.map((text, index) => [text, translated[index]!] as const)]);
      const rebuilt = rebuildTranslated(run.glossary, source, byText, language);
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
      await writeFileAtomic(path.join(outputFolder(run.config.outputPattern, language), file), rebuilt.text);
      checkOutput(run, source, rebuilt, language);
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
  run.emit({ type: 'article', language, file, segments: texts.length, isOk });
}

// For a text the memory lacks, the closest translations of earlier runs are kept for reviewers, never used as
// the translation. A fuzzy search costs milliseconds, so a run that starts from an empty memory skips it.
function keepSuggestions(run: RunContext, target: Target, missing: ReadonlyMap<string, { key: string }>): void {
  if (!run.memory || !run.hasEarlierTranslations) return;
  for (const [text, { key }] of missing) {
    const suggestions = run.memory.suggest(text, run.config.sourceLanguage, target.language, { threshold: run.config.fuzzyThreshold });
    if (suggestions.length > 0) run.memory.saveSuggestions(key, suggestions);
  }
}

function shortPlain(text: string): string {
  const plain = taggedTextToPlain(text);
  return plain.length > 60 ? `${plain.slice(0, 57)}…` : plain;
}

/** Rebuilds an article in one language from the translations of its masked texts; a text without one keeps its source. */
export function rebuildTranslated(glossary: Glossary, source: Pick<SourceArticle, 'text' | 'masked'>, byText: ReadonlyMap<string, string>, language: string): RebuiltArticle {
  const targetForm = (termId: string) => glossary.targetForm(termId, language);
  const translations = new Map(
    source.masked.map((item) => {
      const translated = matchEdgeWhitespace(item.text, byText.get(item.text) ?? item.text);
      return [item.segment.index, unmaskTerms(translated, item.masks, targetForm).text];
    }),
  );
  return rebuildArticle(source.text, source.masked.map((item) => item.segment), translations);
}

// The title tells an engine what the article is about, which short segments need.
function articleContext(segments: readonly Segment[]): string | undefined {
  const title = segments.find((segment) => segment.kind === 'frontmatter') ?? segments.find((segment) => segment.kind === 'heading');
  return title ? taggedTextToPlain(title.text) : undefined;
}
