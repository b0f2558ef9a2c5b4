import v8 from 'node:v8';
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
import { jialingVersion } from './jialing-version.ts';
import { limitSegmentThreadHeap } from './pipeline/segment-thread-heap.ts';

/**
 * Builds the command line; the only place that prints results or decides the exit code. Each command imports
 * what it runs only once it runs, so that `--help` and a quick `status` start without the whole pipeline.
 */
export function createProgram(): Command {
  const program = new Command('jialing')
    .description('Batch translation and localisation pipeline for markdown articles')
    .version(jialingVersion(), '-V, --version', 'print the version of jialing')
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
  boundMemory();
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

/**
 * A run keeps a few tens of megabytes alive but allocates far more on its way, and by default V8 lets a heap grow
 * to several times what survived its last full collection before collecting again. The command bounds that, so a
 * run of any size fits a small machine; a program importing jialing keeps V8's defaults and its own settings.
 * Measured on 1,000 articles, growing by half at a time took the peak RSS from 337 MB to 274 MB; on 10,000, the
 * segmenting thread's cap took it from 309 MB to 289 MB. The price is CPU time: the parser makes its functions
 * anew for every article and V8 drops their optimised code at each full collection, so each collection is
 * followed by a burst of recompiling. 1,000 articles with the copy engine, without the cap, took 41 s of CPU
 * growing by 50% at a time and 28 s by 200%; at 50%, the cap made no difference to the CPU time.
 */
function boundMemory(): void {
  v8.setFlagsFromString('--heap-growing-percent=50');
  limitSegmentThreadHeap(64);
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
