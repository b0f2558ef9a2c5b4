import type { ResolvedConfig } from './config/resolve-config.ts';
import type { EngineEnvironment } from './engines/create-engine.ts';
import { JialingError } from './errors.ts';
import type { FormatName } from './formats/document-format.ts';
import { loadGlossary } from './glossary/load-glossary.ts';
import { documentOutputPath, findDocuments } from './io/find-documents.ts';
import { readArticle } from './io/read-article.ts';
import { jialingVersion } from './jialing-version.ts';
import { hasMemory, openMemory } from './memory/open-memory.ts';
import { sourceKeyOf, stateBasis } from './pipeline/article-state.ts';
import { expectedEngineProfile } from './pipeline/expected-engine-profile.ts';
import { currentStates } from './pipeline/stored-outcome.ts';

/** Where one article stands in one language. */
export interface ArticleStatus {
  readonly file: string;
  /** Which kind of document it is: a markdown article or an i18next resource file. */
  readonly format: FormatName;
  readonly language: string;
  /**
   * `missing`: no output; `edited`: a person changed the output since jialing wrote it (the next run keeps the
   * edits as reviewed); `failed-in-queue`: its latest `translate --queue` job was dead-lettered; `stale`: the source changed (segments the memory lacks) or the output differs from source + memory.
   */
  readonly state: 'up-to-date' | 'stale' | 'edited' | 'missing' | 'unreadable' | 'failed-in-queue';
  /** Why the latest queued job of a `failed-in-queue` output failed on every try. */
  readonly queueFailure?: string;
  readonly segments: number;
  /** Segments a translation is needed for. */
  readonly untranslated: number;
  readonly reviewed: number;
  readonly machine: number;
  /** Machine translations of source texts changed since a person reviewed their earlier version. */
  readonly needsReview: number;
}

/** Lists, per article and language, whether the output is up to date with the source and the memory; translates nothing. */
export async function readStatus(config: ResolvedConfig, languages: readonly string[], env: EngineEnvironment): Promise<ArticleStatus[]> {
  const glossary = await loadGlossary(config.localesDir, config.sourceLanguage, config.targetLanguages);
  const memory = (await hasMemory(config)) ? await openMemory(config, env) : undefined;
  const basis = memory && stateBasis(config, glossary, jialingVersion());
  const targets = languages.map((language) => ({ language, engineProfile: expectedEngineProfile(config, language, env) }));
  const statuses: ArticleStatus[] = [];
  let parsed: typeof import('./status-of-article.ts') | undefined;
  try {
    for (const article of await findDocuments(config)) {
      const file = article.relativePath;
      const unreadable = (format: FormatName) => languages.map((language) => ({ file, format, language, state: 'unreadable', segments: 0, untranslated: 0, reviewed: 0, machine: 0, needsReview: 0 }) as const);
      let text: string;
      let hasByteOrderMark: boolean;
      try {
        if (article.refused) throw new JialingError(article.refused);
        ({ text, hasByteOrderMark } = await readArticle(article.absolutePath, file));
      } catch (error) {
        if (!(error instanceof JialingError)) throw error;
        statuses.push(...unreadable(article.format));
        continue;
      }
      // An output kept as the last run left it, from inputs that are all the same, is up to date without a parse.
      const states = await currentStates({ memory, basis, glossary, config }, targets, file, sourceKeyOf(text, hasByteOrderMark), (target) => documentOutputPath(article, target.language));
      if (states.every((state) => state !== undefined)) {
        for (const { language, outcome } of states) {
          statuses.push({ file, format: article.format, language, state: 'up-to-date', segments: outcome.texts, untranslated: 0, reviewed: outcome.reviewed, machine: outcome.machine, needsReview: outcome.needsReview });
        }
        continue;
      }
      // Parsing needs the format's modules, which a status of unchanged articles never loads.
      parsed ??= await import('./status-of-article.ts');
      try {
        statuses.push(...(await parsed.statusOfArticle({ config, glossary, memory }, targets, article, text)));
      } catch (error) {
        if (!(error instanceof JialingError)) throw error;
        statuses.push(...unreadable(article.format));
      }
    }
  } finally {
    await memory?.close();
  }
  if (config.memory.kind !== 'postgres') return statuses;
  const { markFailedJobs } = await import('./queue/mark-failed-jobs.ts');
  return markFailedJobs(config, statuses, env);
}
