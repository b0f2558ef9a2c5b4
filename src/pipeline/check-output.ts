import type { ResolvedConfig } from '../config/resolve-config.ts';
import type { Glossary } from '../glossary/glossary.ts';
import type { RebuiltArticle } from '../markdown/rebuild-article.ts';
import type { Segment } from '../markdown/segment.ts';
import { checkArticle } from '../qa/check-article.ts';
import { consistencyPlaces, type ConsistencyTracker, type KeptPlaces } from '../qa/consistency-tracker.ts';
import type { Finding } from '../qa/finding.ts';
import { checksOfReturnedSource } from '../qa/segment-checks.ts';
import type { SourceDocument } from './source-document.ts';

/** What checking an output needs from the run. */
export interface OutputCheckRun {
  readonly config: Pick<ResolvedConfig, 'sourceLanguage' | 'qaSeverities'>;
  readonly glossary: Glossary;
  readonly addFindings: (findings: readonly Finding[]) => void;
  readonly consistency: ConsistencyTracker;
}

/** What checking one output found, as added to the run. */
export interface OutputCheck {
  readonly findings: readonly Finding[];
  readonly places: KeptPlaces;
}

/**
 * Checks a document as written in one language and adds its segments to the consistency check.
 * A rebuild is checked from the segments it wrote, with no second parse; text read back (a person's edit
 * kept as written, `jialing check` on files from disk) goes through the format's reader. With
 * `isSourceReturned` (the engine returns its source on purpose), a rebuild is not checked for untranslated
 * text; text read back is, since a person may have left it so.
 */
export function checkOutput(run: OutputCheckRun, source: SourceDocument, output: string | RebuiltArticle, language: string, { isSourceReturned = false } = {}): OutputCheck {
  const sourceSegments = source.masked.map((item) => item.segment);
  const targetSegments = typeof output === 'string' ? source.format.segmentOutput(output, sourceSegments, { file: source.file, language }) : writtenSegments(sourceSegments, output);
  const masksByIndex = new Map(source.masked.map((item) => [item.segment.index, item.masks]));
  const findings = [
    ...checkArticle(sourceSegments, targetSegments, {
      file: source.file,
      sourceLanguage: run.config.sourceLanguage,
      targetLanguage: language,
      severities: run.config.qaSeverities,
      ...(isSourceReturned && typeof output !== 'string' && { checks: checksOfReturnedSource }),
      termsFor: (segment: Segment) =>
        (masksByIndex.get(segment.index) ?? []).map((mask) => ({ termId: mask.termId, source: mask.source, expected: run.glossary.targetForm(mask.termId, language) })),
    }),
    ...source.format.check({ file: source.file, text: source.text, segments: sourceSegments }, typeof output === 'string' ? output : output.text, language),
  ];
  run.addFindings(findings);
  const places = run.consistency.add(source.file, language, consistencyPlaces(sourceSegments, targetSegments));
  return { findings, places };
}

// The rebuild writes each segment's tags exactly once (it keeps the source text where they came back otherwise),
// so a written segment is its source segment with the written text at its new line.
function writtenSegments(sourceSegments: readonly Segment[], rebuilt: RebuiltArticle): Segment[] {
  return sourceSegments.map((segment) => {
    const written = rebuilt.written.get(segment.index)!;
    return { ...segment, text: written.text, line: written.line, ...(written.isOmitted && { isOmitted: true }) };
  });
}
