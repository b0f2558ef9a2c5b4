import { spawn } from 'node:child_process';
import { cliEntry, tsxLoader, type CliResult } from './cli.ts';

export interface SmallDiskOptions {
  readonly cwd: string;
  /** Folder (absolute) the small disk is mounted on; it must exist. */
  readonly mountAt: string;
  readonly sizeKb: number;
  /** Kilobytes filled before the CLI starts, leaving it the rest. */
  readonly fillKb?: number;
}

/**
 * Runs the real CLI with a RAM disk of a few kilobytes mounted at `mountAt`, in a mount namespace of its
 * own (`unshare`): the disk fills up for real (ENOSPC, SQLITE_FULL) and vanishes with the process.
 */
export function runCliOnSmallDisk(args: readonly string[], options: SmallDiskOptions): Promise<CliResult> {
  const script = 'mount -t tmpfs -o size="$2"k tmpfs "$1" && head -c "$3" /dev/zero > "$1/.fill" && shift 3 && exec "$@"';
  const child = spawn('unshare', ['--map-root-user', '--mount', 'sh', '-c', script, 'sh', options.mountAt, String(options.sizeKb), String((options.fillKb ?? 0) * 1024), process.execPath, '--import', tsxLoader, cliEntry, ...args], {
    cwd: options.cwd,
    env: { ...process.env, CI: 'true', NO_COLOR: '1', FORCE_COLOR: undefined },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
