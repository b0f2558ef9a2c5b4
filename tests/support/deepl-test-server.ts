import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a fault does to a request it applies to. */
export type DeeplFault =
  /** Answers with this status and `{"message": …}`; `{key}` in the message is replaced by the key the request sent. */
  | { readonly type: 'status'; readonly status: number; readonly retryAfter?: string; readonly message?: string }
  /** Destroys the connection once the request has been read, with no response. */
  | { readonly type: 'reset' }
  /** Answers normally after waiting. */
  | { readonly type: 'delay'; readonly ms: number };

/** When a fault applies: to `times` requests on `path`, after letting `after` of them through. */
export interface DeeplFaultRule {
  readonly fault: DeeplFault;
  /** Default 1; `Infinity` for every later request. */
  readonly times?: number;
  /** Matching requests answered normally before the fault starts; default 0. */
  readonly after?: number;
  /** Default `/v2/translate`. */
  readonly path?: string;
}

/** One request as the server saw it, without its Authorization header. */
export interface DeeplRecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** Query and body fields, each with all its values in order. */
  readonly fields: Readonly<Record<string, string[]>>;
  readonly texts: readonly string[];
  readonly bodyBytes: number;
  readonly isAuthorized: boolean;
  /** When the request arrived (ms since the epoch). */
  readonly receivedAt: number;
  /** Status answered, or `reset`; undefined while the request is pending. */
  outcome?: number | 'reset';
}

export interface DeeplTestServerOptions {
  /** The only key accepted; default `secret-test-key-123`. */
  readonly authKey?: string;
  /** Target codes listed and accepted (upper case); default a subset of DeepL's 2025 list. */
  readonly targetLanguages?: readonly string[];
  /** Changes each translation before it is sent, as a DeepL-compatible server that mishandles tags would. */
  readonly rewrite?: (translation: string) => string;
}

export interface DeeplTestServer {
  readonly url: string;
  readonly requests: DeeplRecordedRequest[];
  /** Requests to `/v2/translate` only. */
  translateRequests(): DeeplRecordedRequest[];
  /** Replaces the fault rules. */
  set(rules: readonly DeeplFaultRule[]): void;
  close(): Promise<void>;
}

const formalTargets = new Set(['DE', 'ES', 'ES-419', 'FR', 'IT', 'JA', 'NL', 'PL', 'PT-BR', 'PT-PT', 'RU']);
const defaultTargets = ['AR', 'BG', 'CS', 'DA', 'DE', 'EL', 'EN-GB', 'EN-US', 'ES', 'ES-419', 'FR', 'IT', 'JA', 'KO', 'NL', 'PL', 'PT-BR', 'PT-PT', 'RU', 'SV', 'TR', 'UK', 'ZH', 'ZH-HANS', 'ZH-HANT'];
const sources = ['AR', 'BG', 'CS', 'DA', 'DE', 'EL', 'EN', 'ES', 'FR', 'IT', 'JA', 'KO', 'NL', 'PL', 'PT', 'RU', 'SV', 'TR', 'UK', 'ZH'];
const maxBodyBytes = 128 * 1024;
const xmlToken = /(<\/?([a-zA-Z][\w.-]*)\s*(\/?)>)|(&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)|([^<&]+)|([<&])/g;

/**
 * The fake translation: `[DE] ` before the text and the text between tags upper-cased, tags, entities
 * and the content of ignored tags kept exactly. Obviously translated, deterministic, tag-preserving.
 */
export function fakeTranslate(text: string, target: string, ignoreTags: readonly string[] = []): string {
  let ignored = 0;
  const body = text.replace(xmlToken, (whole, tag: string | undefined, name: string | undefined, selfClosing: string) => {
    if (tag && ignoreTags.includes(name!) && !selfClosing) ignored += tag.startsWith('</') ? -1 : 1;
    return tag || whole.startsWith('&') || ignored > 0 ? whole : whole.toUpperCase();
  });
  return `[${target}] ${body}`;
}

/** Whether text is a well-formed XML fragment, as DeepL's `tag_handling=xml` requires. */
export function isWellFormedXml(text: string): boolean {
  const open: string[] = [];
  for (const [, tag, name, selfClosing, , , stray] of text.matchAll(xmlToken)) {
    if (stray) return false;
    if (!tag || selfClosing) continue;
    if (!tag.startsWith('</')) open.push(name!);
    else if (open.pop() !== name) return false;
  }
  return open.length === 0;
}

/** Starts a DeepL-compatible API on 127.0.0.1 (a random port) that records every request and injects faults. */
export async function startDeeplTestServer(options: DeeplTestServerOptions = {}): Promise<DeeplTestServer> {
  const authKey = options.authKey ?? 'secret-test-key-123';
  const targets = options.targetLanguages ?? defaultTargets;
  const requests: DeeplRecordedRequest[] = [];
  let rules: { rule: DeeplFaultRule; seen: number; fired: number }[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const fields = parseFields(url.searchParams, body, request.headers['content-type']);
      const { authorization, ...headers } = request.headers;
      const sentKey = /^DeepL-Auth-Key (.*)$/.exec(authorization ?? '')?.[1] ?? '';
      const recorded: DeeplRecordedRequest = {
        method: request.method ?? 'GET', path: url.pathname, headers, fields, texts: fields['text'] ?? [], bodyBytes: body.length, isAuthorized: sentKey === authKey, receivedAt: Date.now(),
      };
      requests.push(recorded);
      const send = (status: number, json: unknown, extraHeaders: Record<string, string> = {}) => {
        recorded.outcome = status;
        response.writeHead(status, { 'Content-Type': 'application/json', ...extraHeaders }).end(JSON.stringify(json));
      };
      const fault = nextFault(url.pathname);
      if (fault?.type === 'reset') {
        recorded.outcome = 'reset';
        request.socket.destroy();
      } else if (fault?.type === 'status') {
        const message = (fault.message ?? `Fault ${fault.status}`).replaceAll('{key}', sentKey);
        send(fault.status, { message }, fault.retryAfter === undefined ? {} : { 'Retry-After': fault.retryAfter });
      } else {
        const answer = () => answerRequest(recorded, sentKey, send);
        if (fault?.type !== 'delay') return answer();
        const timer = setTimeout(() => (timers.delete(timer), answer()), fault.ms);
        timers.add(timer);
      }
    });
  });

  const nextFault = (path: string): DeeplFault | undefined => {
    let chosen: DeeplFault | undefined;
    for (const entry of rules) {
      if ((entry.rule.path ?? '/v2/translate') !== path) continue;
      entry.seen++;
      if (!chosen && entry.seen > (entry.rule.after ?? 0) && entry.fired < (entry.rule.times ?? 1)) {
        entry.fired++;
        chosen = entry.rule.fault;
      }
    }
    return chosen;
  };

  const answerRequest = (recorded: DeeplRecordedRequest, sentKey: string, send: (status: number, json: unknown) => void) => {
    if (!recorded.isAuthorized) return send(403, { message: `Wrong key "${sentKey}"` });
    const field = (name: string) => recorded.fields[name]?.[0];
    if (recorded.path === '/v2/usage') return send(200, { character_count: 0, character_limit: 500_000 });
    if (recorded.path === '/v2/languages') {
      if (field('type') === 'target') return send(200, targets.map((code) => ({ language: code, name: code, supports_formality: formalTargets.has(code) })));
      return send(200, sources.map((code) => ({ language: code, name: code })));
    }
    if (recorded.path !== '/v2/translate') return send(404, { message: 'Not found' });
    if (recorded.bodyBytes > maxBodyBytes) return send(413, { message: `Request body of ${recorded.bodyBytes} bytes exceeds ${maxBodyBytes}` });
    if (recorded.texts.length > 50) return send(413, { message: `Too many texts: ${recorded.texts.length}, at most 50` });
    if (recorded.texts.length === 0 || recorded.texts.some((text) => text === '')) return send(400, { message: "Parameter 'text' is empty" });
    const target = field('target_lang')?.toUpperCase() ?? '';
    if (!targets.includes(target)) return send(400, { message: "Value for 'target_lang' not supported." });
    if (field('tag_handling') === 'xml' && !recorded.texts.every(isWellFormedXml)) return send(400, { message: 'Tag handling parsing failed, please check input.' });
    const ignoreTags = field('ignore_tags')?.split(',') ?? [];
    send(200, {
      translations: recorded.texts.map((text) => ({
        detected_source_language: field('source_lang')?.toUpperCase() ?? 'EN',
        text: (options.rewrite ?? ((translation: string) => translation))(fakeTranslate(text, target, ignoreTags)),
        billed_characters: [...text.replace(/<[^>]*>/g, '')].length,
      })),
    });
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    translateRequests: () => requests.filter((request) => request.path === '/v2/translate'),
    set: (next) => (rules = next.map((rule) => ({ rule, seen: 0, fired: 0 }))),
    close: () => stopServer(server, timers),
  };
}

/** Stops a test server at once: pending timers cleared, open connections dropped. */
export function stopServer(server: Server, timers: ReadonlySet<NodeJS.Timeout>): Promise<void> {
  return new Promise<void>((resolve) => {
    for (const timer of timers) clearTimeout(timer);
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** The whole body of a request, or what arrived of it before an error. */
export function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', () => resolve(Buffer.concat(chunks)));
  });
}

// deepl-node sends form bodies for text translation and JSON for some newer endpoints; both become fields.
function parseFields(query: URLSearchParams, body: Buffer, contentType: string | undefined): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  const add = (name: string, value: unknown) => (fields[name] ??= []).push(String(value));
  for (const [name, value] of query) add(name, value);
  if (contentType?.startsWith('application/json')) {
    const json = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
    for (const [name, value] of Object.entries(json)) for (const item of [value].flat()) add(name, item);
  } else {
    for (const [name, value] of new URLSearchParams(body.toString('utf8'))) add(name, value);
  }
  return fields;
}
