import { spawn } from 'node:child_process';

/** What a finished command printed. */
export interface CommandOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number | null;
  /** Whether it was killed for running past `killAfterMs`. */
  readonly isKilled: boolean;
}

/** Runs a command with `input` on stdin and collects its output; rejects only when it cannot start. */
export function runCommand(command: string, args: readonly string[], options: { readonly input?: string; readonly killAfterMs?: number; readonly cwd?: string; readonly env?: NodeJS.ProcessEnv } = {}): Promise<CommandOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'pipe', cwd: options.cwd, env: options.env });
    let stdout = '';
    let stderr = '';
    let isKilled = false;
    const timer = options.killAfterMs === undefined ? undefined : setTimeout(() => ((isKilled = true), child.kill('SIGKILL')), options.killAfterMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code, isKilled });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}
