import http from 'node:http';
import { startCli, type CliResult, type StartedCli } from '../support/cli.ts';

/** A `jialing review` child process and the address it printed. */
export interface ReviewProcess {
  readonly cli: StartedCli;
  /** The printed address, token included. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** Sends Ctrl-C (SIGINT) and waits for the process to exit. */
  readonly stop: () => Promise<CliResult>;
}

/** Starts `jialing review` in `cwd` and waits until it prints its address; fails with its output if it exits first. */
export async function startReview(cwd: string, args: readonly string[] = [], env: Readonly<Record<string, string>> = {}): Promise<ReviewProcess> {
  const cli = startCli(['review', ...args], { cwd, env, killAfterMs: 110_000 });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const found = /Review page: (http:\/\/\S+)/.exec(cli.output().stdout)?.[1];
      if (found) {
        clearInterval(timer);
        resolve(found);
      }
    }, 50);
    cli.result.then((result) => {
      clearInterval(timer);
      reject(new Error(`jialing review exited (${result.code}) before printing its address:\n${result.stdout}\n${result.stderr}`));
    }, reject);
  });
  const parsed = new URL(url);
  let stopped: Promise<CliResult> | undefined;
  return {
    cli,
    url,
    port: Number(parsed.port),
    token: parsed.searchParams.get('token') ?? '',
    stop: () => {
      if (!stopped) {
        cli.child.kill('SIGINT');
        stopped = cli.result;
      }
      return stopped;
    },
  };
}

/** A response as `request` reads it. */
export interface RawResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** One HTTP request to 127.0.0.1 with exactly the headers given (Host included, which `fetch` does not let a caller set). */
export function request(port: number, options: { readonly method?: string; readonly path?: string; readonly headers?: Record<string, string>; readonly body?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path ?? '/', headers: { host: `127.0.0.1:${port}`, ...options.headers }, agent: false },
      (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}
