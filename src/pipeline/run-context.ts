import type { ResolvedConfig } from '../config/resolve-config.ts';
import type { DocumentFormats } from '../formats/document-format.ts';
import type { Glossary } from '../glossary/glossary.ts';
import type { TermMatcher } from '../glossary/match-terms.ts';
import type { ConsistencyTracker } from '../qa/consistency-tracker.ts';
import type { Finding } from '../qa/finding.ts';
import type { MemoryStore } from '../memory/memory-store.ts';
import type { StateBasis } from './article-state.ts';
import type { OutputsOnDisk } from './outputs-on-disk.ts';
import type { SharedClaims } from './shared-claims.ts';
import type { Target } from './prepare-targets.ts';
import type { ArticleOutcome, Problem, RunEvent } from './run-report.ts';

/** What every article of a run shares. */
export interface RunContext {
  readonly config: ResolvedConfig;
  readonly targets: readonly Target[];
  readonly glossary: Glossary;
  readonly matcher: TermMatcher;
  /** How each kind of document is read and written. */
  readonly formats: DocumentFormats;
  readonly isDryRun: boolean;
  /** Fail instead of calling an engine when anything needs translating (CI). */
  readonly isFrozen: boolean;
  /** Replace outputs the memory has no record of, and hand edits that no longer line up, instead of leaving them. */
  readonly isOverwriting: boolean;
  readonly memory?: MemoryStore;
  /** Whether the memory held translations before this run, so that new segments can get suggestions from them. */
  readonly hasEarlierTranslations: boolean;
  /** Set when the run is interrupted: no new requests, finished work is kept. */
  readonly signal?: AbortSignal;
  readonly emit: (event: RunEvent) => void;
  readonly addProblem: (problem: Problem) => void;
  readonly addFindings: (findings: readonly Finding[]) => void;
  /** Counts an article once it has ended, for the run's closing line. */
  readonly countArticle: (outcome: ArticleOutcome) => void;
  /** What the consistency check at the end needs of every article written. */
  readonly consistency: ConsistencyTracker;
  /** The texts this run sends, claimed so that runs sharing the memory do not send them too; absent when nothing is sent. */
  readonly claims?: SharedClaims;
  /** What stored article states are compared against; absent when none are read or kept (a dry run, no memory). */
  readonly basis?: StateBasis;
  /** The outputs of articles with a kept state as the run found them on disk before it began; absent when none were read. */
  readonly outputs?: OutputsOnDisk;
  /** Glossary terms masked per language. */
  readonly glossaryHits: Record<string, number>;
}
