import type { ParsedDocument } from './parse-document.ts';

/** A problem the run reported, as `report.json` lists it. */
export interface ReportedProblem {
  readonly severity: string;
  readonly file: string;
  readonly language?: string;
  readonly line?: number;
  readonly message: string;
}

/** A source document and one of its outputs, with what the run said about that output. */
export interface DocumentPair {
  readonly source: ParsedDocument;
  readonly output: ParsedDocument;
  readonly engine: string;
  /** Problems the run reported for this document and language. */
  readonly problems: readonly ReportedProblem[];
}

/** One defect a detector found: what is wrong, and where to look in the source and the output. */
export interface Detection {
  readonly message: string;
  readonly source: string;
  readonly output: string;
  readonly sourceLine?: number;
  readonly outputLine?: number;
}

/** Compares a source and its output and returns each defect of one kind found. */
export type Detector = (pair: DocumentPair) => Detection[];
