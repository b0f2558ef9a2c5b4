import type { ArticleReview, ReviewEdit, ReviewSegment } from '../review-types.ts';
import { compareInlineCodes, inlineCodesOf } from './compare-inline-codes.ts';
import type { XliffDocument, XliffUnit } from './read-xliff.ts';
import { canonicalTagged, targetStamp } from './target-stamp.ts';
import type { XliffProblem } from './xliff-error.ts';
import { xliffToTagged } from './xliff-inline.ts';
import { indexOfUnit, xliffStates, type XliffState } from './xliff-names.ts';

/** What importing an XLIFF document into its article would do, or why it cannot. */
export interface XliffImportPlan {
  /** Translations to store as reviewed. */
  readonly edits: readonly ReviewEdit[];
  /** Units whose translation and state add nothing to what the article has (or that have no translation). */
  readonly unchanged: number;
  /** Units that are valid but not imported, and why. */
  readonly notImported: readonly { readonly unit: string; readonly reason: string }[];
  /** Everything that makes the document unimportable; when any, nothing is. */
  readonly problems: readonly XliffProblem[];
  /** Units changed both in the file and, since its export, in the project; when any, nothing is imported. */
  readonly conflicts: readonly XliffProblem[];
}

export interface XliffImportOptions {
  /** Store changed targets even where the project's translation changed since the export. */
  readonly force?: boolean;
}

/**
 * Checks each unit of a document against the article as it is now (the unit names a segment, whose source is
 * unchanged; the target's inline codes are the source's) and decides what to store: a changed target, or an
 * unchanged one whose state was raised to reviewed or final. A target left `initial` is not taken as a translation.
 */
export function planXliffImport(document: XliffDocument, article: ArticleReview, options: XliffImportOptions = {}): XliffImportPlan {
  const edits: ReviewEdit[] = [];
  const notImported: { unit: string; reason: string }[] = [];
  const problems: XliffProblem[] = [];
  const conflicts: XliffProblem[] = [];
  let unchanged = 0;
  for (const unit of document.units) {
    const decision = decide(unit, article);
    if ('problem' in decision) problems.push({ line: unit.line, unit: unit.id, message: decision.problem });
    else if ('conflict' in decision) {
      if (options.force) edits.push(decision.edit);
      else conflicts.push({ line: unit.line, unit: unit.id, message: decision.conflict });
    }
    else if ('edit' in decision) edits.push(decision.edit);
    else if ('reason' in decision) notImported.push({ unit: unit.id, reason: decision.reason });
    else unchanged++;
  }
  return { edits, unchanged, notImported, problems, conflicts };
}

type Decision =
  | { readonly problem: string }
  | { readonly edit: ReviewEdit }
  | { readonly conflict: string; readonly edit: ReviewEdit }
  | { readonly reason: string }
  | { readonly unchanged: true };

function decide(unit: XliffUnit, article: ArticleReview): Decision {
  const index = indexOfUnit(unit.id);
  const segment = index === undefined ? undefined : article.segments.find((candidate) => candidate.index === index);
  if (!segment) return { problem: `names no translatable segment of ${article.file}; the file may belong to another article or an older version of it.` };
  if (unit.name === undefined) return { problem: `has no \`name\`, which must keep the segment id jialing wrote (${segment.id}).` };
  if (unit.name !== segment.id) return { problem: `its source changed since the export (segment id ${unit.name}, now ${segment.id}): the article was edited.` };

  const source = xliffToTagged(unit.source);
  if ('problem' in source) return { problem: `<source>: ${source.problem}.` };
  if (collapse(source.text) !== collapse(canonicalTagged(segment.source))) return { problem: "the <source> text differs from the article's; XLIFF edits change translations only, never the source." };
  if (unit.target === undefined) return { unchanged: true };

  const target = xliffToTagged(unit.target);
  if ('problem' in target) return { problem: `<target>: ${target.problem}.` };
  // A tool that writes an empty <target/> for a segment nobody translated gives no translation; emptying a
  // translation is said, since an empty translation is never stored.
  if (target.text.trim() === '' && segment.source.trim() !== '') {
    return segment.target === undefined || unit.state === 'initial' ? { unchanged: true } : { reason: 'its target is empty; a segment cannot be translated as nothing, so its translation stays as it was.' };
  }
  const codeProblems = compareInlineCodes(inlineCodesOf(segment.source), target.codes, segment.tags);
  if (codeProblems.length > 0) return { problem: codeProblems.join(' ') };

  const edit = { index: segment.index, id: segment.id, target: target.text };
  if (segment.target !== undefined && target.text === canonicalTagged(segment.target)) {
    return isRaisedToReviewed(segment, unit.state) ? { edit } : { unchanged: true };
  }
  // With the export's state at hand, a target is the reviewer's change only when it differs from what was
  // exported; one the project changed since (a newer review, a new run) is not overwritten unawares.
  if (unit.base !== undefined) {
    const isEditedInFile = targetStamp(target.text) !== unit.base;
    const isChangedSince = targetStamp(segment.target) !== unit.base;
    if (!isEditedInFile) {
      if (isChangedSince && isRaisedToReviewed(segment, unit.state)) return { conflict: `approves the translation as exported, but it was changed in the project since (now ${describeState(segment)}).`, edit };
      return { unchanged: true };
    }
    if (unit.state === 'initial') return { reason: initialReason };
    if (isChangedSince) return { conflict: `was changed in the file, and in the project since the export (now ${describeState(segment)}); the file would overwrite the newer translation.`, edit };
    return { edit };
  }
  if (unit.state === 'initial') return { reason: initialReason };
  return { edit };
}

const initialReason = 'its target changed but its state is still "initial"; set it to translated, reviewed or final to import it.';

function describeState(segment: ReviewSegment): string {
  return segment.state === 'reviewed' ? 'reviewed by a person' : segment.state === 'translated' ? 'a machine translation' : 'untranslated';
}

function isRaisedToReviewed(segment: ReviewSegment, state: XliffState): boolean {
  return segment.state !== 'reviewed' && xliffStates.indexOf(state) >= xliffStates.indexOf('reviewed');
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
