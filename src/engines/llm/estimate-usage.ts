import type { TokenUsage } from '../engine.ts';
import { buildMessages } from './llm-prompt.ts';

/** Characters per token of English and most European text in OpenAI's tokenizers; other scripts take more tokens. */
export const charactersPerToken = 4;
// A translation runs about as long as its source, German and French a fifth longer; with its id and JSON around it.
const completionRatio = 1.2;
const completionOverheadPerText = 12;

/**
 * Tokens that sending these texts in `requests` requests would use, without asking the model: the characters of
 * the messages (the fixed instructions once per request, the segments' context left out) and of the expected
 * reply, divided by `charactersPerToken`.
 */
export function estimateUsage(texts: readonly string[], requests: number): TokenUsage {
  const pair = { source: 'en', target: 'xx' };
  const fixed = buildMessages({ pair, texts: [] }).reduce((sum, message) => sum + message.content.length, 0);
  const segments = texts.length === 0 ? 0 : buildMessages({ pair, texts }).reduce((sum, message) => sum + message.content.length, 0) - fixed;
  const sourceCharacters = texts.reduce((sum, text) => sum + text.length, 0);
  return {
    promptTokens: Math.ceil((segments + fixed * requests) / charactersPerToken),
    completionTokens: Math.ceil((sourceCharacters * completionRatio + completionOverheadPerText * texts.length) / charactersPerToken),
  };
}
