import type { TokenUsage } from '../engine.ts';
import { buildMessages } from './llm-prompt.ts';

/** Characters per token of English and most European text in OpenAI's tokenizers; other scripts take more tokens. */
export const charactersPerToken = 4;
// A translation runs about as long as its source, German and French a fifth longer; with its id and JSON around it.
const completionRatio = 1.2;
const completionOverheadPerText = 12;

/**
 * Tokens a run would use for these texts, without asking the model: the characters of the messages a request
 * would send (the fixed instructions counted in proportion to how much of a full request the texts fill, the
 * segments' context left out) and of the expected reply, divided by `charactersPerToken`.
 */
export function estimateUsage(texts: readonly string[], maxTextsPerRequest: number): TokenUsage {
  if (texts.length === 0) return { promptTokens: 0, completionTokens: 0 };
  const pair = { source: 'en', target: 'xx' };
  const fixed = buildMessages({ pair, texts: [] }).reduce((sum, message) => sum + message.content.length, 0);
  const segments = buildMessages({ pair, texts }).reduce((sum, message) => sum + message.content.length, 0) - fixed;
  const share = Math.min(1, texts.length / maxTextsPerRequest);
  const sourceCharacters = texts.reduce((sum, text) => sum + text.length, 0);
  return {
    promptTokens: Math.ceil((segments + fixed * share) / charactersPerToken),
    completionTokens: Math.ceil((sourceCharacters * completionRatio + completionOverheadPerText * texts.length) / charactersPerToken),
  };
}
