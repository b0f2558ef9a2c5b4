import { Command, CommanderError } from 'commander';
import { addCheckCommand } from './commands/check-command.ts';
import { addGlossaryCommand } from './commands/glossary-command.ts';
import { addMemoryCommand } from './commands/memory-command.ts';
import { addReviewCommand } from './commands/review-command.ts';
import { addStatusCommand } from './commands/status-command.ts';
import { addTranslateCommand } from './commands/translate-command.ts';
import { addWorkerCommand } from './commands/worker-command.ts';
import { addXliffCommand } from './commands/xliff-command.ts';
import { formatPlace, JialingError } from './errors.ts';

/**
 * Builds the command line; the only place that prints results or decides the exit code. Each command imports
 * what it runs only once it runs, so that `--help` and a quick `status` start without the whole pipeline.
 */
export function createProgram(): Command {
  const program = new Command('jialing')
    .description('Batch translation and localisation pipeline for markdown articles')
    .exitOverride()
    .configureOutput({ outputError: (message, write) => write(message) })
    .showHelpAfterError('(run with --help for usage)');

  addTranslateCommand(program);
  addWorkerCommand(program);
  addCheckCommand(program);
  addStatusCommand(program);
  addGlossaryCommand(program);
  addMemoryCommand(program);
  addXliffCommand(program);
  addReviewCommand(program);

  return program;
}

/** Runs the CLI and maps every outcome to an exit code: 0 ok, 1 failed work, 2 usage, config or setup. */
export async function main(argv: readonly string[]): Promise<void> {
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
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
