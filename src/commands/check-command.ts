import type { Command } from 'commander';
import { withProjectOptions } from './config-options.ts';
import { parseLanguages } from './parse-languages.ts';
import { countOf } from '../report/count-of.ts';

/** `jialing check`: re-runs the quality checks on the outputs on disk. */
export function addCheckCommand(program: Command): void {
  withProjectOptions(program.command('check'))
    .description('Check the localised outputs as they are (hand edits included) without translating; exit 1 on an error finding')
    .option('--json', 'print findings as JSON on stdout')
    .action(async (flags: { config?: string; lang?: string; json?: boolean }) => {
      const [{ loadConfig }, { chooseLanguages }, { checkOutputs }, { formatFindings }, { describeDocuments }] = await Promise.all([
        import('../config/load-config.ts'),
        import('../config/choose-languages.ts'),
        import('../check.ts'),
        import('../qa/format-findings.ts'),
        import('../report/summary-table.ts'),
      ]);
      const config = await loadConfig(flags.config, process.cwd());
      const languages = chooseLanguages(config, parseLanguages(flags.lang));
      const result = await checkOutputs(config, languages);
      const errors = result.findings.filter((finding) => finding.severity === 'error').length + result.problems.filter((problem) => problem.severity === 'error').length;
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      } else {
        for (const problem of result.problems) process.stdout.write(`${problem.severity}: ${problem.message}\n`);
        if (result.findings.length > 0) process.stdout.write(`${formatFindings(result.findings)}\n`);
        process.stdout.write(`\nChecked ${describeDocuments(result.articles, result.resources)} in ${languages.join(', ')}: ${countOf(errors, 'error')}, ${countOf(result.findings.length + result.problems.length - errors, 'warning')}.\n`);
      }
      process.exitCode = errors > 0 ? 1 : 0;
    });
}
