import path from 'node:path';
import { checkExportPath } from '../../io/check-export-path.ts';
import { writeFileAtomic } from '../../io/write-atomic.ts';
import type { ReviewWorkspace } from '../review-workspace.ts';
import { writeXliff } from './write-xliff.ts';

/** Which articles and languages to export, and where. */
export interface ExportXliffOptions {
  readonly sourceLanguage: string;
  readonly languages: readonly string[];
  /** Paths relative to the articles folder. */
  readonly articles: readonly string[];
  /** Files go to `{outDir}/{language}/{article}.xlf`. */
  readonly outDir: string;
  /** What no export may replace. */
  readonly project: Parameters<typeof checkExportPath>[2];
}

/** One XLIFF file written. */
export interface XliffExportResult {
  readonly article: string;
  readonly language: string;
  readonly path: string;
  readonly units: number;
  readonly translated: number;
  readonly reviewed: number;
}

/** The XLIFF path of an article in a language: `{outDir}/{language}/{article}.xlf`. */
export function xliffPath(outDir: string, language: string, article: string): string {
  return `${path.join(outDir, language, ...article.split('/'))}.xlf`;
}

/** Writes one XLIFF 2.1 file per article and language, each atomically. */
export async function exportXliff(workspace: ReviewWorkspace, options: ExportXliffOptions): Promise<XliffExportResult[]> {
  const results: XliffExportResult[] = [];
  for (const language of options.languages) {
    for (const file of options.articles) {
      const article = await workspace.article(file, language, { suggestions: false });
      const target = xliffPath(options.outDir, language, file);
      await checkExportPath(target, { name: 'XLIFF', extensions: ['.xlf'] }, options.project);
      await writeFileAtomic(target, writeXliff(article, options.sourceLanguage));
      const states = article.segments.map((segment) => segment.state);
      results.push({
        article: file,
        language,
        path: target,
        units: article.segments.length,
        translated: states.filter((state) => state === 'translated').length,
        reviewed: states.filter((state) => state === 'reviewed').length,
      });
    }
  }
  return results;
}
