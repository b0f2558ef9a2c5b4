import type { ResolvedConfig } from './config/resolve-config.ts';
import { JialingError } from './errors.ts';
import { createFormats } from './formats/create-formats.ts';
import { loadGlossary } from './glossary/load-glossary.ts';
import { createTermMatcher } from './glossary/match-terms.ts';
import { readOutput } from './io/read-output.ts';
import { documentOutputPath, findDocuments } from './io/find-documents.ts';
import { readArticle } from './io/read-article.ts';
import { maskArticle } from './pipeline/mask-article.ts';
import type { Problem } from './pipeline/run-report.ts';
import { checkOutput } from './pipeline/check-output.ts';
import { ConsistencyTracker } from './qa/consistency-tracker.ts';
import type { Finding } from './qa/finding.ts';

export interface CheckResult {
  /** Markdown articles checked. */
  readonly articles: number;
  /** i18next resource files checked. */
  readonly resources: number;
  readonly findings: readonly Finding[];
  readonly problems: readonly Problem[];
}

/** Re-runs the quality checks on the outputs as they are on disk, hand edits included; translates nothing. */
export async function checkOutputs(config: ResolvedConfig, languages: readonly string[]): Promise<CheckResult> {
  const glossary = await loadGlossary(config.localesDir, config.sourceLanguage, config.targetLanguages);
  const matcher = createTermMatcher(glossary.terms);
  const findings: Finding[] = [];
  const problems: Problem[] = [];
  const run = { config, glossary, addFindings: (found: readonly Finding[]) => findings.push(...found), consistency: new ConsistencyTracker(config.qaSeverities) };
  const formats = createFormats(config);
  const articles = await findDocuments(config);
  for (const article of articles) {
    const file = article.relativePath;
    if (article.refused) {
      problems.push({ severity: 'error', file, message: `Refused ${file}: ${article.refused}.` });
      continue;
    }
    try {
      const { text } = await readArticle(article.absolutePath, file);
      const format = formats[article.format];
      const masked = maskArticle(format.segment(text, file).segments, matcher);
      for (const language of languages) {
        const output = await readOutput(documentOutputPath(article, language));
        if (output === undefined) problems.push({ severity: 'warning', file, language, message: `${file} [${language}] has no output yet; run \`jialing translate\`.` });
        else checkOutput(run, { file, text, masked, format }, output, language);
      }
    } catch (error) {
      if (!(error instanceof JialingError)) throw error;
      problems.push({ severity: 'error', file, message: error.message });
    }
  }
  findings.push(...run.consistency.findings());
  const resources = articles.filter((document) => document.format === 'i18next').length;
  return { articles: articles.length - resources, resources, findings, problems };
}

