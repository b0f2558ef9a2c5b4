import path from 'node:path';
import PQueue from 'p-queue';
import { outputFolder, type ResolvedConfig } from './config/resolve-config.ts';
import type { EngineName } from './config/schema.ts';
import { createEngine } from './engines/create-engine.ts';
import type { Engine } from './engines/engine.ts';
import { JialingError, SetupError, UsageError } from './errors.ts';
import { findArticles, type FoundArticle } from './io/find-articles.ts';
import { readArticle } from './io/read-article.ts';
import { writeFileAtomic } from './io/write-atomic.ts';
import { extractSegments } from './markdown/extract-segments.ts';
import { parseMarkdown } from './markdown/parse-markdown.ts';
import { rebuildArticle } from './markdown/rebuild-article.ts';
import type { Segment } from './markdown/segment.ts';
import { countCharacters, textsToTranslate, translateSegments } from './pipeline/translate-segments.ts';
import type { LanguageSummary, Problem, RunEvent, RunReport } from './pipeline/run-report.ts';

export interface TranslateOptions {
  /** Target languages to run; all configured ones when absent. */
  readonly languages?: readonly string[];
  /** Engine for every language, overriding the config. */
  readonly engine?: EngineName;
  /** Count what would be translated without calling any engine or writing any file. */
  readonly dryRun?: boolean;
  /** Articles worked on at once; engines keep their own processes busy across them. */
  readonly concurrency?: number;
  readonly onEvent?: (event: RunEvent) => void;
}

interface Target {
  readonly language: string;
  readonly engine: Engine;
  readonly summary: LanguageSummary;
}

const batchSize = 50;

/** The pipeline: find articles → segment → translate per language → rebuild → write. */
export async function translateArticles(config: ResolvedConfig, options: TranslateOptions = {}): Promise<RunReport> {
  const emit = options.onEvent ?? (() => {});
  const languages = chooseLanguages(config, options.languages);
  const articles = await findArticles(config.articlesDir);
  const targets = await prepareTargets(config, languages, options);
  const report: RunReport = { dryRun: options.dryRun ?? false, articles: articles.length, languages: targets.map((target) => target.summary), problems: [] };
  const addProblem = (problem: Problem) => {
    report.problems.push(problem);
    emit({ type: 'problem', problem });
  };
  emit({ type: 'start', articles: articles.length, languages });

  const queue = new PQueue({ concurrency: options.concurrency ?? 4 });
  let fatal: unknown;
  const stop = (error: unknown) => {
    fatal ??= error;
    queue.clear();
  };
  try {
    for (const article of articles) {
      // Back-pressure: articles are read as the queue drains, so a large corpus is never held at once.
      await queue.onSizeLessThan(queue.concurrency);
      if (fatal) break;
      queue.add(() => processArticle(article, targets, config, options.dryRun ?? false, emit, addProblem)).catch(stop);
    }
    await queue.onIdle();
  } finally {
    await Promise.all([...new Set(targets.map((target) => target.engine))].map((engine) => engine.close()));
  }
  if (fatal) throw fatal;
  return report;
}

async function processArticle(article: FoundArticle, targets: readonly Target[], config: ResolvedConfig, isDryRun: boolean, emit: (event: RunEvent) => void, addProblem: (problem: Problem) => void): Promise<void> {
  const file = article.relativePath;
  if (article.refused) {
    addProblem({ severity: 'error', file, message: `Refused ${file}: ${article.refused}.` });
    return;
  }
  let source: string;
  let segments: readonly Segment[];
  try {
    source = await readArticle(article.absolutePath, file);
    const extracted = extractSegments(parseMarkdown(source), source, config.frontmatterKeys);
    segments = extracted.segments;
    for (const warning of extracted.warnings) addProblem({ severity: 'warning', file, message: `${file}: ${warning}` });
  } catch (error) {
    if (!(error instanceof JialingError)) throw error;
    addProblem({ severity: 'error', file, line: error.place?.line, message: error.message });
    return;
  }
  await Promise.all(targets.map((target) => translateInto(target, file, source, segments, config, isDryRun, emit, addProblem)));
}

async function translateInto(target: Target, file: string, source: string, segments: readonly Segment[], config: ResolvedConfig, isDryRun: boolean, emit: (event: RunEvent) => void, addProblem: (problem: Problem) => void): Promise<void> {
  const { summary, language } = target;
  const started = performance.now();
  const texts = textsToTranslate(segments);
  summary.articles++;
  summary.segments += texts.length;
  summary.characters += countCharacters(texts);
  let isOk = true;
  try {
    if (!isDryRun) {
      const translations = await translateSegments(segments, target.engine, { source: config.sourceLanguage, target: language }, batchSize);
      const rebuilt = rebuildArticle(source, segments, translations);
      for (const failure of rebuilt.failures) {
        summary.failedSegments++;
        addProblem({
          severity: 'error',
          file,
          language,
          line: failure.segment.line,
          message: `${file}:${failure.segment.line} [${language}] the translation's formatting came back broken (${failure.problems.join('; ')}); the source text was kept for this segment.`,
        });
      }
      await writeFileAtomic(path.join(outputFolder(config.outputPattern, language), file), rebuilt.text);
    }
  } catch (error) {
    if (error instanceof SetupError) throw error;
    isOk = false;
    summary.failedArticles++;
    const reason = error instanceof Error ? error.message : String(error);
    addProblem({ severity: 'error', file, language, message: `${file} [${language}] was not translated: ${reason}` });
  }
  summary.seconds += (performance.now() - started) / 1000;
  emit({ type: 'article', language, file, segments: texts.length, isOk });
}

function chooseLanguages(config: ResolvedConfig, wanted: readonly string[] | undefined): readonly string[] {
  if (!wanted || wanted.length === 0) return config.targetLanguages;
  const unknown = wanted.filter((language) => !config.targetLanguages.includes(language));
  if (unknown.length > 0) {
    throw new UsageError(`--lang ${unknown.join(',')}: not in targetLanguages (${config.targetLanguages.join(', ')}) of ${config.configFile}.`, {
      hint: 'Add the language to targetLanguages in the config, or pick one of those listed.',
    });
  }
  return wanted;
}

async function prepareTargets(config: ResolvedConfig, languages: readonly string[], options: TranslateOptions): Promise<Target[]> {
  const engines = new Map<EngineName, Engine>();
  const targets: Target[] = [];
  for (const language of languages) {
    const name = options.engine ?? config.engineByLanguage[language]!;
    if (!engines.has(name)) engines.set(name, createEngine(name, config));
    const engine = engines.get(name)!;
    targets.push({ language, engine, summary: { language, engine: name, articles: 0, segments: 0, characters: 0, failedArticles: 0, failedSegments: 0, seconds: 0 } });
  }
  if (!options.dryRun) {
    const problems = (await Promise.all(targets.map((target) => target.engine.checkPair({ source: config.sourceLanguage, target: target.language })))).filter(Boolean);
    if (problems.length > 0) {
      await Promise.all([...engines.values()].map((engine) => engine.close()));
      throw new SetupError(problems.join('\n'));
    }
  }
  return targets;
}
