import type { Command } from 'commander';
import { chooseLanguages } from '../config/choose-languages.ts';
import { UsageError } from '../errors.ts';
import { withProjectOptions } from './config-options.ts';
import { parseLanguages } from './parse-languages.ts';

/** `jialing review`: a local page to read, correct and approve translations segment by segment. */
export function addReviewCommand(program: Command): void {
  withProjectOptions(program.command('review'))
    .description('Serve a review page on 127.0.0.1: read translations next to their source, correct and approve them (saved as reviewed)')
    .option('-p, --port <number>', 'port on 127.0.0.1; default: a free one')
    .action(async (flags: { config?: string; lang?: string; port?: string }) => {
      const port = parsePort(flags.port);
      const [{ loadConfig }, { createReviewServer }, { ReviewWorkspace }] = await Promise.all([
        import('../config/load-config.ts'),
        import('../review/server/create-review-server.ts'),
        import('../review/review-workspace.ts'),
      ]);
      const config = await loadConfig(flags.config, process.cwd());
      const languages = chooseLanguages(config, parseLanguages(flags.lang));

      const workspace = await ReviewWorkspace.open(config, { env: process.env });
      try {
        const server = await createReviewServer({
          source: workspace,
          scope: { sourceLanguage: config.sourceLanguage, languages },
          port,
          onUnexpectedError: (error) => process.stderr.write(`Unexpected internal error while serving the review page; please report it.\n${error instanceof Error ? error.stack : String(error)}\n`),
        });
        process.stdout.write(`Review page: ${server.url}\n`);
        process.stderr.write('Open the address above in a browser on this machine; Ctrl-C stops the server.\n');
        await untilInterrupted();
        await server.close();
      } finally {
        await workspace.close();
      }
      process.exitCode = 130;
    });
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) throw new UsageError(`Expected \`--port\` to be a whole number from 1 to 65535, got \`${value}\`.`);
  return port;
}

/** Resolves on the first Ctrl-C or SIGTERM; a second one ends the process at once. */
function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    const onSignal = () => {
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
      process.once('SIGINT', () => process.exit(130)).once('SIGTERM', () => process.exit(130));
      resolve();
    };
    process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  });
}
