import type { LanguagePair, TextHints } from '../engine.ts';

/**
 * Counts changes to what the model is told; part of the engine profile, so that a new prompt means new
 * translations rather than a memory that mixes replies to two prompts.
 */
export const llmPromptVersion = 1;

/** How the reply's JSON is asked for: by schema, by JSON mode, or by the prompt alone. */
export type LlmFormat = 'json_schema' | 'json_object' | 'prompt';

/** A translation example from the config's style guide. */
export interface LlmExample {
  readonly source: string;
  readonly target: string;
}

/** Everything one request tells the model. */
export interface LlmRequest {
  readonly pair: LanguagePair;
  readonly texts: readonly string[];
  /** One per text (may be shorter: the rest have none). */
  readonly hints?: readonly (TextHints | undefined)[];
  readonly style?: string;
  readonly examples?: readonly LlmExample[];
}

export interface ChatMessage {
  readonly role: 'system' | 'user';
  readonly content: string;
}

/** The JSON schema of a reply, for servers with structured output. */
export const replySchema = {
  type: 'object',
  properties: {
    translations: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: { type: 'string' }, text: { type: 'string' } },
        required: ['id', 'text'],
        additionalProperties: false,
      },
    },
  },
  required: ['translations'],
  additionalProperties: false,
} as const;

const instructions = (pair: LanguagePair) => `You are a professional translator of technical articles written in markdown. Translate from language "${pair.source}" into language "${pair.target}".

The user message is a JSON object. Translate the "text" of every item of "segments", and nothing else:
- "titles" (each segment's article, by number) and each segment's "context" (the text just before and after it) only help you understand; never translate them into the answer.
- Segments are tagged text. <gN>…</gN> wrap formatted words (emphasis, links, code): keep every pair exactly once, around the words it wraps in your translation; you may move a pair where the target language puts those words. Pairs must stay well nested.
- <xN/> stands for content that is written back unchanged after translation (code, URLs, names): keep each exactly once and never translate what it stands for.
- A segment's "terms" say which glossary term an <xN/> stands for and how it will be written in the target language: keep the placeholder and make the words around it agree with that form.
- Keep the escapes &lt; &gt; &amp; as they are. Keep the meaning, the numbers and the punctuation style; add nothing.
- Follow "style" and the "examples" when they are given.

Answer with JSON only, in this shape: {"translations":[{"id":"1","text":"…"}]}, one item per segment id, in the same order, and no other ids.`;

/** The chat messages of one request: fixed instructions, then the request's data as JSON. */
export function buildMessages(request: LlmRequest): ChatMessage[] {
  // A request may hold segments of several articles: each title is sent once and numbered.
  const titles = [...new Set(request.texts.flatMap((_, index) => request.hints?.[index]?.title ?? []))];
  const payload = {
    sourceLanguage: request.pair.source,
    targetLanguage: request.pair.target,
    ...(titles.length > 0 ? { titles: Object.fromEntries(titles.map((title, index) => [String(index + 1), title])) } : {}),
    ...(request.style ? { style: request.style } : {}),
    ...(request.examples && request.examples.length > 0 ? { examples: request.examples } : {}),
    segments: request.texts.map((text, index) => segmentOf(text, index, request.hints?.[index], titles)),
  };
  return [
    { role: 'system', content: instructions(request.pair) },
    { role: 'user', content: JSON.stringify(payload) },
  ];
}

function segmentOf(text: string, index: number, hints: TextHints | undefined, titles: readonly string[]): object {
  const title = hints?.title ? { title: String(titles.indexOf(hints.title) + 1) } : {};
  const context = hints && (hints.before || hints.after) ? { context: { ...(hints.before ? { before: hints.before } : {}), ...(hints.after ? { after: hints.after } : {}) } } : {};
  const terms = hints?.terms && hints.terms.length > 0
    ? { terms: hints.terms.map((term) => ({ placeholder: `<x${term.id}/>`, source: term.source, target: term.target, ...(term.note ? { note: term.note } : {}) })) }
    : {};
  return { id: String(index + 1), text, ...title, ...context, ...terms };
}
