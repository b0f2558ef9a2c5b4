import { SetupError } from '../../errors.ts';

/** OpenAI's API, for a config that names no other server. */
export const openAiBaseUrl = 'https://api.openai.com/v1';

/** The base URL the LLM engine talks to: `OPENAI_BASE_URL` when set, else `llm.baseURL`, else OpenAI's. */
export function llmBaseUrl(llm: { readonly baseURL?: string }, env: { readonly OPENAI_BASE_URL?: string }): string {
  if (env.OPENAI_BASE_URL) return checkedUrl(env.OPENAI_BASE_URL, 'OPENAI_BASE_URL');
  return llm.baseURL ? checkedUrl(llm.baseURL, 'llm.baseURL') : openAiBaseUrl;
}

// The config's schema checks llm.baseURL too; the environment reaches the engine unchecked otherwise.
function checkedUrl(value: string, source: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.host === '') {
    throw new SetupError(`${source} is "${value}", which is not an http or https URL with a host.`, { hint: 'Give the server\'s base URL with its scheme, such as "http://127.0.0.1:11434/v1".' });
  }
  return value;
}
