import { Option, type Command } from 'commander';
import { withProjectOptions } from './config-options.ts';
import { engineChoices, type EngineChoice } from '../config/engine-choices.ts';
import { parseLanguages } from './parse-languages.ts';
import { countOf } from '../report/count-of.ts';

interface TranslateFlags {
  config?: string;
  lang?: string;
  engine?: EngineChoice;
  dryRun?: boolean;
  json?: boolean;
  quiet?: boolean;
  strict?: boolean;
  frozen?: boolean;
  overwrite?: boolean;
  queue?: boolean;
}

/** `jialing translate`: the main job. */
export function addTranslateCommand(program: Command): void {
  withProjectOptions(program.command('translate'))
    .description('Translate the articles into the target languages and write localised markdown')
    .addOption(new Option('-e, --engine <name>', 'engine for every language, overriding the config').choices(engineChoices))
    .option('--dry-run', 'count articles, segments and characters per language; call no engine, write nothing')
    .option('--json', 'print one JSON summary on stdout instead of the table')
    .option('-q, --quiet', 'no progress output and no warnings; errors are still printed')
    .option('--strict', 'exit 1 when a quality check finds an error (glossary term, number, markup, empty)')
    .option('--frozen', 'never call an engine: exit 1 naming what would need translating (for CI)')
    .option('--overwrite', 'replace outputs the memory has no record of, and hand edits that no longer line up, instead of leaving them untouched')
    .option('--queue', 'put one job per article and language on the PostgreSQL job queue for `jialing worker` processes, wait, and write their outputs here')
    .action(async (flags: TranslateFlags) => {
      const [{ loadConfig }, { hasErrors }, { createProgressReporter }, { formatSummaryTable, toJsonSummary }, { translateArticles }] = await Promise.all([
        import('../config/load-config.ts'),
        import('../pipeline/run-report.ts'),
        import('../report/progress.ts'),
        import('../report/summary-table.ts'),
        import('../run.ts'),
      ]);
      const config = await loadConfig(flags.config, process.cwd());
      const progress = createProgressReporter(process.stderr, { isQuiet: Boolean(flags.quiet || flags.json) });
      // First Ctrl-C: send nothing new, finish and keep what is in flight. Second: stop at once.
      const interrupt = new AbortController();
      const onSignal = () => (interrupt.signal.aborted ? process.exit(130) : interrupt.abort());
      process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
      const translate = flags.queue ? (await import('../queue/translate-in-queue.ts')).translateInQueue : translateArticles;
      const { report, findings, reportFiles } = await translate(config, {
        languages: parseLanguages(flags.lang),
        engine: flags.engine,
        dryRun: flags.dryRun,
        frozen: flags.frozen,
        overwrite: flags.overwrite,
        signal: interrupt.signal,
        env: process.env,
        onEvent: progress.onEvent,
        ...(flags.queue &&
          !flags.quiet &&
          !flags.json && {
            onQueued: (jobs: number) => process.stderr.write(`Queued ${jobs} jobs; waiting for \`jialing worker\` processes to run them (Ctrl-C cancels those not started).\n`),
            onStalled: ({ seconds, waiting, queue, workerCommand }: { seconds: number; waiting: number; queue: string; workerCommand: string }) =>
              process.stderr.write(`No job has run for ${seconds} s; ${waiting} still waiting in ${queue}. Is a worker running with this project's config and database (\`${workerCommand}\`)?\n`),
          }),
      }).finally(() => {
        progress.stop();
        process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
      });
      const findingErrors = findings.filter((finding) => finding.severity === 'error').length;
      if (flags.json) {
        process.stdout.write(`${JSON.stringify({ ...toJsonSummary(report), findings, report: reportFiles }, null, 2)}\n`);
        for (const problem of report.problems) process.stderr.write(`${problem.severity}: ${problem.message}\n`);
      } else {
        // Quiet silences progress, not errors: they say what to do before the exit code.
        if (flags.quiet) for (const problem of report.problems.filter((item) => item.severity === 'error')) process.stderr.write(`error: ${problem.message}\n`);
        process.stdout.write(`\n${formatSummaryTable(report)}\n`);
        if (findings.length > 0) process.stdout.write(`\nQuality checks: ${countOf(findingErrors, 'error')}, ${countOf(findings.length - findingErrors, 'warning')} (\`jialing check\` lists them).\n`);
        if (reportFiles) process.stdout.write(`\nReport: ${reportFiles.htmlPath}\n`);
      }
      process.exitCode = interrupt.signal.aborted ? 130 : hasErrors(report) || (flags.strict && findingErrors > 0) ? 1 : 0;
    });
}
