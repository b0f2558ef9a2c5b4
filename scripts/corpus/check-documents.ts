import type { CorpusDocument } from './collect-readmes.ts';
import type { DefectKind } from './defect-kinds.ts';
import type { Detection, ReportedProblem } from './detector.ts';
import { detectors } from './detectors/detectors.ts';
import { parseDocument } from './parse-document.ts';
import type { CorpusOutputs } from './read-outputs.ts';

/** One defect found in one document's output in one language. */
export interface CorpusDefect extends Detection {
  readonly document: string;
  readonly language: string;
  readonly kind: DefectKind;
}

/** Runs every detector on every document and language of a run; an output not written is a `missing` defect. */
export function checkDocuments(
  documents: readonly CorpusDocument[],
  outputs: CorpusOutputs,
  run: { readonly engine: string; readonly problems: readonly ReportedProblem[] },
): CorpusDefect[] {
  const defects: CorpusDefect[] = [];
  for (const document of documents) {
    const source = parseDocument(document.text);
    for (const [language, texts] of outputs) {
      const text = texts.get(document.fileName);
      const where = { document: document.fileName, language };
      if (text === undefined) {
        defects.push({ ...where, kind: 'missing', message: 'the run wrote no output', source: '', output: '' });
        continue;
      }
      const problems = run.problems.filter((problem) => problem.file === document.fileName && problem.language === language);
      const pair = { source, output: parseDocument(text), engine: run.engine, problems };
      for (const [kind, detect] of Object.entries(detectors) as [DefectKind, (typeof detectors)[keyof typeof detectors]][]) {
        for (const detection of detect(pair)) defects.push({ ...where, kind, ...detection });
      }
    }
  }
  return defects;
}
