import type { Command } from 'commander';
import { UsageError } from '../errors.ts';

interface WorkerFlags {
  config?: string;
  concurrency: string;
  idleExit?: string;
  quiet?: boolean;
}

/** `jialing worker`: runs jobs of `translate --queue` batches from the project's PostgreSQL queue. */
export function addWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('Take article × language jobs that `translate --queue` put on the PostgreSQL queue, translate them with this checkout\'s config, glossary and the shared memory, and hand the outputs back')
    .option('-c, --config <file>', 'config file; default: pipeline.config.* in the working folder')
    .option('--concurrency <jobs>', 'jobs run at once', '2')
    .option('--idle-exit <seconds>', 'stop once the queue has had no job for this many seconds (0: as soon as it is empty); default: run until stopped')
    .option('-q, --quiet', 'no line per job')
    .action(async (flags: WorkerFlags) => {
      const concurrency = wholeNumber(flags.concurrency, '--concurrency', 1);
      const idleExitSeconds = flags.idleExit === undefined ? undefined : wholeNumber(flags.idleExit, '--idle-exit', 0);
      const [{ loadConfig }, { runWorker }] = await Promise.all([import('../config/load-config.ts'), import('../queue/run-worker.ts')]);
      const config = await loadConfig(flags.config, process.cwd());
      // First Ctrl-C or SIGTERM: take no new job, finish the running ones. Second: stop at once (another worker takes them over).
      const stop = new AbortController();
      const onSignal = () => (stop.signal.aborted ? process.exit(130) : stop.abort());
      process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
      const log = flags.quiet ? undefined : (line: string) => process.stderr.write(`worker: ${line}\n`);
      try {
        const { completed, failed } = await runWorker(config, { concurrency, idleExitSeconds, env: process.env, signal: stop.signal, onLog: log });
        log?.(`stopped after ${completed} jobs done and ${failed} failed`);
      } finally {
        process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
      }
      process.exitCode = stop.signal.aborted ? 130 : 0;
    });
}

function wholeNumber(value: string, option: string, least: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < least) throw new UsageError(`Expected \`${option}\` to be a whole number ≥ ${least}, got \`${value}\`.`);
  return number;
}
