import type { Command } from 'commander';

/** Adds the options every project command shares: `--config` and `--lang`. */
export function withProjectOptions(command: Command): Command {
  return command
    .option('-c, --config <file>', 'config file (.ts, .mjs, .js or .json); default: pipeline.config.* in the working folder')
    .option('-l, --lang <codes>', 'only these target languages, comma-separated (e.g. es,ca)');
}
