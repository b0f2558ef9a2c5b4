import path from 'node:path';

/** The i18next namespace, and so the file name, glossary resources live in. */
export const glossaryNamespace = 'glossary';

/** Where a language's glossary file lives under the locales folder: `{localesDir}/{lang}/glossary.json`. */
export function glossaryFile(localesDir: string, language: string): string {
  return path.join(localesDir, language, `${glossaryNamespace}.json`);
}
