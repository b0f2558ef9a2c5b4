import { awaitMemory } from './await-memory.ts';
import type { Target } from './prepare-targets.ts';
import { translationFor, type Recalled } from './recall-translations.ts';
import type { RunContext } from './run-context.ts';
import { wrapLikeSource } from './wrap-like-source.ts';

/** Translations of texts another run claimed, by text, and how many of them that run made. */
export interface OtherRunsAnswers {
  readonly answers: Map<string, string>;
  /** Found in the memory as the other run stored them; the rest this run's engine translated. */
  readonly found: number;
}

/**
 * The translations of texts another run claimed (see `SharedClaims`): taken from the memory once that run stored
 * them, or asked of this run's engine when its claim ran out or was given up without an answer.
 */
export async function awaitOtherRuns(run: RunContext, target: Target, recalled: Recalled, texts: ReadonlySet<string>, context: string | undefined): Promise<OtherRunsAnswers> {
  const answers = new Map<string, string>();
  let found = 0;
  const { claims } = run;
  if (!claims || texts.size === 0) return { answers, found };
  await Promise.all(
    [...texts].map(async (text) => {
      const pending = recalled.missing.get(text)!;
      const outcome = await claims.waitFor({ key: pending.key, sourceText: text, sourceLanguage: run.config.sourceLanguage, targetLanguage: target.language });
      if ('entry' in outcome) {
        answers.set(text, translationFor(outcome.entry, text));
        found++;
        return;
      }
      awaitMemory(run, target, text, pending);
      const [translation] = await target.queue.translate([text], context);
      if (target.queue.failureOf(text) === undefined) answers.set(text, wrapLikeSource(text, translation!));
    }),
  );
  return { answers, found };
}
