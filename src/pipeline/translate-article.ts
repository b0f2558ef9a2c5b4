import path from 'node:path';
import { outputFolder, type ResolvedConfig } from '../config/resolve-config.ts';
import { JialingError, QuotaExceededError, SetupError } from '../errors.ts';
import type { FoundArticle } from '../io/find-articles.ts';
import { readArticle } from '../io/read-article.ts';
import { writeFileAtomic } from '../io/write-atomic.ts';
import { extractSegments } from '../markdown/extract-segments.ts';
import { parseMarkdown } from '../markdown/parse-markdown.ts';
import { rebuildArticle } from '../markdown/rebuild-article.ts';
import type { Segment } from '../markdown/segment.ts';
import { taggedTextToPlain } from '../markdown/tagged-text.ts';
import type { Target } from './prepare-targets.ts';
import type { Problem, RunEvent } from './run-report.ts';
import { countCharacters, textsToTranslate } from './translate-segments.ts';

export interface ArticleJob {
  readonly article: FoundArticle;
  readonly targets: readonly Target[];
  readonly config: ResolvedConfig;
  readonly isDryRun: boolean;
  readonly emit: (event: RunEvent) => void;
  readonly addProblem: (problem: Problem) => void;
  /** Called once every language's texts are in its queue. */
  readonly handedOver: () => void;
}

/** Reads and segments one article, then translates and writes it for every target language. */
export async function translateArticle(job: ArticleJob): Promise<void> {
  const { article, addProblem } = job;
  const file = article.relativePath;
  if (article.refused) {
    addProblem({ severity: 'error', file, message: `Refused ${file}: ${article.refused}.` });
    return;
  }
  let source: string;
  let segments: readonly Segment[];
  try {
    source = await readArticle(article.absolutePath, file);
    const extracted = extractSegments(parseMarkdown(source), source, job.config.frontmatterKeys);
    segments = extracted.segments;
    for (const warning of extracted.warnings) addProblem({ severity: 'warning', file, message: `${file}: ${warning}` });
  } catch (error) {
    if (!(error instanceof JialingError)) throw error;
    addProblem({ severity: 'error', file, line: error.place?.line, message: error.message });
    return;
  }
  const context = articleContext(segments);
  const work = job.targets.map((target) => translateInto(job, target, source, segments, context));
  job.handedOver();
  await Promise.all(work);
}

async function translateInto(job: ArticleJob, target: Target, source: string, segments: readonly Segment[], context: string | undefined): Promise<void> {
  target.startedAt ??= performance.now();
  const { summary, language } = target;
  const file = job.article.relativePath;
  const texts = textsToTranslate(segments);
  summary.articles++;
  summary.segments += texts.length;
  summary.characters += countCharacters(texts);
  let isOk = true;
  try {
    if (!job.isDryRun) {
      // Asked for before the first await, so the queue holds this article's texts when the reader moves on.
      const translated = await target.queue.translate(texts, context);
      const byText = new Map(texts.map((text, index) => [text, translated[index]!]));
      const translations = new Map(segments.flatMap((segment) => (byText.has(segment.text) ? [[segment.index, byText.get(segment.text)!] as const] : [])));
      const rebuilt = rebuildArticle(source, segments, translations);
      for (const failure of rebuilt.failures) {
        summary.failedSegments++;
        job.addProblem({
          severity: 'error',
          file,
          language,
          line: failure.segment.line,
          message: `${file}:${failure.segment.line} [${language}] the translation's formatting came back broken (${failure.problems.join('; ')}); the source text was kept for this segment.`,
        });
      }
      await writeFileAtomic(path.join(outputFolder(job.config.outputPattern, language), file), rebuilt.text);
    }
  } catch (error) {
    if (error instanceof SetupError) throw error;
    isOk = false;
    summary.failedArticles++;
    if (error instanceof QuotaExceededError) summary.unsentSegments = (summary.unsentSegments ?? 0) + texts.length;
    const reason = error instanceof Error ? error.message : String(error);
    job.addProblem({ severity: 'error', file, language, message: `${file} [${language}] was not written: ${reason}` });
  }
  summary.seconds = (performance.now() - target.startedAt) / 1000;
  summary.requests = target.queue.stats.requests;
  job.emit({ type: 'article', language, file, segments: texts.length, isOk });
}

// The title tells an engine what the article is about, which short segments need.
function articleContext(segments: readonly Segment[]): string | undefined {
  const title = segments.find((segment) => segment.kind === 'frontmatter') ?? segments.find((segment) => segment.kind === 'heading');
  return title ? taggedTextToPlain(title.text) : undefined;
}
