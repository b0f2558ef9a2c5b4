/** OpenAI's API, for a config that names no other server. */
export const openAiBaseUrl = 'https://api.openai.com/v1';

/** The base URL the LLM engine talks to: `OPENAI_BASE_URL` when set, else `llm.baseURL`, else OpenAI's. */
export function llmBaseUrl(llm: { readonly baseURL?: string }, env: { readonly OPENAI_BASE_URL?: string }): string {
  return env.OPENAI_BASE_URL || llm.baseURL || openAiBaseUrl;
}
