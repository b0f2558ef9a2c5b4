import type { Segment } from '../markdown/segment.ts';
import type { CheckContext } from './check-context.ts';
import { defaultSeverities } from './default-severities.ts';
import type { CheckId, Finding } from './finding.ts';
import { plainTextOf } from './plain-text-of.ts';
import { shortenText } from './shorten-text.ts';

/** Builds a finding about a target segment, with the severity the config asks for. */
export function createFinding(check: CheckId, target: Segment, context: Pick<CheckContext, 'file' | 'targetLanguage' | 'severities'>, message: string): Finding {
  return {
    check,
    severity: context.severities[check] ?? defaultSeverities[check],
    file: context.file,
    language: context.targetLanguage,
    line: target.line,
    message,
    text: shortenText(plainTextOf(target)),
  };
}
