import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../io/write-atomic.ts';
import { checkGlossaryResources } from './check-glossary-resources.ts';
import { findKeyLine } from './find-key-line.ts';
import type { GlossaryData } from './glossary-data.ts';
import { GlossaryError, type GlossaryProblem } from './glossary-error.ts';
import { glossaryFile } from './glossary-file.ts';
import { isLanguageCode } from './is-language-code.ts';
import { mergeGlossaryResource } from './merge-glossary-resource.ts';
import { GlossaryJsonError, parseGlossaryJson } from './parse-glossary-json.ts';

/**
 * Merges glossary data into `locales/{lang}/glossary.json` without losing an entry, and writes each
 * changed file through a temporary file and a rename. Everything is read and checked first: when
 * any file or the merged result has a problem, a `GlossaryError` is thrown and nothing is written.
 * Returns the files written.
 */
export async function writeGlossaryFiles(localesDir: string, data: GlossaryData): Promise<string[]> {
  const languages = [...new Set([data.sourceLanguage, ...Object.keys(data.resources)])];
  const badLanguage = languages.find((language) => !isLanguageCode(language));
  if (badLanguage !== undefined) {
    throw new GlossaryError([{ place: { file: localesDir }, message: `"${badLanguage}" is not a language code, so it cannot name a glossary folder` }]);
  }

  const problems: GlossaryProblem[] = [];
  const texts = new Map<string, string | undefined>();
  const merged = new Map<string, Readonly<Record<string, unknown>>>();
  for (const language of languages) {
    const file = glossaryFile(localesDir, language);
    const text = await readExisting(file, problems);
    texts.set(language, text);
    let existing: Record<string, unknown> = {};
    try {
      if (text !== undefined) existing = parseGlossaryJson(text);
    } catch (error) {
      if (!(error instanceof GlossaryJsonError)) throw error;
      problems.push({ place: { file, line: error.line, column: error.column }, message: error.reason, hint: 'Fix the file by hand before importing into it.' });
    }
    merged.set(language, mergeGlossaryResource(existing, data.resources[language] ?? {}));
  }
  if (problems.length > 0) throw new GlossaryError(problems);

  const { issues } = checkGlossaryResources(data.sourceLanguage, merged);
  if (issues.length > 0) {
    throw new GlossaryError(
      issues.map((issue) => {
        const file = glossaryFile(localesDir, issue.language);
        const line = issue.id === undefined ? undefined : findKeyLine(texts.get(issue.language) ?? '', issue.id);
        return { place: { file, line }, message: `after merging the import: ${issue.message}`, hint: issue.hint };
      }),
    );
  }

  const written: string[] = [];
  for (const [language, resource] of merged) {
    const content = `${JSON.stringify(resource, null, 2)}\n`;
    const before = texts.get(language);
    // An import without terms for a language it never had leaves no empty file behind.
    if (content === before || (before === undefined && Object.keys(resource).length === 0)) continue;
    const file = glossaryFile(localesDir, language);
    await writeFileAtomic(file, content);
    written.push(file);
  }
  return written;
}

async function readExisting(file: string, problems: GlossaryProblem[]): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    problems.push({ place: { file }, message: `cannot read the file: ${(error as Error).message}`, hint: 'Check that the path is a readable file.' });
    return undefined;
  }
}
