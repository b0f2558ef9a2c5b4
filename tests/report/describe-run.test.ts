import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/pipeline/run-report.ts';
import { createProgressReporter } from '../../src/report/progress.ts';
import { describeRun } from '../../src/report/summary-table.ts';

const report = (fields: Partial<RunReport>): RunReport => ({ dryRun: false, articles: 150, languages: [], problems: [], ...fields });

describe('the closing line of a run', () => {
  it('says every article was translated only when every one was written', () => {
    expect(describeRun(report({ outcomes: { written: 150, failed: 0, untouched: 0, skipped: 0 } }))).toBe('Translated 150 articles');
  });

  it('counts what was written and names what was not', () => {
    expect(describeRun(report({ outcomes: { written: 140, failed: 6, untouched: 3, skipped: 1 } }))).toBe(
      'Translated 140 of 150 articles; 6 failed, 3 left untouched, 1 skipped (see the errors above)',
    );
  });

  it('after Ctrl-C, says the run was interrupted and how many articles never started', () => {
    expect(describeRun(report({ interrupted: true, outcomes: { written: 85, failed: 2, untouched: 0, skipped: 0 } }))).toBe(
      'Interrupted: translated 85 of 150 articles; 2 failed, 63 not started (see the errors above)',
    );
  });

  it('keeps the dry-run line, which writes nothing', () => {
    expect(describeRun(report({ dryRun: true, articles: 2 }))).toBe('Dry run: 2 articles, nothing translated or written');
  });

  it('names resource files beside articles, and counts outcomes over both', () => {
    expect(describeRun(report({ articles: 4, resources: 1, outcomes: { written: 5, failed: 0, untouched: 0, skipped: 0 } }))).toBe('Translated 4 articles and 1 resource file');
    expect(describeRun(report({ articles: 4, resources: 1, outcomes: { written: 3, failed: 1, untouched: 0, skipped: 0 } }))).toBe(
      'Translated 3 of 5 documents; 1 failed, 1 not started (see the errors above)',
    );
  });
});

describe('the plain progress lines of a run', () => {
  it('announces articles and resource files apart', () => {
    const lines: string[] = [];
    const stream = { isTTY: false, write: (text: string) => lines.push(text) } as unknown as NodeJS.WriteStream;
    const progress = createProgressReporter(stream, { isQuiet: false });
    progress.onEvent({ type: 'start', articles: 4, resources: 1, languages: ['es', 'ca'] });
    progress.onEvent({ type: 'start', articles: 2, resources: 0, languages: ['es'] });
    expect(lines).toEqual(['Translating 4 articles and 1 resource file into es, ca\n', 'Translating 2 articles into es\n']);
  });
});
