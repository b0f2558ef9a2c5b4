import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectReadmes } from '../../scripts/corpus/collect-readmes.ts';
import { createApertiumEngine } from '../../src/engines/apertium/apertium-engine.ts';
import { buildIntegerScan, integerScanLibrary } from '../../src/engines/apertium/integer-scan-library.ts';
import { resolveConfig } from '../../src/config/resolve-config.ts';
import type { UserConfig } from '../../src/config/schema.ts';
import { createEngine } from '../../src/engines/create-engine.ts';
import type { LanguagePair } from '../../src/engines/engine.ts';
import { segmentMarkdown } from '../../src/markdown/segment-markdown.ts';
import { segmentOptions } from '../../src/markdown/segment-options.ts';
import { descendants } from '../support/processes.ts';

const run = promisify(execFile);
const timeout = 180_000;
const nodeModules = fileURLToPath(new URL('../../node_modules', import.meta.url));
const maxSampleBytes = 150_000;
const comparer = fileURLToPath(new URL('./fixtures/compare-integer-scan.c', import.meta.url));

let folder: string;
let library: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'jialing-integer-scan-'));
  const built = await buildIntegerScan(folder);
  if (!built) throw new Error('the integer-scan library did not compile: these tests need a C compiler (`apt-get install gcc libc6-dev`)');
  library = built;
}, timeout);

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the integer-scan library', () => {
  it('is compiled once, then found where it was left', async () => {
    const { mtimeMs } = await stat(library);
    expect(await buildIntegerScan(folder)).toBe(library);
    expect((await stat(library)).mtimeMs).toBe(mtimeMs);
  });

  it('leaves nothing behind and answers undefined when it cannot be compiled', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'jialing-integer-scan-none-'));
    try {
      expect(await buildIntegerScan(empty, 'no-such-compiler')).toBeUndefined();
      expect(await readdir(empty)).toEqual([]);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it(
    'reads every text as ICU reads it, numbers of tags and all else',
    async () => {
      // ICU's u_sscanf: its file, and the major version its names carry.
      // By its path: /sbin is not on every user's PATH.
      const { stdout: known } = await run('/sbin/ldconfig', ['-p']);
      const icu = /=> (\S*libicuio\.so\.(\d+))$/m.exec(known);
      if (!icu) throw new Error('ICU (libicuio) is not installed; Apertium needs it');
      const program = path.join(folder, 'compare-integer-scan');
      await run('cc', ['-O2', `-DSCAN=u_sscanf_${icu[2]}`, '-o', program, comparer, icu[1]!, '-ldl']);
      // What postchunk reads (the text after a tag's `<`), and texts ICU reads in ways of its own: signs, spaces,
      // separators, exponents, other digits, overflow, nothing at all.
      const texts = ['3', '3>', '3><4>$}', '12>$ ^ver<vblex><inf>$}', '0', '007>', '123456789>', '1234567890>', '99999999999>', '', '>', '-3', '+3', ' 3>', '3 ', '3.5>', '3,500>', '3e2', '3E2>', '3$', 'x3', '٣>', '３>', '1,234>'];
      const { stdout } = await run(program, [icu[1]!, ...texts], { env: { ...process.env, LD_PRELOAD: library } });
      const [caller, ...lines] = stdout.trim().split('\n');
      expect(caller).toBe(library);
      expect(lines).toHaveLength(texts.length);
      const answers = lines.map((line, index) => {
        const [preloadResult, preloadNumber, icuResult, icuNumber] = line.split(' ');
        return { text: texts[index], preload: `${preloadResult} ${preloadNumber}`, icu: `${icuResult} ${icuNumber}` };
      });
      expect(answers.filter((answer) => answer.preload !== answer.icu)).toEqual([]);
      expect(answers.find((answer) => answer.text === '3><4>$}')?.preload).toBe('1 3');
    },
    timeout,
  );
});

describe('Apertium with the integer-scan library', () => {
  let texts: string[];

  beforeAll(async () => {
    // Paragraphs, headings and list items of the installed packages' READMEs, as the pipeline segments them, up
    // to the largest sample a test takes.
    const unique = new Set<string>();
    let bytes = 0;
    for (const { text } of await collectReadmes(nodeModules)) {
      if (bytes >= maxSampleBytes) break;
      for (const segment of segmentMarkdown(text, segmentOptions([])).segments) {
        if (!segment.isTranslatable || unique.has(segment.text)) continue;
        unique.add(segment.text);
        bytes += Buffer.byteLength(segment.text);
      }
    }
    texts = [...unique];
    // Without the library both engines below would run Apertium as installed, and agree for nothing.
    expect(await integerScanLibrary()).toBeDefined();
  }, timeout);

  async function translateWith(isPreloaded: boolean, sample: readonly string[], pair: LanguagePair): Promise<string[]> {
    const engine = createApertiumEngine({ integerScan: isPreloaded });
    try {
      return await engine.translate(sample, pair);
    } finally {
      await engine.close();
    }
  }

  it.each([
    { target: 'es', bytes: maxSampleBytes },
    { target: 'ca', bytes: 60_000 },
  ])(
    'translates READMEs of installed packages into $target as Apertium does without it',
    async ({ target, bytes }) => {
      const sample = upTo(texts, bytes);
      expect(sample.length).toBeGreaterThan(300);
      const pair = { source: 'en', target };
      const [preloaded, asInstalled] = [await translateWith(true, sample, pair), await translateWith(false, sample, pair)];
      expect(preloaded).toHaveLength(sample.length);
      const differing = sample.flatMap((text, index) => (preloaded[index] === asInstalled[index] ? [] : [{ text, preloaded: preloaded[index], asInstalled: asInstalled[index] }]));
      expect(differing).toEqual([]);
    },
    timeout,
  );

  it(
    'starts the pipeline\'s stages with it, and without it when the config says `apertium.integerScan: false`',
    async () => {
      const stagesMapping = async (apertium: UserConfig['apertium']): Promise<boolean[]> => {
        const config = resolveConfig({ targetLanguages: ['es'], apertium }, path.join(folder, 'pipeline.config.json'));
        const engine = await createEngine('apertium', config, {});
        try {
          await engine.translate(['The port authority opened a new station.'], { source: 'en', target: 'es' });
          const stages = (await descendants()).filter((info) => info.command.startsWith('apertium-postch'));
          // Read before the engine closes, which stops the stages.
          return await Promise.all(stages.map(async (info) => (await readFile(`/proc/${info.pid}/maps`, 'utf8')).includes('apertium-integer-scan-')));
        } finally {
          await engine.close();
        }
      };
      expect(await stagesMapping(undefined)).toEqual([true]);
      expect(await stagesMapping({ integerScan: false })).toEqual([false]);
    },
    timeout,
  );
});

/** The first texts, in order, up to `bytes` of text. */
function upTo(texts: readonly string[], bytes: number): string[] {
  const sample: string[] = [];
  let total = 0;
  for (const text of texts) {
    if (total >= bytes) break;
    sample.push(text);
    total += Buffer.byteLength(text);
  }
  return sample;
}
