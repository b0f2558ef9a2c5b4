/**
 * The benchmark suite: `npm run bench` (several minutes, most of them the scale runs) or `npm run bench -- --quick`
 * (a smoke run); `--help` lists the options.
 * Prints a table of figures with their targets and writes them to bench/results.json.
 */
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchApertium } from './apertium-bench.ts';
import { benchUsage, parseBenchOptions, sectionNames, type BenchOptions } from './bench-options.ts';
import { benchDeepl } from './deepl-bench.ts';
import type { Figure } from './figure.ts';
import { benchIncremental } from './incremental-bench.ts';
import { benchLlm } from './llm-bench.ts';
import { benchLongLine } from './long-line-bench.ts';
import { machineInfo } from './machine-info.ts';
import { benchOverhead } from './overhead-bench.ts';
import { formatTable } from './print-table.ts';
import { benchScale } from './scale-bench.ts';
import { benchStartup } from './startup-bench.ts';
import { benchUnchanged } from './unchanged-bench.ts';
import { benchWorkers } from './workers-bench.ts';

type Section = (options: BenchOptions) => Promise<{ figures: Figure[]; details: object }>;

const sections: Record<(typeof sectionNames)[number], Section> = {
  startup: benchStartup,
  overhead: benchOverhead,
  apertium: benchApertium,
  deepl: benchDeepl,
  llm: benchLlm,
  incremental: benchIncremental,
  unchanged: benchUnchanged,
  scale: benchScale,
  'long-line': benchLongLine,
  workers: benchWorkers,
};
const resultsFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results.json');

/** Runs the chosen sections in order, prints the table and writes the results file; with --strict, exit code 1 when a target fails. */
export async function runBench(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help')) {
    process.stdout.write(`${benchUsage}\n`);
    return 0;
  }
  let options: BenchOptions;
  try {
    options = parseBenchOptions(argv, process.env);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const machine = machineInfo();
  process.stderr.write(`jialing bench${options.isQuick ? ' (quick)' : ''}: node ${machine.node}, ${machine.cpus} CPUs (${machine.cpuModel}), load ${machine.loadAverage}\n`);
  // Other processes skew every wall-clock figure; say so up front rather than let the table look exact.
  if (machine.loadAverage > machine.cpus * 0.75) process.stderr.write(`warning: the machine is busy (load ${machine.loadAverage} on ${machine.cpus} CPUs); figures will be noisy.\n`);
  const figures: Figure[] = [];
  // A run of some sections keeps the others' last results: each section records the machine and load it ran on.
  const results = await readResults();
  const started = performance.now();
  for (const name of sectionNames) {
    if (options.sections.length > 0 && !options.sections.includes(name)) continue;
    const sectionStart = performance.now();
    const loadAverage = Number(os.loadavg()[0]!.toFixed(2));
    process.stderr.write(`… ${name}\n`);
    const result = await sections[name](options);
    figures.push(...result.figures);
    const sectionSeconds = (performance.now() - sectionStart) / 1000;
    results[name] = { measuredAt: new Date().toISOString(), machine: { ...machine, loadAverage }, options, figures: result.figures, details: { ...result.details, sectionSeconds } };
  }
  const totalSeconds = (performance.now() - started) / 1000;
  const endLoadAverage = Number(os.loadavg()[0]!.toFixed(2));
  process.stdout.write(`\n${formatTable(figures)}\n\nTotal ${totalSeconds.toFixed(0)} s; load average ${machine.loadAverage} at the start, ${endLoadAverage} at the end.\n`);
  const ordered = Object.fromEntries(sectionNames.filter((name) => results[name]).map((name) => [name, results[name]]));
  // Quick sizes only prove the bench runs: their figures must not replace a full run's.
  if (options.isQuick) {
    process.stdout.write(`Quick run: ${path.relative(process.cwd(), resultsFile)} left as it was.\n`);
  } else {
    await writeFile(resultsFile, `${JSON.stringify({ sections: ordered }, null, 2)}\n`);
    process.stdout.write(`Written to ${path.relative(process.cwd(), resultsFile)}.\n`);
  }
  return options.isStrict && figures.some((figure) => figure.isPass === false) ? 1 : 0;
}

/** What one section measured, when and on what. */
interface SectionResult {
  readonly measuredAt: string;
  readonly machine: object;
  readonly options: BenchOptions;
  readonly figures: readonly Figure[];
  readonly details: object;
}

async function readResults(): Promise<Record<string, SectionResult>> {
  try {
    const stored = JSON.parse(await readFile(resultsFile, 'utf8')) as { sections?: Record<string, SectionResult> };
    return stored.sections ?? {};
  } catch {
    // None yet, or written by an older bench in another shape: start afresh.
    return {};
  }
}

process.exitCode = await runBench(process.argv.slice(2));
