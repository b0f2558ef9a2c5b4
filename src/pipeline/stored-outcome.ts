import { readOutput } from '../io/read-output.ts';
import { changedPart, glossaryVersionOf, hashText, type ArticleState } from './article-state.ts';
import type { Target } from './prepare-targets.ts';
import type { RunContext } from './run-context.ts';
import type { FormatName } from '../formats/document-format.ts';
import { addSourceFigures } from './source-figures.ts';

/**
 * For each target, the state kept for this article when every part of it still holds (source, engine profile,
 * glossary, config, reviewed memory, and the output as written); `undefined` where the article must be redone.
 */
export async function currentStates<T extends Pick<Target, 'language' | 'engineProfile'>>(
  run: Pick<RunContext, 'memory' | 'basis' | 'glossary' | 'outputs'> & { readonly config: Pick<RunContext['config'], 'sourceLanguage'> },
  targets: readonly T[],
  file: string,
  /** The source text as `sourceKeyOf` gives it. */
  sourceKey: string,
  outputPathOf: (target: T) => string,
): Promise<(ArticleState | undefined)[]> {
  const { memory, basis } = run;
  if (!memory || !basis) return targets.map(() => undefined);
  const sourceHash = hashText(sourceKey);
  return Promise.all(
    targets.map(async (target) => {
      const stored = await memory.articleState(target.language, file);
      if (!stored) return undefined;
      const current = {
        sourceHash,
        engineProfile: target.engineProfile,
        glossaryVersion: glossaryVersionOf(run.glossary, basis, stored.termIds, target.language),
        configHash: basis.configHash,
        memoryVersion: stored.memoryVersion,
        outputHash: stored.outputHash,
      };
      // The memory is asked and the output read only once everything else holds: most changes are found without either.
      if (changedPart(stored, current) !== undefined) return undefined;
      // Known when the run looked at every output before it began.
      const isAsWritten = run.outputs?.isAsWritten(target.language, file);
      if (isAsWritten === false) return undefined;
      const pair = { sourceLanguage: run.config.sourceLanguage, targetLanguage: target.language };
      if ((await memory.reviewedVersion(pair, stored.sourceIds)) !== stored.memoryVersion) return undefined;
      if (isAsWritten) return stored;
      // Kept without the byte-order mark the output copies from its source, which the source hash covers.
      const output = await readOutput(outputPathOf(target));
      return output !== undefined && hashText(output) === stored.outputHash ? stored : undefined;
    }),
  );
}

/** Reports an unchanged article in one language as the run that wrote it did: figures, findings, consistency. */
export function reportStoredOutcome(run: RunContext, target: Target, state: ArticleState, format: FormatName): void {
  const { summary, language } = target;
  const { outcome } = state;
  target.startedAt ??= performance.now();
  addSourceFigures(run, target, outcome, format);
  summary.unchanged = (summary.unchanged ?? 0) + 1;
  summary.fromMemory += outcome.fromMemory;
  run.addFindings(outcome.findings);
  run.consistency.addKept(state.file, language, outcome.places);
  summary.seconds = (performance.now() - target.startedAt) / 1000;
  run.emit({ type: 'article', language, file: state.file, segments: outcome.texts, isOk: true });
}
