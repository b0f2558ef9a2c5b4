import { createHash } from 'node:crypto';
import type { ResolvedConfig } from '../config/resolve-config.ts';
import type { Glossary } from '../glossary/glossary.ts';
import type { KeptPlaces } from '../qa/consistency-tracker.ts';
import type { Finding } from '../qa/finding.ts';
import { byteOrderMark } from '../io/byte-order-mark.ts';
import type { SourceFigures } from './source-figures.ts';

/**
 * What an article's output in one language was made from, and what the run that wrote it reported. A run that
 * finds each part the same (and the output as it was written) reports the stored outcome instead of parsing,
 * rebuilding and checking the article again.
 */
export interface ArticleState {
  readonly language: string;
  readonly file: string;
  readonly sourceHash: string;
  readonly engineProfile: string;
  /** The glossary's set of terms and the target forms of the terms the article holds. */
  readonly glossaryVersion: string;
  /** The config settings that shape an output or its findings, and the jialing version. */
  readonly configHash: string;
  /** The reviewed and imported translations of the article's texts, which replace machine ones: any change counts. */
  readonly memoryVersion: string;
  readonly outputHash: string;
  /** Ids of the glossary terms the article holds, so their forms can be compared without parsing it. */
  readonly termIds: readonly string[];
  /** `segmentId`s of the article's texts, so the reviewed translations of them can be looked up without parsing it. */
  readonly sourceIds: readonly string[];
  readonly outcome: KeptReport;
}

/** What a run reports of one article and language, kept to be reported again while nothing changes. */
export interface KeptReport extends SourceFigures {
  /** Texts looked up in the memory, one per segment with words to translate. */
  readonly texts: number;
  /** Texts the memory supplies to a run after the one that kept this. */
  readonly fromMemory: number;
  readonly reviewed: number;
  readonly machine: number;
  readonly needsReview: number;
  /** Warnings about the source, such as markup left as it was. */
  readonly warnings: readonly string[];
  readonly findings: readonly Finding[];
  /** What the check for inconsistent translations across articles needs of this one. */
  readonly places: KeptPlaces;
}

/** What a run compares every stored state against: the same for all of its articles. */
export interface StateBasis {
  readonly configHash: string;
  /** The glossary's terms, sources and variants: a new or changed term may match any article. */
  readonly termsHash: string;
}

/** The parts of a state that decide whether it still holds, in the order they are compared. */
export type StateParts = Pick<ArticleState, 'sourceHash' | 'engineProfile' | 'glossaryVersion' | 'configHash' | 'memoryVersion' | 'outputHash'>;

/** A short content hash for comparing texts across runs. */
export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

/** What a source hash covers: the text, and whether its file starts with a byte-order mark, which its outputs copy. */
export function sourceKeyOf(text: string, hasByteOrderMark: boolean): string {
  return hasByteOrderMark ? byteOrderMark + text : text;
}

/** The basis of a run: config and glossary terms as they are now. */
export function stateBasis(config: ResolvedConfig, glossary: Glossary, jialingVersion: string): StateBasis {
  const shaping = {
    // Bumped when what a state keeps changes shape, so that states kept by an earlier jialing are made anew.
    stateFormat: 2,
    jialingVersion,
    sourceLanguage: config.sourceLanguage,
    segmentOptions: config.segmentOptions,
    anchors: config.anchors,
    qaSeverities: config.qaSeverities,
  };
  const terms = glossary.terms.map((term) => [term.id, term.source, term.variants, term.caseSensitive]);
  return { configHash: hashText(JSON.stringify(shaping)), termsHash: hashText(JSON.stringify(terms)) };
}

/** The glossary version of an article in a language: the terms known, and the forms of those it holds. */
export function glossaryVersionOf(glossary: Glossary, basis: StateBasis, termIds: readonly string[], language: string): string {
  return `${basis.termsHash}:${glossary.version(termIds, language)}`;
}

/** The first part of a stored state that differs from now, or `undefined` when the stored outcome still holds. */
export function changedPart(stored: StateParts, current: StateParts): keyof StateParts | undefined {
  const parts = ['sourceHash', 'engineProfile', 'glossaryVersion', 'configHash', 'memoryVersion', 'outputHash'] as const;
  return parts.find((part) => stored[part] !== current[part]);
}
