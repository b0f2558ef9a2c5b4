import { AsyncLocalStorage } from 'node:async_hooks';
import { subscribe } from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';

/** What the HTTP layer saw of the last response of one call, which deepl-node does not pass on. */
export interface ObservedResponse {
  status?: number;
  retryAfter?: string;
}

const calls = new AsyncLocalStorage<ObservedResponse>();
const owners = new WeakMap<ClientRequest, ObservedResponse>();
let isSubscribed = false;

/**
 * Runs `call` and records in `observed` the status and `Retry-After` of each HTTP response it gets.
 * deepl-node drops response headers before it throws, and its axios instance is private, so the
 * response is read from Node's `http.client.*` diagnostics channels. The request is tied to its call
 * when it starts, inside the call's async context; the response arrives on the socket's context
 * (keep-alive sockets are shared), hence the map from request to call.
 */
export function observeResponses<T>(observed: ObservedResponse, call: () => Promise<T>): Promise<T> {
  subscribeOnce();
  return calls.run(observed, call);
}

function subscribeOnce(): void {
  if (isSubscribed) return;
  isSubscribed = true;
  subscribe('http.client.request.start', (message) => {
    const observed = calls.getStore();
    if (observed) owners.set((message as { request: ClientRequest }).request, observed);
  });
  subscribe('http.client.response.finish', (message) => {
    const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
    const observed = owners.get(request);
    if (!observed) return;
    observed.status = response.statusCode;
    const retryAfter = response.headers['retry-after'];
    observed.retryAfter = Array.isArray(retryAfter) ? retryAfter[0] : retryAfter;
  });
}
