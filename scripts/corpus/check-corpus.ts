import path from 'node:path';
import { formatCorpusSummary } from './format-corpus-summary.ts';
import { corpusUsage, parseCorpusOptions, UsageError } from './parse-corpus-options.ts';
import { runCorpus } from './run-corpus.ts';

const repository = path.resolve(import.meta.dirname, '..', '..');

/** `npm run corpus`: exit 0 when the check ran, whatever it found; 2 on bad usage; 1 when jialing itself crashed. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const options = parseCorpusOptions(argv, { cliEntry: path.join(repository, 'bin', 'jialing.js'), cwd: process.cwd() });
    if (options.isHelp) {
      process.stdout.write(`${corpusUsage}\n`);
      return 0;
    }
    const { summary, runs, defectsFile } = await runCorpus(options, path.join(repository, 'node_modules'), (line) => process.stderr.write(`${line}\n`));
    process.stdout.write(options.isJson ? `${JSON.stringify(summary, null, 2)}\n` : `${formatCorpusSummary(summary)}\n`);
    if (defectsFile) process.stderr.write(`Defects: ${defectsFile}\n`);
    const crashed = runs.find((run) => run.hasCrashed);
    if (!crashed) return 0;
    process.stderr.write(`jialing crashed (exit ${crashed.exitCode}):\n${crashed.stderr}\n`);
    return 1;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`error: ${error.message}\n\n${corpusUsage}\n`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
