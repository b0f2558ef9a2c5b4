import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from '../../config/resolve-config.ts';
import { UsageError } from '../../errors.ts';
import type { ArticleReview } from '../review-types.ts';
import { ReviewEditError, type ReviewWorkspace } from '../review-workspace.ts';
import { planXliffImport, type XliffImportOptions } from './plan-xliff-import.ts';
import { readXliff } from './read-xliff.ts';
import { XliffError } from './xliff-error.ts';
import { unitId } from './xliff-names.ts';

/** What importing one XLIFF file did. */
export interface XliffImportResult {
  readonly file: string;
  readonly article: string;
  readonly language: string;
  /** Segments stored as reviewed (the article's markdown was rewritten when any). */
  readonly saved: number;
  readonly unchanged: number;
  readonly notImported: readonly { readonly unit: string; readonly reason: string }[];
}

const exportAgain = 'Export the article again with `jialing xliff export` and redo the edits in the new file.';

/**
 * Imports one XLIFF file into the article it names: reads and checks all of it against the article as it is
 * now, and only then stores the changed translations as reviewed. Throws an `XliffError` and stores nothing
 * when anything is wrong.
 */
export async function importXliffFile(workspace: ReviewWorkspace, config: ResolvedConfig, file: string, options: XliffImportOptions = {}): Promise<XliffImportResult> {
  const bytes = await readFile(path.resolve(file)).catch((error: NodeJS.ErrnoException) => {
    throw new XliffError(file, [{ message: `cannot read the file: ${error.code === 'ENOENT' ? 'no such file' : error.message}.` }], 'Check the path and import again.');
  });
  const document = readXliff(decodeXml(bytes), file);
  const fail = (message: string, hint: string) => new XliffError(file, [{ message }], hint);
  if (document.sourceLanguage.toLowerCase() !== config.sourceLanguage.toLowerCase()) {
    throw fail(`srcLang "${document.sourceLanguage}" is not this project's source language "${config.sourceLanguage}".`, 'Import the file into the project it was exported from.');
  }
  const language = config.targetLanguages.find((candidate) => candidate.toLowerCase() === document.targetLanguage.toLowerCase());
  if (!language) {
    throw fail(`trgLang "${document.targetLanguage}" is not one of this project's target languages (${config.targetLanguages.join(', ')}).`, 'Add the language to `targetLanguages` in the config, or import the file into the project it was exported from.');
  }
  if (document.exportedLanguage !== undefined && document.exportedLanguage.toLowerCase() !== language.toLowerCase()) {
    throw fail(`trgLang "${document.targetLanguage}" is not the language the file was exported for ("${document.exportedLanguage}").`, `Import it as ${document.exportedLanguage} (set trgLang back), or translate into ${language} in a file exported for ${language}.`);
  }
  const article = await articleOf(workspace, document.original, language, file);
  const plan = planXliffImport(document, article, options);
  if (plan.problems.length > 0) throw new XliffError(file, plan.problems, `Fix the units named, or: ${exportAgain}`);
  if (plan.conflicts.length > 0) {
    throw new XliffError(file, plan.conflicts, 'Export the article again and redo the edits of these units, or import with --force to overwrite the newer translations.');
  }

  const lineOfUnit = (id: string) => document.units.find((unit) => unit.id === id)?.line;
  if (plan.edits.length > 0) {
    try {
      await workspace.save(article.file, language, plan.edits, { suggestions: false });
    } catch (error) {
      if (!(error instanceof ReviewEditError)) throw error;
      // A batch refused as a whole (the markdown edited by hand beyond lining up) names no segment.
      const problems = error.problems.length > 0 ? error.problems.map((problem) => ({ unit: unitId(problem.index), line: lineOfUnit(unitId(problem.index)), message: `${problem.message}.` })) : [{ message: error.message }];
      throw new XliffError(file, problems, error.problems.length > 0 ? `Fix the units named, or: ${exportAgain}` : (error.hint ?? 'Fix the article in that language, then import again.'));
    }
  }
  return { file, article: article.file, language, saved: plan.edits.length, unchanged: plan.unchanged, notImported: plan.notImported };
}

async function articleOf(workspace: ReviewWorkspace, original: string, language: string, file: string): Promise<ArticleReview> {
  const unknown = () => new XliffError(file, [{ message: `<file original="${original}"> names no article of this project.` }], 'Import the file into the project it was exported from, or export the article again.');
  // The name comes from the file: keep it a plain path inside the articles folder.
  if (path.posix.isAbsolute(original) || original.split(/[\\/]/).includes('..')) throw unknown();
  try {
    return await workspace.article(original, language, { suggestions: false });
  } catch (error) {
    if (error instanceof UsageError) throw unknown();
    throw error;
  }
}

// Windows CAT tools often write a byte order mark, some of them UTF-16 (little-endian).
function decodeXml(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}
