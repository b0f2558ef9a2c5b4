import { readFile } from 'node:fs/promises';
import i18next from 'i18next';
import Backend from 'i18next-fs-backend';
import { checkGlossaryResources, type GlossaryIssue } from './check-glossary-resources.ts';
import { createGlossary } from './create-glossary.ts';
import { findKeyLine } from './find-key-line.ts';
import { glossaryFile, glossaryNamespace } from './glossary-file.ts';
import { GlossaryError, type GlossaryProblem } from './glossary-error.ts';
import type { Glossary } from './glossary.ts';
import { GlossaryJsonError, parseGlossaryJson } from './parse-glossary-json.ts';

/**
 * Loads `locales/{lang}/glossary.json` for the source and target languages through a private
 * i18next instance, so fallback follows i18next (`zh-TW` → `zh` → source). A missing folder or
 * file is an empty glossary; anything unreadable or inconsistent throws one `GlossaryError`.
 */
export async function loadGlossary(localesDir: string, sourceLanguage: string, targetLanguages: readonly string[]): Promise<Glossary> {
  const requested = new Set<string>();
  const failures = new Map<string, unknown>();
  const instance = i18next.createInstance();
  instance.use(Backend);
  instance.on('failedLoading', (language: string, _namespace: string, error: unknown) => failures.set(language, error));
  await instance.init({
    lng: sourceLanguage,
    fallbackLng: sourceLanguage,
    preload: [sourceLanguage, ...targetLanguages],
    load: 'all',
    ns: [glossaryNamespace],
    defaultNS: glossaryNamespace,
    fallbackNS: false,
    // Term ids are flat keys: "a.b" or "city:x" must not be read as nesting or a namespace.
    keySeparator: false,
    nsSeparator: false,
    showSupportNotice: false,
    backend: {
      loadPath: (language: string) => {
        requested.add(language);
        return glossaryFile(localesDir, language);
      },
      parse: parseGlossaryJson,
    },
  });

  const problems: GlossaryProblem[] = [];
  const resources = new Map<string, Readonly<Record<string, unknown>>>();
  const files: string[] = [];
  for (const language of requested) {
    const file = glossaryFile(localesDir, language);
    const failure = failures.get(language);
    if (failure !== undefined) {
      if ((failure as NodeJS.ErrnoException).code !== 'ENOENT') problems.push(readProblem(file, failure));
      continue;
    }
    const bundle: unknown = instance.getResourceBundle(language, glossaryNamespace);
    if (bundle === undefined) continue;
    resources.set(language, bundle as Record<string, unknown>);
    files.push(file);
  }
  if (problems.length > 0) throw new GlossaryError(problems);

  const checked = checkGlossaryResources(sourceLanguage, resources);
  if (checked.issues.length > 0) throw new GlossaryError(await placeIssues(checked.issues, localesDir));

  // `languages` after a change is i18next's own resolution order (`zh-TW`, `zh`, source), read
  // once per language so lookups during the run need no i18next call.
  const chains = new Map<string, readonly string[]>();
  for (const language of [sourceLanguage, ...targetLanguages]) {
    await instance.changeLanguage(language);
    chains.set(language, [...instance.languages]);
  }
  return createGlossary({ sourceLanguage, checked, chains, files });
}

function readProblem(file: string, failure: unknown): GlossaryProblem {
  if (failure instanceof GlossaryJsonError) {
    return { place: { file, line: failure.line, column: failure.column }, message: failure.reason, hint: 'Fix the file so it is one JSON object of term ids.' };
  }
  return { place: { file }, message: `cannot read the file: ${(failure as Error).message}`, hint: 'Check that the path is a readable file.' };
}

/** Adds the file and the line of the term to each issue; only runs when something is wrong. */
async function placeIssues(issues: readonly GlossaryIssue[], localesDir: string): Promise<GlossaryProblem[]> {
  const texts = new Map<string, string>();
  const problems: GlossaryProblem[] = [];
  for (const issue of issues) {
    const file = glossaryFile(localesDir, issue.language);
    if (!texts.has(file)) texts.set(file, await readFile(file, 'utf8').catch(() => ''));
    const line = issue.id === undefined ? undefined : findKeyLine(texts.get(file) ?? '', issue.id);
    problems.push({ place: { file, line }, message: issue.message, hint: issue.hint });
  }
  return problems;
}
