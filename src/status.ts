import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { ResolvedConfig } from './config/resolve-config.ts';
import { JialingError } from './errors.ts';
import type { FormatName } from './formats/document-format.ts';
import { createFormats } from './formats/create-formats.ts';
import { loadGlossary } from './glossary/load-glossary.ts';
import { createTermMatcher } from './glossary/match-terms.ts';
import { withoutByteOrderMark } from './io/byte-order-mark.ts';
import { documentOutputPath, findDocuments } from './io/find-documents.ts';
import { readArticle } from './io/read-article.ts';
import { TranslationMemory } from './memory/translation-memory.ts';
import { maskArticle, textsToSend } from './pipeline/mask-article.ts';
import { expectedEngineProfile } from './pipeline/expected-engine-profile.ts';
import { rebuildTranslated } from './pipeline/rebuild-translated.ts';
import { recallTranslations } from './pipeline/recall-translations.ts';
import type { EngineEnvironment } from './engines/create-engine.ts';

/** Where one article stands in one language. */
export interface ArticleStatus {
  readonly file: string;
  /** Which kind of document it is: a markdown article or an i18next resource file. */
  readonly format: FormatName;
  readonly language: string;
  /**
   * `missing`: no output; `edited`: a person changed the output since jialing wrote it (the next run keeps the
   * edits as reviewed); `stale`: the source changed (segments the memory lacks) or the output differs from source + memory.
   */
  readonly state: 'up-to-date' | 'stale' | 'edited' | 'missing' | 'unreadable';
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
  const matcher = createTermMatcher(glossary.terms);
  const memory = existsSync(config.memoryFile) ? TranslationMemory.open(config.memoryFile) : undefined;
  const formats = createFormats(config);
  const statuses: ArticleStatus[] = [];
  try {
    for (const article of await findDocuments(config)) {
      const file = article.relativePath;
      const format = formats[article.format];
      let masked;
      let text: string;
      try {
        if (article.refused) throw new JialingError(article.refused);
        ({ text } = await readArticle(article.absolutePath, file));
        masked = maskArticle(format.segment(text, file).segments, matcher);
      } catch (error) {
        if (!(error instanceof JialingError)) throw error;
        for (const language of languages) statuses.push({ file, format: format.name, language, state: 'unreadable', segments: 0, untranslated: 0, reviewed: 0, machine: 0, needsReview: 0 });
        continue;
      }
      const texts = textsToSend(masked);
      for (const language of languages) {
        const recalled = recallTranslations(masked, texts, {
          memory,
          glossary,
          sourceLanguage: config.sourceLanguage,
          targetLanguage: language,
          engineProfile: expectedEngineProfile(config, language, env),
          articlePath: file,
        });
        const entries = [...recalled.entries.values()];
        const reviewed = entries.filter((entry) => entry.status === 'reviewed').length;
        const needsReview = [...recalled.entries].filter(([text, entry]) => entry.status === 'machine' && memory!.hasReviewedSuggestion(recalled.keys.get(text)!)).length;
        const output = await readFile(documentOutputPath(article, language), 'utf8').then(withoutByteOrderMark, () => undefined);
        const untranslated = recalled.missing.size + recalled.gaveUp.size;
        // All known, yet the output differs from what source and memory give: a paragraph removed, or an edit.
        const rebuilt = rebuildTranslated(glossary, { file, text, masked, format }, recalled.known, language, output).text;
        const record = memory?.lastOutput(language, file);
        // A hand edit a run kept as written is current as long as the source and the memory give what they gave then.
        const isKeptEdit = record !== undefined && output === record.outputText && record.sourceText === text && record.rebuiltText === rebuilt;
        const isCurrent = untranslated === 0 && (output === rebuilt || isKeptEdit);
        const isEdited = output !== undefined && !isCurrent && record?.outputText !== output;
        const state = output === undefined ? 'missing' : isCurrent ? 'up-to-date' : isEdited ? 'edited' : 'stale';
        statuses.push({ file, format: format.name, language, state, segments: texts.length, untranslated, reviewed, machine: entries.length - reviewed, needsReview });
      }
    }
  } finally {
    memory?.close();
  }
  return statuses;
}
