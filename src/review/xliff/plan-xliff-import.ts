import { parseTaggedText, stringifyTaggedText } from '../../markdown/tagged-text.ts';
import type { ArticleReview, ReviewEdit, ReviewSegment } from '../review-types.ts';
import { compareInlineCodes, inlineCodesOf } from './compare-inline-codes.ts';
import type { XliffDocument, XliffUnit } from './read-xliff.ts';
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
}

/**
 * Checks each unit of a document against the article as it is now (the unit names a segment, whose source is
 * unchanged; the target's inline codes are the source's) and decides what to store: a changed target, or an
 * unchanged one whose state was raised to reviewed or final. A target left `initial` is not taken as a translation.
 */
export function planXliffImport(document: XliffDocument, article: ArticleReview): XliffImportPlan {
  const edits: ReviewEdit[] = [];
  const notImported: { unit: string; reason: string }[] = [];
  const problems: XliffProblem[] = [];
  let unchanged = 0;
  for (const unit of document.units) {
    const decision = decide(unit, article);
    if ('problem' in decision) problems.push({ line: unit.line, unit: unit.id, message: decision.problem });
    else if ('edit' in decision) edits.push(decision.edit);
    else if ('reason' in decision) notImported.push({ unit: unit.id, reason: decision.reason });
    else unchanged++;
  }
  return { edits, unchanged, notImported, problems };
}

type Decision = { readonly problem: string } | { readonly edit: ReviewEdit } | { readonly reason: string } | { readonly unchanged: true };

function decide(unit: XliffUnit, article: ArticleReview): Decision {
  const index = indexOfUnit(unit.id);
  const segment = index === undefined ? undefined : article.segments.find((candidate) => candidate.index === index);
  if (!segment) return { problem: `names no translatable segment of ${article.file}; the file may belong to another article or an older version of it.` };
  if (unit.name === undefined) return { problem: `has no \`name\`, which must keep the segment id jialing wrote (${segment.id}).` };
  if (unit.name !== segment.id) return { problem: `its source changed since the export (segment id ${unit.name}, now ${segment.id}): the article was edited.` };

  const source = xliffToTagged(unit.source);
  if ('problem' in source) return { problem: `<source>: ${source.problem}.` };
  if (collapse(source.text) !== collapse(canonical(segment.source))) return { problem: "the <source> text differs from the article's; XLIFF edits change translations only, never the source." };
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

  if (segment.target !== undefined && target.text === canonical(segment.target)) {
    return isRaisedToReviewed(segment, unit.state) ? { edit: { index: segment.index, target: target.text } } : { unchanged: true };
  }
  if (unit.state === 'initial') return { reason: 'its target changed but its state is still "initial"; set it to translated, reviewed or final to import it.' };
  return { edit: { index: segment.index, target: target.text } };
}

function isRaisedToReviewed(segment: ReviewSegment, state: XliffState): boolean {
  return segment.state !== 'reviewed' && xliffStates.indexOf(state) >= xliffStates.indexOf('reviewed');
}

function canonical(taggedText: string): string {
  return stringifyTaggedText(parseTaggedText(taggedText).nodes);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
