import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseTaggedText, stringifyTaggedText, type TaggedNode } from '../../src/markdown/tagged-text.ts';
import { fakeTranslate, readBody, stopServer } from './deepl-test-server.ts';

/** What a fault does to a request it applies to. */
export type OpenAiFault =
  /** Answers with this status and OpenAI's error body; `{key}` in the message is replaced by the key the request sent. */
  | { readonly type: 'status'; readonly status: number; readonly message?: string; readonly code?: string; readonly headers?: Readonly<Record<string, string>> }
  /** Destroys the connection once the request has been read, with no response. */
  | { readonly type: 'reset' }
  /** Answers normally after waiting. */
  | { readonly type: 'delay'; readonly ms: number }
  /** Answers with a body that is not JSON. */
  | { readonly type: 'invalid-json' }
  /** Leaves out the last translation. */
  | { readonly type: 'fewer' }
  /** Adds a translation for an id that was not asked for. */
  | { readonly type: 'extra' }
  /** Answers each segment with its source, untranslated. */
  | { readonly type: 'untranslated' }
  /** Stops the reply at the output limit (`finish_reason: "length"`), in the middle of its JSON. */
  | { readonly type: 'truncated' }
  /** Takes out the first tag of each segment that has one (a pair keeps its words). */
  | { readonly type: 'drop-tag' }
  /** Writes the first tag of each segment that has one twice. */
  | { readonly type: 'duplicate-tag' };

/** When a fault applies: to `times` requests, after letting `after` through; only to requests with a segment holding `match`. */
export interface OpenAiFaultRule {
  readonly fault: OpenAiFault;
  /** Default 1; `Infinity` for every later request. */
  readonly times?: number;
  readonly after?: number;
  /** Text a segment must hold for the rule to count the request; reply faults then change only such segments. */
  readonly match?: string;
}

/** One chat completion request as the server saw it, without its Authorization header. */
export interface OpenAiRecordedRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: ChatBody;
  /** The `text` of each segment of the user message, in order. */
  readonly texts: readonly string[];
  /** The user message's JSON (`titles`, `segments`, `style`, …). */
  readonly payload: Payload;
  /** `json_schema`, `json_object` or `none`. */
  readonly format: string;
  readonly isAuthorized: boolean;
  readonly promptTokens: number;
  completionTokens?: number;
  readonly receivedAt: number;
  /** Status answered, or `reset`; undefined while pending. */
  outcome?: number | 'reset';
}

export interface OpenAiTestServerOptions {
  /** The only key accepted; none by default (a local server). */
  readonly apiKey?: string;
  /** Response formats the server refuses with a 400, as older or local servers do. */
  readonly refusedFormats?: readonly ('json_schema' | 'json_object')[];
  /** Prompt tokens above which a request is refused with OpenAI's context length error. */
  readonly contextTokens?: number;
  /** Milliseconds every answer waits, like a model generating. */
  readonly latencyMs?: number;
  /** Swaps the first two top-level tag pairs of each translation, as a language with another word order would. */
  readonly reorderTags?: boolean;
}

export interface OpenAiTestServer {
  /** Base URL, ending in `/v1`. */
  readonly url: string;
  readonly requests: OpenAiRecordedRequest[];
  /** Replaces the fault rules. */
  set(rules: readonly OpenAiFaultRule[]): void;
  close(): Promise<void>;
}

interface ChatBody {
  readonly model?: string;
  readonly temperature?: number;
  readonly messages?: readonly { role: string; content: string }[];
  readonly response_format?: { type: string };
}

interface Payload {
  readonly targetLanguage?: string;
  readonly titles?: Record<string, string>;
  readonly style?: string;
  readonly examples?: readonly { source: string; target: string }[];
  readonly segments?: readonly { id: string; text: string; title?: string; context?: { before?: string; after?: string }; terms?: readonly { placeholder: string; source: string; target: string; note?: string }[] }[];
}

/** Tokens as the server counts them: a quarter of the characters, rounded up. */
export function countTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * Starts an OpenAI-compatible Chat Completions server on 127.0.0.1 (a random port) that translates like a
 * model asked for JSON (`fakeTranslate`: `[DE] ` and upper case between tags), records every request, counts
 * tokens and misbehaves as told.
 */
export async function startOpenAiTestServer(options: OpenAiTestServerOptions = {}): Promise<OpenAiTestServer> {
  const requests: OpenAiRecordedRequest[] = [];
  let rules: { rule: OpenAiFaultRule; seen: number; fired: number }[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => (timers.delete(timer), run()), ms);
    timers.add(timer);
  };

  const server = createServer((request, response) => {
    void readBody(request).then((raw) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const { authorization, ...headers } = request.headers;
      const sentKey = /^Bearer (.*)$/.exec(authorization ?? '')?.[1] ?? '';
      let body: ChatBody = {};
      try {
        body = JSON.parse(raw.toString('utf8') || '{}') as ChatBody;
      } catch {
        return sendJson(response, 400, { error: { message: 'We could not parse the JSON body of your request.', type: 'invalid_request_error' } });
      }
      const payload = readPayload(body);
      const recorded: OpenAiRecordedRequest = {
        path: url.pathname,
        headers,
        body,
        payload,
        texts: (payload.segments ?? []).map((segment) => segment.text),
        format: body.response_format?.type ?? 'none',
        isAuthorized: options.apiKey === undefined || sentKey === options.apiKey,
        promptTokens: countTokens((body.messages ?? []).map((message) => message.content).join('')),
        receivedAt: Date.now(),
      };
      requests.push(recorded);
      const send = (status: number, json: unknown, extra: Record<string, string> = {}) => {
        recorded.outcome = status;
        sendJson(response, status, json, extra);
      };
      if (!url.pathname.endsWith('/chat/completions')) return send(404, { error: { message: `Unknown path ${url.pathname}`, type: 'invalid_request_error' } });
      const fault = nextFault(recorded.texts);
      const answer = () => {
        if (fault?.fault.type === 'reset') {
          recorded.outcome = 'reset';
          return request.socket.destroy();
        }
        if (fault?.fault.type === 'status') {
          const { status, message, code, headers: extra } = fault.fault;
          return send(status, { error: { message: (message ?? `Fault ${status}`).replaceAll('{key}', sentKey), type: 'server_error', code: code ?? null } }, extra);
        }
        answerChat(recorded, sentKey, fault, send);
      };
      const wait = (options.latencyMs ?? 0) + (fault?.fault.type === 'delay' ? fault.fault.ms : 0);
      if (wait > 0) later(wait, answer);
      else answer();
    });
  });

  const nextFault = (texts: readonly string[]): { fault: OpenAiFault; match?: string } | undefined => {
    let chosen: { fault: OpenAiFault; match?: string } | undefined;
    for (const entry of rules) {
      const { match } = entry.rule;
      if (match !== undefined && !texts.some((text) => text.includes(match))) continue;
      entry.seen++;
      if (!chosen && entry.seen > (entry.rule.after ?? 0) && entry.fired < (entry.rule.times ?? 1)) {
        entry.fired++;
        chosen = { fault: entry.rule.fault, match };
      }
    }
    return chosen;
  };

  const answerChat = (recorded: OpenAiRecordedRequest, sentKey: string, fault: { fault: OpenAiFault; match?: string } | undefined, send: (status: number, json: unknown) => void) => {
    if (!recorded.isAuthorized) {
      // Echoes the key without its prefix, as servers that quote part of it do.
      return send(401, { error: { message: `Incorrect API key provided: ${sentKey.replace(/^sk-/, '')}.`, type: 'invalid_request_error', code: 'invalid_api_key' } });
    }
    if (recorded.format !== 'none' && options.refusedFormats?.includes(recorded.format as 'json_schema')) {
      return send(400, { error: { message: `Invalid parameter: 'response_format' of type '${recorded.format}' is not supported with this model.`, type: 'invalid_request_error', param: 'response_format' } });
    }
    if (options.contextTokens !== undefined && recorded.promptTokens > options.contextTokens) {
      return send(400, {
        error: { message: `This model's maximum context length is ${options.contextTokens} tokens. However, your messages resulted in ${recorded.promptTokens} tokens.`, type: 'invalid_request_error', code: 'context_length_exceeded' },
      });
    }
    const target = (recorded.payload.targetLanguage ?? 'xx').toUpperCase();
    const kind = fault?.fault.type;
    const applies = (text: string) => fault?.match === undefined || text.includes(fault.match);
    let items = (recorded.payload.segments ?? []).map((segment) => {
      let text = kind === 'untranslated' && applies(segment.text) ? segment.text : fakeTranslate(segment.text, target);
      if (options.reorderTags) text = reorderTags(text);
      if (kind === 'drop-tag' && applies(segment.text)) text = changeFirstTag(text, 'drop');
      if (kind === 'duplicate-tag' && applies(segment.text)) text = changeFirstTag(text, 'duplicate');
      return { id: segment.id, text };
    });
    if (kind === 'fewer') items = items.slice(0, -1);
    if (kind === 'extra') items = [...items, { id: String(items.length + 1), text: `[${target}] AN EXTRA LINE` }];
    let content = JSON.stringify({ translations: items });
    if (recorded.format === 'none') content = `Here are the translations:\n\`\`\`json\n${content}\n\`\`\``;
    if (kind === 'invalid-json') content = content.slice(0, Math.floor(content.length / 2));
    if (kind === 'truncated') content = content.slice(0, Math.floor(content.length / 2));
    recorded.completionTokens = countTokens(content);
    send(200, {
      id: `chatcmpl-${requests.length}`,
      object: 'chat.completion',
      created: Math.floor(recorded.receivedAt / 1000),
      model: recorded.body.model ?? 'test-model',
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: kind === 'truncated' ? 'length' : 'stop' }],
      usage: { prompt_tokens: recorded.promptTokens, completion_tokens: recorded.completionTokens, total_tokens: recorded.promptTokens + recorded.completionTokens },
    });
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests,
    set: (next) => (rules = next.map((rule) => ({ rule, seen: 0, fired: 0 }))),
    close: () => stopServer(server, timers),
  };
}

function sendJson(response: ServerResponse, status: number, json: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(json));
}

function readPayload(body: ChatBody): Payload {
  const user = body.messages?.find((message) => message.role === 'user');
  try {
    return JSON.parse(user?.content ?? '{}') as Payload;
  } catch {
    return {};
  }
}

// Another word order: the first two pairs at the top level trade places, each with its words.
function reorderTags(text: string): string {
  const { nodes } = parseTaggedText(text);
  const pairs = nodes.flatMap((node, index) => (node.type === 'pair' ? [index] : []));
  if (pairs.length < 2) return text;
  const swapped: TaggedNode[] = [...nodes];
  [swapped[pairs[0]!], swapped[pairs[1]!]] = [nodes[pairs[1]!]!, nodes[pairs[0]!]!];
  return stringifyTaggedText(swapped);
}

function changeFirstTag(text: string, change: 'drop' | 'duplicate'): string {
  const atom = /<x\d+\/>/.exec(text);
  if (atom) return text.replace(atom[0], change === 'drop' ? '' : `${atom[0]}${atom[0]}`);
  const pair = /<g(\d+)>(.*?)<\/g\1>/.exec(text);
  if (!pair) return text;
  return text.replace(pair[0], change === 'drop' ? pair[2]! : `${pair[0]}${pair[0]}`);
}
