import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Root of the jialing repository (this file is tests/support/cli.ts). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The real CLI entry point. */
export const cliEntry = path.join(repoRoot, 'src', 'cli.ts');

/** The programmatic API a config file may import `defineConfig` from. */
export const indexEntry = path.join(repoRoot, 'src', 'index.ts');

// tsx is resolved from the repository, so the CLI (or any script) can run with its working folder anywhere.
export const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface CliResult {
  /** Exit code; null only when the process was killed. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunCliOptions {
  /** Working folder of the CLI. */
  readonly cwd: string;
  /** Extra environment variables, on top of the test's own environment. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Safety net against a hanging CLI; the test's own timeout should be larger. */
  readonly killAfterMs?: number;
}

/**
 * Runs the real CLI (`node --import tsx src/cli.ts …`) as a child process with no TTY and CI=true,
 * and collects its exit code and output.
 */
export function runCli(args: readonly string[], options: RunCliOptions): Promise<CliResult> {
  return startCli(args, options).result;
}

/** A CLI process started by `startCli`, for tests that signal it while it runs. */
export interface StartedCli {
  readonly child: ChildProcessByStdio<null, Readable, Readable>;
  /** Settles when the process has exited and its output is closed. */
  readonly result: Promise<CliResult>;
  /** Output so far, while it runs. */
  readonly output: () => { readonly stdout: string; readonly stderr: string };
}

/** Starts the real CLI like `runCli` does, and hands back the process so a test can signal it. */
export function startCli(args: readonly string[], options: RunCliOptions): StartedCli {
  const child = spawn(process.execPath, ['--import', tsxLoader, cliEntry, ...args], {
    cwd: options.cwd,
    env: { ...process.env, CI: 'true', NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const result = new Promise<CliResult>((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 50_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { child, result, output: () => ({ stdout, stderr }) };
}

/** Writes files (path relative to `dir` → content), creating their folders. */
export async function writeProject(dir: string, files: Readonly<Record<string, string | Uint8Array>>): Promise<void> {
  for (const [relativePath, content] of Object.entries(files)) {
    const file = path.join(dir, relativePath);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
}

/** Creates a fresh temporary folder under the OS temp folder. */
export function makeTempDir(prefix = 'jialing-test-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

/** Removes a temporary folder made by `makeTempDir`. */
export function removeTempDir(dir: string | undefined): Promise<void> {
  return dir ? rm(dir, { recursive: true, force: true }) : Promise.resolve();
}

/** Every file and link under `dir`, as sorted paths relative to it with `/` separators; [] when `dir` is absent. */
export async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
    throw error;
  }
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** Lines of output that look like a JavaScript stack frame. */
export function stackFrames(output: string): string[] {
  return output.split('\n').filter((line) => /^\s+at /.test(line));
}

/** A JSON string for embedding in a generated config file. */
export function quote(value: string): string {
  return JSON.stringify(value);
}

/**
 * Reads the summary table the CLI prints in human mode: one record per language row, keyed by the
 * header's column names (`language`, `engine`, `articles`, `segments`, `characters`, `failed`, …),
 * so tests do not depend on column order or on columns they do not look at.
 */
export function parseSummaryTable(stdout: string): Record<string, Record<string, string>> {
  const lines = stdout.split('\n');
  const headerIndex = lines.findIndex((line) => /^language\s+engine\s/.test(line));
  if (headerIndex === -1) throw new Error(`No summary table in:\n${stdout}`);
  const header = lines[headerIndex]!.trim().split(/\s+/);
  const rows: Record<string, Record<string, string>> = {};
  for (const line of lines.slice(headerIndex + 2)) {
    if (line.trim() === '') break;
    const cells = line.trim().split(/\s+/);
    const row = Object.fromEntries(header.map((name, column) => [name, cells[column] ?? '']));
    rows[row['language']!] = row;
  }
  return rows;
}
