import type { CorpusDefect } from './check-documents.ts';
import type { CorpusEngine } from './create-corpus-project.ts';
import { defectKinds, isCountedKind, type DefectKind } from './defect-kinds.ts';
import type { JialingRun } from './run-jialing.ts';

/** The figures of a corpus check, as printed and as `--json` gives them. */
export interface CorpusSummary {
  readonly engine: CorpusEngine;
  readonly languages: readonly string[];
  readonly documents: number;
  readonly corpusBytes: number;
  readonly runs: readonly { readonly exitCode: number; readonly seconds: number; readonly hasCrashed: boolean }[];
  /** Per kind: documents affected and defects found, per language. */
  readonly kinds: readonly {
    readonly kind: DefectKind;
    readonly number: string;
    readonly title: string;
    readonly documents: Readonly<Record<string, number>>;
    readonly defects: Readonly<Record<string, number>>;
  }[];
  /** Per language: documents with no counted defect, and their share of the corpus in percent. */
  readonly free: Readonly<Record<string, { readonly documents: number; readonly percent: number }>>;
  /** Per language: segments the run reported as broken and kept in the source language. */
  readonly keptInSource: Readonly<Record<string, number>>;
  /** Per language: documents whose outputs differ between two fresh runs; absent after a single run. */
  readonly determinism?: Readonly<Record<string, readonly string[]>>;
}

const copyOnlyKinds: readonly DefectKind[] = ['bytes', 'render'];

/** Counts defects per kind and language, and the documents free of them. */
export function summariseCorpus(input: {
  readonly engine: CorpusEngine;
  readonly languages: readonly string[];
  readonly documents: readonly { readonly fileName: string; readonly text: string }[];
  readonly runs: readonly JialingRun[];
  readonly defects: readonly CorpusDefect[];
  readonly determinism?: ReadonlyMap<string, readonly string[]>;
}): CorpusSummary {
  const { engine, languages, documents, defects } = input;
  const perLanguage = <Value>(value: (language: string) => Value) => Object.fromEntries(languages.map((language) => [language, value(language)]));
  const affected = (language: string, isKind: (kind: DefectKind) => boolean) =>
    new Set(defects.filter((defect) => defect.language === language && isKind(defect.kind)).map((defect) => defect.document));
  const kinds = defectKinds
    .filter((entry) => engine === 'copy' || !copyOnlyKinds.includes(entry.id))
    .map((entry) => ({
      kind: entry.id,
      number: entry.number,
      title: entry.title,
      documents: perLanguage((language) => affected(language, (kind) => kind === entry.id).size),
      defects: perLanguage((language) => defects.filter((defect) => defect.language === language && defect.kind === entry.id).length),
    }));
  const free = perLanguage((language) => {
    const count = documents.length - affected(language, isCountedKind).size;
    return { documents: count, percent: Math.round((1000 * count) / Math.max(1, documents.length)) / 10 };
  });
  const keptInSource = perLanguage(
    (language) => input.runs[0]?.problems?.filter((problem) => problem.language === language && /source text was kept/.test(problem.message)).length ?? 0,
  );
  return {
    engine,
    languages,
    documents: documents.length,
    corpusBytes: documents.reduce((sum, document) => sum + Buffer.byteLength(document.text), 0),
    runs: input.runs.map(({ exitCode, seconds, hasCrashed }) => ({ exitCode, seconds: Math.round(seconds * 10) / 10, hasCrashed })),
    kinds,
    free,
    keptInSource,
    ...(input.determinism ? { determinism: Object.fromEntries(input.determinism) } : {}),
  };
}
