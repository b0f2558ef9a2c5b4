import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ServedRequest, ServerCommand, ServerReply } from './deepl-server-process.ts';

const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'deepl-server-process.ts');
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** The DeepL test server running in a child process. */
export interface DeeplServerProcess {
  readonly url: string;
  /** Answers every translate request after `latencyMs`. */
  setLatency(latencyMs: number): Promise<void>;
  translateRequests(): Promise<readonly ServedRequest[]>;
  close(): Promise<void>;
}

/** Forks the test server (tests/support/deepl-test-server.ts) and waits until it listens. */
export async function startDeeplServerProcess(authKey: string): Promise<DeeplServerProcess> {
  const child = fork(entry, [authKey], { execArgv: ['--import', tsxLoader], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await nextReply(child, 'ready');
  const ask = async <T extends ServerReply['type']>(command: ServerCommand, answer: T) => {
    const reply = nextReply(child, answer);
    child.send(command);
    return reply;
  };
  return {
    url: ready.url,
    setLatency: async (latencyMs) => {
      await ask({ type: 'set', rules: [{ fault: { type: 'delay', ms: latencyMs }, times: Infinity }] }, 'done');
    },
    translateRequests: async () => (await ask({ type: 'requests' }, 'requests')).requests,
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'close' });
      await exited;
    },
  };
}

function nextReply<T extends ServerReply['type']>(child: ChildProcess, type: T): Promise<Extract<ServerReply, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ServerReply) => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message as Extract<ServerReply, { type: T }>);
    };
    const onExit = (code: number | null) => reject(new Error(`The DeepL test server process exited (code ${code}) before answering "${type}".`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
