import type { Engine, EngineReply } from '../engines/engine.ts';

/** The same engine, each request (each try and each split included) started only once `pace` allows it. */
export function pacedEngine(engine: Engine<EngineReply>, pace: () => Promise<void>): Engine<EngineReply> {
  const translate: Engine<EngineReply>['translate'] = async (texts, pair, options) => {
    await pace();
    return engine.translate(texts, pair, options);
  };
  // Delegates everything else to the engine itself, whose methods may rely on their own `this`.
  return new Proxy(engine, {
    get: (target, property) => {
      if (property === 'translate') return translate;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
