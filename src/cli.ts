import { Command, CommanderError, Option } from 'commander';
import { loadConfig } from './config/load-config.ts';
import { engineChoices, type EngineChoice } from './config/schema.ts';
import { formatPlace, JialingError } from './errors.ts';
import { hasErrors } from './pipeline/run-report.ts';
import { createProgressReporter } from './report/progress.ts';
import { formatSummaryTable, toJsonSummary } from './report/summary-table.ts';
import { translateArticles } from './run.ts';

interface TranslateFlags {
  config?: string;
  lang?: string;
  engine?: EngineChoice;
  dryRun?: boolean;
  json?: boolean;
  quiet?: boolean;
  strict?: boolean;
}

/** Builds the command line; the only place that prints results or decides the exit code. */
export function createProgram(): Command {
  const program = new Command('jialing')
    .description('Batch translation and localisation pipeline for markdown articles')
    .exitOverride()
    .configureOutput({ outputError: (message, write) => write(message) })
    .showHelpAfterError('(run with --help for usage)');

  program
    .command('translate')
    .description('Translate the articles into the target languages and write localised markdown')
    .option('-c, --config <file>', 'config file (.ts, .mjs, .js or .json); default: pipeline.config.* in the working folder')
    .option('-l, --lang <codes>', 'only these target languages, comma-separated (e.g. es,ca)')
    .addOption(new Option('-e, --engine <name>', 'engine for every language, overriding the config').choices(engineChoices))
    .option('--dry-run', 'count articles, segments and characters per language; call no engine, write nothing')
    .option('--json', 'print one JSON summary on stdout instead of the table')
    .option('-q, --quiet', 'no progress output')
    .option('--strict', 'exit 1 when a quality check finds an error (glossary term, number, markup, empty)')
    .action(async (flags: TranslateFlags) => {
      const config = await loadConfig(flags.config, process.cwd());
      const progress = createProgressReporter(process.stderr, { isQuiet: Boolean(flags.quiet || flags.json) });
      const { report, findings, reportFiles } = await translateArticles(config, {
        languages: flags.lang?.split(',').map((code) => code.trim()).filter(Boolean),
        engine: flags.engine,
        dryRun: flags.dryRun,
        env: process.env,
        onEvent: progress.onEvent,
      }).finally(progress.stop);
      const findingErrors = findings.filter((finding) => finding.severity === 'error').length;
      if (flags.json) {
        process.stdout.write(`${JSON.stringify({ ...toJsonSummary(report), findings, report: reportFiles }, null, 2)}\n`);
        for (const problem of report.problems) process.stderr.write(`${problem.severity}: ${problem.message}\n`);
      } else {
        process.stdout.write(`\n${formatSummaryTable(report)}\n`);
        if (findings.length > 0) process.stdout.write(`\nQuality checks: ${findingErrors} errors, ${findings.length - findingErrors} warnings (\`jialing check\` lists them).\n`);
        if (reportFiles) process.stdout.write(`\nReport: ${reportFiles.htmlPath}\n`);
      }
      process.exitCode = hasErrors(report) || (flags.strict && findingErrors > 0) ? 1 : 0;
    });

  return program;
}

/** Runs the CLI and maps every outcome to an exit code: 0 ok, 1 failed work, 2 usage, config or setup. */
export async function main(argv: readonly string[]): Promise<void> {
  try {
    await createProgram().parseAsync([...argv], { from: 'user' });
  } catch (error) {
    process.exitCode = reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
  }
  if (error instanceof JialingError) {
    const place = error.place && !error.message.includes(error.place.file) ? ` (${formatPlace(error.place)})` : '';
    process.stderr.write(`error: ${error.message}${place}\n${error.hint ? `hint: ${error.hint}\n` : ''}`);
    return error.exitCode;
  }
  process.stderr.write(`Unexpected internal error; please report it with the command you ran.\n${error instanceof Error ? error.stack : String(error)}\n`);
  return 1;
}

await main(process.argv.slice(2));
