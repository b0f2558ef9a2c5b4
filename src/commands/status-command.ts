import type { Command } from 'commander';
import { withProjectOptions } from './config-options.ts';
import { chooseLanguages } from '../config/choose-languages.ts';
import { parseLanguages } from './parse-languages.ts';

/** `jialing status`: per document (article or resource file) and language, up to date / stale / missing. */
export function addStatusCommand(program: Command): void {
  withProjectOptions(program.command('status'))
    .description('List per article and language whether the output is up to date, edited by hand, stale (source changed), missing or failed in the queue (dead-lettered by `translate --queue`), with reviewed / machine / needs-review counts; exit 1 if any is not up to date')
    .option('--json', 'print the list as JSON on stdout')
    .action(async (flags: { config?: string; lang?: string; json?: boolean }) => {
      const [{ loadConfig }, { readStatus }] = await Promise.all([import('../config/load-config.ts'), import('../status.ts')]);
      const config = await loadConfig(flags.config, process.cwd());
      const statuses = await readStatus(config, chooseLanguages(config, parseLanguages(flags.lang)), process.env);
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(statuses, null, 2)}\n`);
      } else {
        const width = Math.max(8, ...statuses.map((status) => status.file.length));
        process.stdout.write(`${'document'.padEnd(width)}  kind      lang  state            segments  to translate  reviewed  machine  needs review\n`);
        for (const status of statuses) {
          const figures = [status.segments, status.untranslated, status.reviewed, status.machine, status.needsReview].map((value, index) => String(value).padStart([8, 12, 8, 7, 12][index]!));
          const kind = status.format === 'i18next' ? 'resource' : 'article';
          process.stdout.write(`${status.file.padEnd(width)}  ${kind.padEnd(8)}  ${status.language.padEnd(4)}  ${status.state.padEnd(15)}  ${figures.join('  ')}\n`);
        }
      }
      process.exitCode = statuses.every((status) => status.state === 'up-to-date') ? 0 : 1;
    });
}
