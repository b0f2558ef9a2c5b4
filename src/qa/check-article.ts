import type { Segment } from '../markdown/segment.ts';
import type { CheckContext } from './check-context.ts';
import { checkEmpty } from './check-empty.ts';
import { createFinding } from './create-finding.ts';
import { defaultSeverities } from './default-severities.ts';
import type { Finding } from './finding.ts';
import { segmentChecks, type SegmentCheck } from './segment-checks.ts';

/** What `checkArticle` needs besides the segments: the check context, with the glossary terms looked up per segment. */
export type ArticleCheckContext = Omit<CheckContext, 'terms'> & {
  termsFor(segment: Segment): CheckContext['terms'];
  /** The checks each segment goes through; all of them by default. */
  readonly checks?: readonly SegmentCheck[];
};

/**
 * Checks a translated article segment by segment. Source and target segments come from the same extractor,
 * so they align by position; when they do not, the output was restructured and one 'structure' finding says so.
 */
export function checkArticle(sourceSegments: readonly Segment[], targetSegments: readonly Segment[], context: ArticleCheckContext): Finding[] {
  const mismatch = findStructureMismatch(sourceSegments, targetSegments, context);
  if (mismatch) return [mismatch];
  const { termsFor, checks = segmentChecks, ...shared } = context;
  return sourceSegments.flatMap((source, index) => {
    const target = targetSegments[index]!;
    if (target.isOmitted) return [];
    // The shared part spread last: adding keys after a spread is V8's slow path (see fillSegment).
    const segmentContext: CheckContext = { terms: termsFor(source), ...shared };
    const empty = checkEmpty(source, target, segmentContext);
    return empty.length > 0 ? empty : checks.flatMap((check) => check(source, target, segmentContext));
  });
}

function findStructureMismatch(sourceSegments: readonly Segment[], targetSegments: readonly Segment[], context: ArticleCheckContext): Finding | undefined {
  const index = sourceSegments.findIndex((source, position) => source.kind !== targetSegments[position]?.kind);
  if (index === -1 && sourceSegments.length === targetSegments.length) return undefined;
  const position = index === -1 ? sourceSegments.length : index;
  const source = sourceSegments[position];
  const target = targetSegments[position];
  const counts = `the output has ${targetSegments.length} segments where the source has ${sourceSegments.length}`;
  const detail =
    source && target
      ? `segment ${position + 1} is a ${source.kind} in the source (line ${source.line}) but a ${target.kind} in the output`
      : source
        ? `${counts}; the source's ${source.kind} at line ${source.line} is the first without a counterpart`
        : `${counts}; the output's ${target!.kind} at line ${target!.line} is the first without a counterpart`;
  const message = `the output's structure no longer matches the source: ${detail}. A paragraph added or removed by hand does this; no other check runs on this output until it is re-translated or its structure restored`;
  const anchor = target ?? targetSegments.at(-1);
  if (anchor) return createFinding('structure', anchor, context, message);
  const severity = context.severities.structure ?? defaultSeverities.structure;
  return { check: 'structure', severity, file: context.file, language: context.targetLanguage, line: 1, message, text: '' };
}
