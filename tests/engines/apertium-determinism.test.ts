import { afterEach, describe, expect, it } from 'vitest';
import { createApertiumEngine } from '../../src/engines/apertium/apertium-engine.ts';
import type { Engine, LanguagePair } from '../../src/engines/engine.ts';

const timeout = 120_000;
const es = { source: 'en', target: 'es' } as const;
const ca = { source: 'en', target: 'ca' } as const;

// Each of these has a word ("I", "Windows", "known", "included") whose set of tags Apertium's English tagger was
// not trained on: meeting one changes how the tagger reads every unknown word after it. In the last two, unknown
// words come before that word, right before it in the last.
const changing = [
  'If I want to run the tests, I use the CLI.',
  'It runs on Linux, macOS and Windows.',
  'Some of the known issues are listed below.',
  'Both files are included in the package.',
  'Zorb and Blix are included in the package.',
  'It also runs on Blix Windows.',
];
// Segments whose translation changed after one of the above, before each segment got a tagger in a fresh state.
const affected = [
  'Use Zorb as simple argument parser:',
  'Some tools and ES6 linters need this form:',
  'Some plugins need this option.',
  'Invalid URL given to the zorb request.',
  '<g1>Custom fetch</g1>',
  '<g1>Local setup</g1>',
  '<g1>Multiple interceptors</g1>',
];

let engines: Engine[] = [];

afterEach(async () => {
  await Promise.all(engines.map((engine) => engine.close()));
  engines = [];
});

function startEngine(): Engine {
  const engine = createApertiumEngine();
  engines.push(engine);
  return engine;
}

/** Each text translated alone by an engine started for it. */
async function aloneInFreshEngines(texts: readonly string[], pair: LanguagePair): Promise<string[]> {
  const translations: string[] = [];
  for (const text of texts) {
    const engine = createApertiumEngine();
    try {
      translations.push((await engine.translate([text], pair))[0]!);
    } finally {
      await engine.close();
    }
  }
  return translations;
}

describe('an Apertium translation depends on its segment only', () => {
  it(
    'translates a segment after segments that change the tagger as a fresh engine translates it alone',
    async () => {
      const expected = await aloneInFreshEngines([...changing, ...affected], es);
      const engine = startEngine();

      const together = await engine.translate([...changing, ...affected], es);
      const reversed = await engine.translate([...changing, ...affected].reverse(), es);
      const oneByOne = [];
      for (const text of [...changing, ...affected]) oneByOne.push((await engine.translate([text], es))[0]);

      expect(together).toEqual(expected);
      expect(reversed).toEqual([...expected].reverse());
      expect(oneByOne).toEqual(expected);
      expect(together[changing.length]).toBe('Uso Zorb como riña sencilla parser:');
    },
    timeout,
  );

  it(
    'gives the same translations whatever the order and grouping of the requests in flight',
    async () => {
      const texts = [...changing, ...affected];
      const expected = await aloneInFreshEngines(texts, es);
      const engine = startEngine();
      // Interleaved: every affected paragraph follows every changing one in some request.
      const requests = affected.map((text, index) => [changing[index % changing.length]!, text, ...changing.slice(0, index)]);

      const answers = await Promise.all(requests.map((request) => engine.translate(request, es)));

      answers.forEach((answer, requestIndex) => {
        expect(answer).toEqual(requests[requestIndex]!.map((text) => expected[texts.indexOf(text)]));
      });
    },
    timeout,
  );

  it(
    'keeps a segment whose last sentence has no full stop from running on into the next segment',
    async () => {
      for (const pair of [es, ca]) {
        const [expected] = await aloneInFreshEngines(['Convert to ESLint formatter compatible output'], pair);
        const engine = startEngine();

        const [, next] = await engine.translate(['Count messages per category: failures, warnings, etc', 'Convert to ESLint formatter compatible output'], pair);

        expect(next).toBe(expected);
      }
    },
    timeout,
  );

  it(
    'adds no full stop of its own when Catalan moves inline code to the end',
    async () => {
      const engine = startEngine();

      const [executor, windows] = await engine.translate(
        ['You can also pass an executor function to the <x1/> constructor:', 'On Windows the environment variable is set using the <x1/> command.'],
        ca,
      );

      expect(executor).not.toContain(':.');
      expect(windows).not.toContain('..');
      expect(windows!.split('.')).toHaveLength(2);
    },
    timeout,
  );
});
