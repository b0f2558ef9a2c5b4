/** Names of the engines a config may ask for. */
export const engineNames = ['apertium', 'deepl', 'llm', 'pseudo', 'copy'] as const;
export type EngineName = (typeof engineNames)[number];

/** What a config or `--engine` may name: an engine, or `auto` (DeepL with a key, else the LLM engine when configured, else Apertium where it has the pair). */
export const engineChoices = [...engineNames, 'auto'] as const;
export type EngineChoice = (typeof engineChoices)[number];
