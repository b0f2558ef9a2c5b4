import type pg from 'pg';
import type { EngineName } from '../config/engine-choices.ts';
import type { ResolvedConfig } from '../config/resolve-config.ts';
import { createEngine, type EngineEnvironment } from '../engines/create-engine.ts';
import { llmBaseUrl } from '../engines/llm/llm-base-url.ts';
import { hashText } from '../pipeline/article-state.ts';
import { shareEngine, type EngineSource, type SharedEngine } from '../pipeline/prepare-targets.ts';
import { createRequestPacer } from './pace-requests.ts';
import { pacedEngine } from './paced-engine.ts';

/** A worker's engines, created once and kept across its jobs (an Apertium process, a DeepL client), and how to close them. */
export interface WorkerEngines {
  readonly source: EngineSource;
  close(): Promise<void>;
}

/**
 * Creates each engine once, on the first job needing it. With `queue.requestsPerSecond`, the requests of a paid
 * engine are paced per account, with every worker on the database: the key is a hash of the engine's credentials
 * and server, so the secret itself is never stored.
 */
export function createWorkerEngines(config: ResolvedConfig, env: EngineEnvironment, pool: pg.Pool): WorkerEngines {
  const engines = new Map<EngineName, Promise<SharedEngine>>();
  const create = async (name: EngineName): Promise<SharedEngine> => {
    const engine = await createEngine(name, config, env);
    const account = accountOf(name, config, env);
    const rate = config.queue.requestsPerSecond;
    return shareEngine(rate && account ? pacedEngine(engine, createRequestPacer(pool, `${name}:${hashText(account)}`, rate)) : engine);
  };
  return {
    source: (name) => {
      let shared = engines.get(name);
      if (!shared) engines.set(name, (shared = create(name)));
      return shared;
    },
    close: async () => {
      const created = await Promise.allSettled(engines.values());
      await Promise.all(created.flatMap((result) => (result.status === 'fulfilled' ? [result.value.engine.close()] : [])));
    },
  };
}

// What identifies the account a paid engine bills; engines that run on this machine are never paced.
function accountOf(name: EngineName, config: ResolvedConfig, env: EngineEnvironment): string | undefined {
  if (name === 'deepl') return `${env.DEEPL_SERVER_URL ?? ''}\n${env.DEEPL_AUTH_KEY ?? ''}`;
  if (name === 'llm') return `${llmBaseUrl(config.llm, env) ?? ''}\n${env[config.llm.apiKeyVariable] ?? ''}`;
  return undefined;
}
