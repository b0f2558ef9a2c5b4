import type { ResolvedConfig } from '../config/resolve-config.ts';
import type { EngineName } from '../config/schema.ts';
import { createApertiumEngine } from './apertium/apertium-engine.ts';
import { createCopyEngine } from './copy-engine.ts';
import type { Engine } from './engine.ts';
import { createPseudoEngine } from './pseudo-engine.ts';

const factories: Record<EngineName, (config: ResolvedConfig) => Engine> = {
  apertium: (config) => createApertiumEngine({ pairs: config.apertiumPairs }),
  pseudo: () => createPseudoEngine(),
  copy: () => createCopyEngine(),
};

/** Creates the engine a config names. */
export function createEngine(name: EngineName, config: ResolvedConfig): Engine {
  return factories[name](config);
}
