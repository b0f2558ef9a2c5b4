import { spawn } from 'node:child_process';

/** What a finished command printed. */
export interface CommandOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number | null;
  /** Whether it was killed for running past `killAfterMs`. */
  readonly isKilled: boolean;
  /** Whether it was interrupted (SIGINT, as Ctrl-C) for running past `interruptAfterMs`. */
  readonly isInterrupted: boolean;
}

export interface CommandOptions {
  readonly input?: string;
  /** Sends SIGINT after this long, as a person pressing Ctrl-C would. */
  readonly interruptAfterMs?: number;
  readonly killAfterMs?: number;
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** Runs a command with `input` on stdin and collects its output; rejects only when it cannot start. */
export function runCommand(command: string, args: readonly string[], options: CommandOptions = {}): Promise<CommandOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'pipe', cwd: options.cwd, env: options.env });
    let stdout = '';
    let stderr = '';
    let isKilled = false;
    let isInterrupted = false;
    const timer = options.killAfterMs === undefined ? undefined : setTimeout(() => ((isKilled = true), child.kill('SIGKILL')), options.killAfterMs);
    const interrupt = options.interruptAfterMs === undefined ? undefined : setTimeout(() => ((isInterrupted = true), child.kill('SIGINT')), options.interruptAfterMs);
    const stopTimers = () => {
      clearTimeout(timer);
      clearTimeout(interrupt);
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => {
      stopTimers();
      reject(error);
    });
    child.on('close', (code) => {
      stopTimers();
      resolve({ stdout, stderr, code, isKilled, isInterrupted });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}
