import type { ResolvedConfig } from './config/resolve-config.ts';
import { createFormats } from './formats/create-formats.ts';
import type { Glossary } from './glossary/glossary.ts';
import { createTermMatcher } from './glossary/match-terms.ts';
import { readOutput } from './io/read-output.ts';
import { documentOutputPath, type FoundDocument } from './io/find-documents.ts';
import { countWithReviewedSuggestion } from './memory/count-reviewed-suggestions.ts';
import type { MemoryStore } from './memory/memory-store.ts';
import { maskArticle, textsToSend } from './pipeline/mask-article.ts';
import { rebuildTranslated } from './pipeline/rebuild-translated.ts';
import { recallTranslations } from './pipeline/recall-translations.ts';
import type { ArticleStatus } from './status.ts';

/**
 * Where a document stands in each language, found by parsing it and rebuilding each output from the memory.
 * Throws the document's `JialingError` when it cannot be parsed.
 */
export async function statusOfArticle(
  project: { readonly config: ResolvedConfig; readonly glossary: Glossary; readonly memory?: MemoryStore },
  targets: readonly { readonly language: string; readonly engineProfile: string }[],
  article: FoundDocument,
  text: string,
): Promise<ArticleStatus[]> {
  const { config, glossary, memory } = project;
  const file = article.relativePath;
  const format = createFormats(config)[article.format];
  const masked = maskArticle(format.segment(text, file).segments, createTermMatcher(glossary.terms));
  const texts = textsToSend(masked);
  const statuses: ArticleStatus[] = [];
  for (const { language, engineProfile } of targets) {
    const recalled = await recallTranslations(masked, texts, {
      memory,
      glossary,
      sourceLanguage: config.sourceLanguage,
      targetLanguage: language,
      engineProfile,
      articlePath: file,
    });
    const entries = [...recalled.entries.values()];
    const reviewed = entries.filter((entry) => entry.status === 'reviewed').length;
    const machineKeys = [...recalled.entries].filter(([, entry]) => entry.status === 'machine').map(([text]) => recalled.keys.get(text));
    const needsReview = memory ? await countWithReviewedSuggestion(memory, machineKeys) : 0;
    const output = await readOutput(documentOutputPath(article, language));
    const untranslated = recalled.missing.size + recalled.gaveUp.size;
    // All known, yet the output differs from what source and memory give: a paragraph removed, or an edit.
    const rebuilt = rebuildTranslated(glossary, { file, text, masked, format }, recalled.known, language, output).text;
    const record = await memory?.lastOutput(language, file);
    // A hand edit a run kept as written is current as long as the source and the memory give what they gave then.
    const isKeptEdit = record !== undefined && output === record.outputText && record.sourceText === text && record.rebuiltText === rebuilt;
    const isCurrent = untranslated === 0 && (output === rebuilt || isKeptEdit);
    const isEdited = output !== undefined && !isCurrent && record?.outputText !== output;
    const state = output === undefined ? 'missing' : isCurrent ? 'up-to-date' : isEdited ? 'edited' : 'stale';
    statuses.push({ file, format: format.name, language, state, segments: texts.length, untranslated, reviewed, machine: entries.length - reviewed, needsReview });
  }
  return statuses;
}
