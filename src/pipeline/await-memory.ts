import { EngineError } from '../errors.ts';
import type { MemoryOrigin, NewMemoryEntry } from '../memory/memory-entry.ts';
import type { PendingMemoryEntry, Target } from './prepare-targets.ts';
import type { RunContext } from './run-context.ts';

/**
 * Notes that a text's translation must be stored under `pending.key` once the engine answers. A text asked
 * for before under another key (the same words around other glossary terms, whose versions are part of the
 * key) is not sent again, so that key is stored when the one translation arrives, or at once if it has.
 */
export function awaitMemory(run: Pick<RunContext, 'memory' | 'config' | 'addProblem'>, target: Target, text: string, pending: PendingMemoryEntry): void {
  if (!target.queue.has(text)) {
    target.awaitingMemory.set(text, pending);
    return;
  }
  const { memory } = run;
  if (!memory || target.awaitingMemory.get(text)?.key === pending.key) return;
  void target.queue
    .translate([text])
    .then(async ([translation]) => {
      // A text whose replies failed the engine's checks is answered with its source, which is no translation to keep.
      if (target.queue.failureOf(text) === undefined) await memory.store([toMemoryEntry(run.config.sourceLanguage, target, text, translation!, pending)]);
    })
    .catch((error: unknown) => {
      // A text the engine failed on is reported where its article fails; only a failed store is new here.
      if (error instanceof EngineError) return;
      const reason = error instanceof Error ? error.message : String(error);
      run.addProblem({ severity: 'error', file: pending.articlePath, language: target.language, message: `${pending.articlePath} [${target.language}] a translation could not be stored in the memory: ${reason}` });
    });
}

/** The memory entry for a text a target's engine translated. */
export function toMemoryEntry(sourceLanguage: string, target: Target, text: string, translation: string, pending: PendingMemoryEntry): NewMemoryEntry {
  const origin = `mt:${target.engine.name}` as MemoryOrigin;
  // Spelled out rather than spread from `pending`: adding keys after a spread is V8's slow path (see fillSegment).
  const { key, glossaryVersion, articlePath } = pending;
  return { key, glossaryVersion, articlePath, sourceText: text, targetText: translation, sourceLanguage, targetLanguage: target.language, engineProfile: target.engineProfile, origin };
}
