import { readdir } from 'node:fs/promises';
import { SetupError } from '../../errors.ts';
import { localEngineLimits, type Engine, type LanguagePair } from '../engine.ts';
import { candidatePairs, debianPackageFor, installHint } from './apertium-pairs.ts';
import { ApertiumProcess } from './apertium-process.ts';
import { integerScanLibrary } from './integer-scan-library.ts';
import { apertiumToTagged } from './apertium-to-tagged.ts';
import { taggedToApertium } from './tagged-to-apertium.ts';

export interface ApertiumOptions {
  /** Pair to use per target language, overriding the one guessed from the codes. */
  readonly pairs?: Readonly<Record<string, string>>;
  readonly modesDir?: string;
  /** Whether the stages run with the integer-scan library, which makes the same translations faster; by default they do. */
  readonly integerScan?: boolean;
}

/** Debian's offline Apertium engine: one long-lived pipeline per language pair. */
export function createApertiumEngine(options: ApertiumOptions = {}): Engine {
  const modesDir = options.modesDir ?? '/usr/share/apertium/modes';
  const processes = new Map<string, ApertiumProcess>();
  let installed: Promise<string[]> | undefined;
  // Asked for when a run first checks a pair, so that a first compile runs while it reads its articles.
  const preload = () => (options.integerScan === false ? Promise.resolve(undefined) : integerScanLibrary());

  const pairFor = async (pair: LanguagePair): Promise<string | undefined> => {
    const pairs = await (installed ??= listInstalledPairs(modesDir));
    const wanted = options.pairs?.[pair.target];
    if (wanted) return pairs.includes(wanted) ? wanted : undefined;
    return candidatePairs(pair.source, pair.target).find((name) => pairs.includes(name));
  };

  const processFor = async (name: string): Promise<ApertiumProcess> => {
    const library = await preload();
    let process = processes.get(name);
    if (!process) processes.set(name, (process = new ApertiumProcess(name, `${modesDir}/${name}.mode`, { preload: library })));
    return process;
  };

  return {
    name: 'apertium',
    limits: localEngineLimits,
    isLocal: true,
    async checkPair(pair): Promise<string | undefined> {
      void preload();
      if (await pairFor(pair)) return undefined;
      const wanted = options.pairs?.[pair.target];
      if (wanted) return `Apertium pair "${wanted}" (apertium.pairs.${pair.target} in the config) is not installed; \`apertium -l\` lists the installed pairs.`;
      return `Apertium has no ${pair.source} → ${pair.target} pair installed. Install it with \`apt-get install ${debianPackageFor(pair.source, pair.target)}\` if Debian has it (English pairs in Debian: eng-spa, eng-cat, en-gl, eo-en, hbs-eng), or use another engine for "${pair.target}".`;
    },
    async translate(texts, pair, translateOptions = {}) {
      const name = await pairFor(pair);
      if (!name) throw new SetupError(String(await this.checkPair(pair)));
      const process = await processFor(name);
      const replies = await process.translate(texts.map((text, index) => taggedToApertium(text, translateOptions.names?.[index])));
      return replies.map((reply, index) => apertiumToTagged(reply, texts[index]));
    },
    async close() {
      await Promise.all([...processes.values()].map((process) => process.close()));
    },
  };
}

// What `apertium -l` lists, read directly: the script takes some 100 ms to start, before any work can.
async function listInstalledPairs(modesDir: string): Promise<string[]> {
  try {
    const files = await readdir(modesDir);
    return files.filter((file) => file.endsWith('.mode')).map((file) => file.slice(0, -'.mode'.length));
  } catch (error) {
    const isMissing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new SetupError(
      isMissing ? `Apertium is not installed: it has no language pairs in ${modesDir}.` : `Apertium's language pairs could not be listed from ${modesDir}: ${(error as Error).message}`,
      { hint: installHint, cause: error },
    );
  }
}
