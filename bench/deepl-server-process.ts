/**
 * The DeepL test server in a process of its own (`fork` with IPC), so that answering requests does not take
 * CPU time from the pipeline being measured, as a real DeepL server would not.
 */
import { startDeeplTestServer, type DeeplFaultRule } from '../tests/support/deepl-test-server.ts';

/** Messages the benchmark sends to the server process. */
export type ServerCommand = { readonly type: 'set'; readonly rules: readonly DeeplFaultRule[] } | { readonly type: 'requests' } | { readonly type: 'close' };

/** A translate request as the benchmark needs it. */
export interface ServedRequest {
  readonly texts: readonly string[];
  readonly receivedAt: number;
  readonly outcome?: number | 'reset';
}

/** Messages the server process sends back. */
export type ServerReply = { readonly type: 'ready'; readonly url: string } | { readonly type: 'done' } | { readonly type: 'requests'; readonly requests: readonly ServedRequest[] };

const authKey = process.argv[2];
const server = await startDeeplTestServer(authKey ? { authKey } : {});
const reply = (message: ServerReply) => process.send!(message);
process.on('message', (command: ServerCommand) => {
  if (command.type === 'set') {
    // IPC carries JSON, which turns Infinity into null.
    server.set(command.rules.map((rule) => ({ ...rule, times: rule.times ?? Infinity })));
    reply({ type: 'done' });
  } else if (command.type === 'requests') {
    reply({ type: 'requests', requests: server.translateRequests().map(({ texts, receivedAt, outcome }) => ({ texts, receivedAt, outcome })) });
  } else {
    void server.close().then(() => process.disconnect());
  }
});
reply({ type: 'ready', url: server.url });
