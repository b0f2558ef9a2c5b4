import type { StartedCli } from './cli.ts';

/**
 * Polls `condition` every few milliseconds; the first time it returns a value, sends `signal` to the
 * CLI in the same synchronous step and resolves with that value. The DeepL test server runs in the
 * test's own process, so nothing it does (answering a request) can happen between the check and the
 * signal: a snapshot of its log taken in `condition` is exactly the state at the signal.
 * Rejects when the process exits first or `timeoutMs` passes.
 */
export function signalWhen<T>(cli: StartedCli, signal: NodeJS.Signals, condition: () => T | undefined, timeoutMs = 90_000): Promise<T> {
  const startedAt = Date.now();
  return new Promise<T>((resolve, reject) => {
    const timer = setInterval(() => {
      if (cli.child.exitCode !== null || cli.child.signalCode !== null) {
        clearInterval(timer);
        const { stdout, stderr } = cli.output();
        reject(new Error(`The CLI exited (${cli.child.exitCode ?? cli.child.signalCode}) before the moment to send ${signal} came:\n${stderr}\n${stdout}`));
        return;
      }
      if (Date.now() - startedAt > timeoutMs) {
        clearInterval(timer);
        cli.child.kill('SIGKILL');
        reject(new Error(`The moment to send ${signal} did not come within ${timeoutMs} ms:\n${cli.output().stderr}`));
        return;
      }
      const value = condition();
      if (value === undefined) return;
      clearInterval(timer);
      cli.child.kill(signal);
      resolve(value);
    }, 5);
  });
}
