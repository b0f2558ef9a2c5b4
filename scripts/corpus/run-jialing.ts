import { spawn } from 'node:child_process';
import path from 'node:path';
import { configFileName } from './create-corpus-project.ts';
import type { ReportedProblem } from './detector.ts';
import { readIfPresent } from './read-if-present.ts';

/** What one `jialing translate` run of a corpus project did. */
export interface JialingRun {
  readonly exitCode: number;
  readonly seconds: number;
  readonly stderr: string;
  /** Whether jialing itself failed: a stack trace, or an exit code other than 0 (done) and 1 (failed work). */
  readonly hasCrashed: boolean;
  /** The problems of `report.json`, or undefined when the run wrote none. */
  readonly problems?: readonly ReportedProblem[];
}

const stackLine = /^\s+at .+(?::\d+:\d+\)?|\(native\))$/m;

/** Runs `jialing translate --json` in a corpus project, as a user would, through its command-line entry. */
export async function runJialing(cliEntry: string, project: string): Promise<JialingRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [cliEntry, 'translate', '--config', path.join(project, configFileName), '--json'], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stdout.resume();
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  const seconds = (performance.now() - started) / 1000;
  const problems = await readProblems(path.join(project, '.jialing', 'report', 'report.json'));
  const hasCrashed = (exitCode !== 0 && exitCode !== 1) || stackLine.test(stderr) || stderr.includes('Unexpected internal error');
  return { exitCode, seconds, stderr, hasCrashed, problems };
}

async function readProblems(file: string): Promise<readonly ReportedProblem[] | undefined> {
  const text = await readIfPresent(file);
  return text === undefined ? undefined : ((JSON.parse(text) as { problems?: ReportedProblem[] }).problems ?? []);
}
