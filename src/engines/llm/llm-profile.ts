import type { ParsedConfig } from '../../config/schema.ts';
import { llmPromptVersion } from './llm-prompt.ts';
import { styleOf } from './style-of.ts';

/**
 * What makes the LLM engine's translations of one language what they are: the server's host, the model, the
 * temperature, the prompt's version and the language's style guide. The key and the path of the URL are left out.
 */
export function llmProfile(llm: ParsedConfig['llm'], baseUrl: string, language: string): string {
  const { style, examples } = styleOf(llm, { source: '', target: language });
  return `llm:${JSON.stringify({ host: new URL(baseUrl).host, model: llm.model ?? '', temperature: llm.temperature, prompt: llmPromptVersion, style, examples })}`;
}
