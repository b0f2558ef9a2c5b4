import { readOutput } from '../io/read-output.ts';
import type { Segment } from '../markdown/segment.ts';
import { memoryKey } from '../memory/memory-key.ts';
import type { WrittenOutput } from '../memory/memory-store.ts';
import { alignEdits } from '../review/align-edits.ts';
import { remaskTerms } from '../glossary/remask-terms.ts';
import { maskArticle, textsToSend } from './mask-article.ts';
import type { Target } from './prepare-targets.ts';
import { recallTranslations } from './recall-translations.ts';
import type { RunContext } from './run-context.ts';
import { rebuildTranslated } from './rebuild-translated.ts';
import type { SourceDocument } from './source-document.ts';

/** What a person did to an output since jialing last wrote it; `current` is the output on disk, if any. */
export type ReviewerEdits =
  /**
   * `written`: the file holds exactly what jialing last wrote, from this source text.
   * `isUnrecordedReplaced`: the file exists, jialing has no record of it, and `isOverwriting` says to replace it.
   */
  | { readonly state: 'none'; readonly written?: WrittenOutput; readonly current?: string; readonly isUnrecordedReplaced?: boolean }
  /**
   * Changed segments are now reviewed entries of the memory; `text` is the file as the person left it.
   * `sourceTexts`: the source texts of the changed segments, one per segment.
   * `isAdopted`: jialing had no record of the file (a translation made before it, a fresh clone, a new memory).
   */
  | { readonly state: 'edited'; readonly text: string; readonly segments: number; readonly sourceTexts: readonly string[]; readonly isSourceUnchanged: boolean; readonly isAdopted?: boolean }
  /**
   * The file cannot be lined up with its source; it must be left as it is. `isUnrecorded`: jialing never wrote it.
   * `current`: the file, for a rebuild that replaces it (`--overwrite`) and keeps what the format keeps of it.
   */
  | { readonly state: 'conflict'; readonly reason: string; readonly current: string; readonly isUnrecorded?: boolean };

/**
 * Compares an output with what jialing last wrote there and stores each segment a person changed as a
 * reviewed translation, before the article is looked up in the memory, so that the edits win. An output the
 * memory has no record of is someone's translation too: it is compared with the source itself (what the
 * copy engine would write) and adopted the same way, unless `isOverwriting` says to replace it. `isDryRun`
 * only tells what would be taken, storing nothing.
 */
export async function takeReviewerEdits(
  run: Pick<RunContext, 'memory' | 'config' | 'glossary' | 'matcher'>,
  target: Pick<Target, 'language' | 'engineProfile'>,
  source: SourceDocument,
  outputPath: string,
  options: { readonly isDryRun?: boolean; readonly isOverwriting?: boolean } = {},
): Promise<ReviewerEdits> {
  const { memory, config, glossary } = run;
  const current = await readOutput(outputPath);
  const recorded = await memory?.lastOutput(target.language, source.file);
  if (!memory || current === undefined) return { state: 'none', current };
  if (!recorded && options.isOverwriting) return { state: 'none', current, isUnrecordedReplaced: true };
  if (current === recorded?.outputText) return { state: 'none', written: recorded, current };
  const written = recorded ?? { sourceText: source.text, outputText: source.text };

  const { format } = source;
  const masked = written.sourceText === source.text ? source.masked : maskArticle(format.segment(written.sourceText, source.file).segments, run.matcher);
  const sourceSegments = masked.map((item) => item.segment);
  const segmentsOf = (text: string): readonly Segment[] => format.segmentOutput(text, sourceSegments, { file: source.file, language: target.language });
  const comparable = (text: string) => format.comparableOutput?.(text, { file: source.file, text: written.sourceText, segments: sourceSegments }, target.language) ?? text;
  const recallInput = {
    memory,
    glossary,
    sourceLanguage: config.sourceLanguage,
    targetLanguage: target.language,
    engineProfile: target.engineProfile,
    articlePath: source.file,
  };
  // What the memory gives now: equal to the file after a run that wrote it but stopped before recording it.
  const { known } = await recallTranslations(masked, textsToSend(masked), recallInput);
  const expected = recorded ? rebuildTranslated(glossary, { text: written.sourceText, masked, file: source.file, format }, known, target.language, current).text : undefined;
  const isUnrecorded = !recorded;
  let aligned;
  try {
    const [writtenText, currentText] = [comparable(written.outputText), comparable(current)];
    const expectedText = expected === undefined ? undefined : comparable(expected);
    aligned = alignEdits({
      source: masked,
      writtenText,
      written: segmentsOf(writtenText),
      currentText,
      current: segmentsOf(currentText),
      expected: expectedText === undefined ? undefined : segmentsOf(expectedText),
      isWrittenSource: isUnrecorded,
    });
  } catch (error) {
    return { state: 'conflict', reason: `it can no longer be read as an article (${(error as Error).message})`, current, isUnrecorded };
  }
  if ('conflict' in aligned) return { state: 'conflict', reason: aligned.conflict, current, isUnrecorded };
  const edited = { state: 'edited', text: current, segments: aligned.edits.length, sourceTexts: aligned.edits.map((edit) => edit.sourceText), isSourceUnchanged: written.sourceText === source.text, isAdopted: isUnrecorded } as const;
  if (options.isDryRun) return edited;
  const termIds = new Map(masked.map((item) => [item.text, item.masks.map((mask) => mask.termId)]));
  const masksOf = new Map(masked.map((item) => [item.text, item.masks]));
  await memory.storeReviewed(
    aligned.edits.map((edit) => {
      const glossaryVersion = glossary.version(termIds.get(edit.sourceText) ?? [], target.language);
      return {
        key: memoryKey({ sourceText: edit.sourceText, sourceLanguage: config.sourceLanguage, targetLanguage: target.language, engineProfile: target.engineProfile, glossaryVersion }),
        sourceText: edit.sourceText,
        // With placeholders where the glossary's forms stand, as the rebuild needs; a form the person changed stays as written.
        targetText: remaskTerms(edit.target, masksOf.get(edit.sourceText) ?? [], (termId) => glossary.targetForm(termId, target.language)).text,
        sourceLanguage: config.sourceLanguage,
        targetLanguage: target.language,
        engineProfile: target.engineProfile,
        glossaryVersion,
        articlePath: source.file,
      };
    }),
  );
  return edited;
}
