import type { Segment } from '../markdown/segment.ts';
import type { CheckContext } from './check-context.ts';
import { createFinding } from './create-finding.ts';
import type { Finding } from './finding.ts';
import { plainTextOf } from './plain-text-of.ts';
import { NumberPool } from './number-pool.ts';
import { numberFormatOf, readNumbers, type ReadNumber } from './read-numbers.ts';

const anyDigit = /\p{Nd}/u;

/** Finds numbers of the source that are missing or changed in the target, allowing for the target language's number format. */
export function checkNumbers(source: Segment, target: Segment, context: CheckContext): Finding[] {
  // Most segments hold no digit of any script: nothing to read. Atoms hold no words, so the plain text
  // other checks read already tells, without reading the spaced one.
  if (!anyDigit.test(plainTextOf(source))) return [];
  const sourceFormat = numberFormatOf(context.sourceLanguage);
  const targetFormat = numberFormatOf(context.targetLanguage);
  const sourceNumbers = readNumbers(plainTextOf(source, ' '), sourceFormat).flat();
  if (sourceNumbers.length === 0) return [];
  const pool = new NumberPool(sourceNumbers);
  const targetPlain = plainTextOf(target, ' ');
  // An engine often leaves a number exactly as the source wrote it (`1,000` in a Spanish sentence): that says
  // the same to a reader. Only an identical spelling counts, or Spanish `1.500` would pass for English `1.5`.
  const asSourceWrites = readNumbers(targetPlain, sourceFormat);
  const added: ReadNumber[] = [];
  readNumbers(targetPlain, targetFormat).forEach((localised, run) => {
    const verbatim = asSourceWrites[run]!;
    const isVerbatim = !pool.covers(localised, 'value') && pool.covers(verbatim, 'written');
    const [reading, key] = isVerbatim ? [verbatim, 'written' as const] : [localised, 'value' as const];
    for (const number of reading) if (!pool.take(number, key)) added.push(number);
  });
  const remaining = pool.remaining();
  if (remaining.length === 0) return [];
  return [createFinding('number', target, context, describe(remaining, added))];
}

function describe(missing: readonly ReadNumber[], added: readonly ReadNumber[]): string {
  const list = (numbers: readonly ReadNumber[]) => numbers.map((number) => number.written).join(', ');
  const subject = missing.length === 1 ? `number ${list(missing)} of the source is` : `numbers ${list(missing)} of the source are`;
  return added.length === 0 ? `${subject} missing` : `${subject} missing; the translation has ${list(added)} instead`;
}
