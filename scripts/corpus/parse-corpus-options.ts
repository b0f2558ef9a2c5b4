import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CorpusEngine } from './create-corpus-project.ts';

/** What `npm run corpus` was asked to do. */
export interface CorpusOptions {
  readonly engine: CorpusEngine;
  readonly languages: readonly string[];
  readonly isJson: boolean;
  /** Folder to keep the projects and `defects.json` in; temporary folders are removed when absent. */
  readonly keep?: string;
  readonly runs: number;
  /** The jialing command-line entry to run. */
  readonly cliEntry: string;
  readonly isHelp: boolean;
}

/** A command line the checker cannot run. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The usage text of `npm run corpus`. */
export const corpusUsage = `Usage: npm run corpus -- [options]

Translates the READMEs under node_modules with jialing and counts the defects of each kind in the outputs.

Options:
  --engine <name>   apertium or copy (default apertium)
  --lang <codes>    target languages, comma-separated (default es,ca)
  --runs <n>        fresh runs to make; with 2 or more, outputs that differ between the first two are counted (default 1)
  --json            print one JSON object instead of the table (npm run -s keeps npm's own lines off stdout)
  --keep <folder>   keep the projects in this new or empty folder, with defects.json listing every defect
  --jialing <file>  the jialing command-line entry to run (default bin/jialing.js of this repository)
  --help            show this text`;

const engines: readonly CorpusEngine[] = ['apertium', 'copy'];

/** Reads the command line, checking every value up front. */
export function parseCorpusOptions(argv: readonly string[], defaults: { readonly cliEntry: string; readonly cwd: string }): CorpusOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        engine: { type: 'string', default: 'apertium' },
        lang: { type: 'string', default: 'es,ca' },
        runs: { type: 'string', default: '1' },
        json: { type: 'boolean', default: false },
        keep: { type: 'string' },
        jialing: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error });
  }
  if (!engines.includes(values.engine as CorpusEngine)) throw new UsageError(expected('engine', engines.join(' or '), values.engine));
  const languages = values.lang.split(',').map((language) => language.trim());
  if (languages.some((language) => !/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(language))) throw new UsageError(expected('lang', 'language codes separated by commas, such as es,ca', values.lang));
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new UsageError(expected('runs', 'a whole number ≥ 1', values.runs));
  return {
    engine: values.engine as CorpusEngine,
    languages,
    isJson: values.json,
    keep: values.keep === undefined ? undefined : path.resolve(defaults.cwd, values.keep),
    runs,
    cliEntry: values.jialing === undefined ? defaults.cliEntry : path.resolve(defaults.cwd, values.jialing),
    isHelp: values.help,
  };
}

function expected(option: string, what: string, value: unknown): string {
  return `Expected \`--${option}\` to be ${what}, got \`${String(value)}\` (${typeof value})`;
}
