import { afterEach, describe, expect, it } from 'vitest';
import { createApertiumEngine } from '../../src/engines/apertium/apertium-engine.ts';
import { apertiumToTagged } from '../../src/engines/apertium/apertium-to-tagged.ts';
import { taggedToApertium } from '../../src/engines/apertium/tagged-to-apertium.ts';
import type { Engine } from '../../src/engines/engine.ts';
import { descendants, isRunning, processes } from '../support/processes.ts';

const timeout = 60_000;
const es = { source: 'en', target: 'es' } as const;
const ca = { source: 'en', target: 'ca' } as const;

let engine: Engine | undefined;

afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

const count = (text: string, part: string) => text.split(part).length - 1;

describe('createApertiumEngine', () => {
  it(
    'translates a batch into Spanish and into Catalan for real',
    async () => {
      engine = createApertiumEngine();
      const texts = ['The city is big.', 'The house is red.', 'Hello world'];

      expect(await engine.translate(texts, es)).toEqual(['La ciudad es grande.', 'La casa es roja.', 'Hola Mundo']);
      expect(await engine.translate(texts, ca)).toEqual(['La ciutat és gran.', 'La casa és vermell.', 'Hola món']);
    },
    timeout,
  );

  it(
    'keeps the final full stop of a segment and adds none to a segment without one',
    async () => {
      engine = createApertiumEngine();

      const [withStop, withoutStop, twoSentences] = await engine.translate(['The city is big.', 'The city is big', 'The city is big. The house is red.'], es);

      expect(withStop).toBe('La ciudad es grande.');
      expect(withoutStop).toBe('La ciudad es grande');
      expect(twoSentences).toBe('La ciudad es grande. La casa es roja.');
    },
    timeout,
  );

  it(
    'returns every <gN>…</gN> pair and <xN/> atom exactly once, around the translated words',
    async () => {
      engine = createApertiumEngine();
      const texts = [
        'The <g1>city</g1> is big.',
        'The house<x1/> is red.',
        'The city is <g1>very <g2>big</g2></g1>.',
        'The <g1>red house</g1> and the <g2>big city</g2>.',
        'The <g1>city</g1> has <x2/> houses<x3/>.',
      ];

      const spanish = await engine.translate(texts, es);
      const catalan = await engine.translate(texts, ca);

      expect(spanish).toEqual([
        'La <g1>ciudad</g1> es grande.',
        'La casa<x1/> es roja.',
        'La ciudad es <g1>muy <g2>grande</g2></g1>.',
        'La <g1>casa roja</g1> y la <g2>ciudad grande</g2>.',
        expect.stringMatching(/^La <g1>ciudad<\/g1> .*<x2\/>.*<x3\/>\.$/),
      ]);
      expect(catalan.slice(0, 4)).toEqual([
        '<g1>La ciutat</g1> és gran.',
        'La casa<x1/> és vermell.',
        'La ciutat és <g1>molt <g2>gran</g2></g1>.',
        '<g1>La casa vermella</g1> i <g2>la ciutat gran</g2>.',
      ]);
      for (const [index, text] of [...spanish, ...catalan].entries()) {
        const source = texts[index % texts.length]!;
        for (const tag of ['<g1>', '</g1>', '<g2>', '</g2>', '<x1/>', '<x2/>', '<x3/>']) {
          expect(count(text, tag), `${tag} in ${text}`).toBe(count(source, tag));
        }
      }
    },
    timeout,
  );

  it(
    'passes Apertium’s special characters and escaped XML through as text',
    async () => {
      engine = createApertiumEngine();

      const [spanish] = await engine.translate(['The city [is] big \\ $5 ^ @ / {x} &lt;b&gt; &amp; more.'], es);

      expect(spanish).toBe('La ciudad [es] grande \\ $5 ^ @ / {x} &lt;b&gt; &amp; más.');
    },
    timeout,
  );

  it(
    'returns 200 segments in the order they were sent',
    async () => {
      engine = createApertiumEngine();
      const texts = Array.from({ length: 200 }, (_, index) => `The city has ${index + 1} houses.`);

      const spanish = await engine.translate(texts, es);
      const catalan = await engine.translate(texts, ca);

      expect(spanish).toHaveLength(200);
      expect(catalan).toHaveLength(200);
      expect(spanish[0]).toBe('La ciudad tiene 1 casas.');
      expect(catalan[199]).toBe('La ciutat té 200 cases.');
      expect(spanish.map((text) => Number(/ (\d+) /.exec(text)?.[1]))).toEqual(texts.map((_, index) => index + 1));
      expect(catalan.map((text) => Number(/ (\d+) /.exec(text)?.[1]))).toEqual(texts.map((_, index) => index + 1));
    },
    timeout,
  );

  it(
    'keeps the order when several batches for two languages are in flight at once',
    async () => {
      engine = createApertiumEngine();
      const batches = Array.from({ length: 4 }, (_, batch) => Array.from({ length: 25 }, (_, index) => `The city has ${batch * 100 + index} houses.`));

      const results = await Promise.all(batches.flatMap((batch) => [engine!.translate(batch, es), engine!.translate(batch, ca)]));

      results.forEach((result, resultIndex) => {
        const batch = Math.floor(resultIndex / 2);
        expect(result.map((text) => Number(/ (\d+) /.exec(text)?.[1]))).toEqual(Array.from({ length: 25 }, (_, index) => batch * 100 + index));
      });
    },
    timeout,
  );

  it(
    'translates an empty batch into an empty list',
    async () => {
      engine = createApertiumEngine();

      expect(await engine.translate([], es)).toEqual([]);
    },
    timeout,
  );

  it(
    'reports a missing en→fr pair with the package to install, and nothing for en→es and en→ca',
    async () => {
      engine = createApertiumEngine();

      const french = await engine.checkPair({ source: 'en', target: 'fr' });

      expect(french).toContain('Apertium has no en → fr pair installed');
      expect(french).toContain('apt-get install apertium-eng-fra');
      expect(await engine.checkPair(es)).toBeUndefined();
      expect(await engine.checkPair(ca)).toBeUndefined();
    },
    timeout,
  );

  it(
    'reports a configured pair that is not installed, and accepts one that is',
    async () => {
      engine = createApertiumEngine({ pairs: { ca: 'eng-cat_balear', es: 'eng-spa' } });

      expect(await engine.checkPair(ca)).toContain('Apertium pair "eng-cat_balear" (apertium.pairs.ca in the config) is not installed');
      expect(await engine.checkPair(es)).toBeUndefined();
    },
    timeout,
  );

  it(
    'refuses to translate into a language with no pair, with the same message as checkPair',
    async () => {
      engine = createApertiumEngine();

      await expect(engine.translate(['The city is big.'], { source: 'en', target: 'fr' })).rejects.toThrow('apt-get install apertium-eng-fra');
    },
    timeout,
  );

  it(
    'ends its Apertium processes on close(), and a second close() returns at once',
    async () => {
      const before = new Set((await descendants()).map((info) => info.pid));
      const current = createApertiumEngine();
      engine = current;
      await current.translate(['The city is big.'], es);
      await current.translate(['The city is big.'], ca);
      const started = (await descendants()).filter((info) => !before.has(info.pid) && info.state !== 'Z');
      // At least one `bash -c 'stage | stage | …'` pipeline per pair, each with its stages.
      expect(started.filter((info) => info.command === 'bash').length).toBeGreaterThanOrEqual(2);
      expect(started.length).toBeGreaterThan(2);

      await current.close();

      // close() waits for each pipeline's shell; its stages, stopped with it, may take a moment longer to go.
      let stillRunning = started;
      for (let tries = 0; stillRunning.length > 0 && tries < 100; tries++) {
        if (tries > 0) await new Promise((resolve) => setTimeout(resolve, 20));
        const running = await Promise.all(stillRunning.map((info) => isRunning(info.pid)));
        stillRunning = stillRunning.filter((_, index) => running[index]);
      }
      expect(stillRunning).toEqual([]);
      await current.close();
    },
    timeout,
  );

  it('says Apertium is not installed, and how to install it, when there are no pairs where its modes belong', async () => {
    engine = createApertiumEngine({ modesDir: '/nonexistent/apertium/modes' });
    const refusal = engine.checkPair(es);
    await expect(refusal).rejects.toThrow('Apertium is not installed: it has no language pairs in /nonexistent/apertium/modes.');
    await expect(refusal).rejects.toMatchObject({ hint: expect.stringContaining('apt-get install apertium') });
  });

  it('closes at once when it never started a process', async () => {
    engine = createApertiumEngine();
    await engine.checkPair(es);
    await engine.close();
  });

  it(
    'rejects instead of hanging when its Apertium pipeline died while idle',
    async () => {
      const before = new Set((await descendants()).map((info) => info.pid));
      const current = createApertiumEngine();
      engine = current;
      await current.translate(['The city is big.'], es);
      // The pipeline is `bash -c 'stage | stage | …'`: end that bash and the stages it started, by pid.
      const all = await descendants();
      const shell = all.find((info) => !before.has(info.pid) && info.ppid === process.pid && info.command === 'bash');
      expect(shell).toBeDefined();
      const stages = all.filter((info) => info.ppid === shell!.pid && info.state !== 'Z');
      for (const info of [shell!, ...stages]) process.kill(info.pid, 'SIGKILL');
      // Wait until Node has reaped the shell (its /proc entry is gone), so its 'exit' event has run.
      while ((await processes()).some((info) => info.pid === shell!.pid)) await new Promise((resolve) => setTimeout(resolve, 20));
      await new Promise((resolve) => setTimeout(resolve, 100));

      const outcome = await Promise.race([
        current.translate(['The house is red.'], es).then(
          () => 'resolved',
          () => 'rejected',
        ),
        new Promise((resolve) => setTimeout(() => resolve('still waiting after 5 s'), 5_000)),
      ]);

      expect(outcome).toBe('rejected');
    },
    timeout,
  );
});

describe('names (glossary placeholders) through Apertium', () => {
  it(
    'translates the words around a name as around a proper noun: no capital after it, possessives turned round',
    async () => {
      engine = createApertiumEngine();
      const texts = ['<x1/> is a big city in the southwest.', "<x2/>'s design week is <g1>very popular</g1>.", '<g1><x2/></g1> is big.'];
      const [city, week, bold] = await engine.translate(texts, es, { names: [[1], [2], [2]] });
      expect(city).toBe('<x1/> es una ciudad grande en el suroeste.');
      expect(week).toBe('La semana de diseño de <x2/> es <g1>muy popular</g1>.');
      expect(bold).toBe('<g1><x2/></g1> es grande.');
      const [cityCa] = await engine.translate(texts.slice(0, 1), ca, { names: [[1]] });
      expect(cityCa).toBe('<x1/> és una ciutat gran en el sud-oest.');
    },
    timeout,
  );

  it(
    'keeps other atoms (inline code) as superblanks, untouched',
    async () => {
      engine = createApertiumEngine();
      const [run] = await engine.translate(['Run <x1/> to install <x2/>.'], es, { names: [[2]] });
      expect(count(run!, '<x1/>')).toBe(1);
      expect(count(run!, '<x2/>')).toBe(1);
    },
    timeout,
  );
});

describe('taggedToApertium', () => {
  it('leaves plain words and spaces as they are', () => {
    expect(taggedToApertium('The city is big.')).toBe('The city is big.');
  });

  it('escapes every Apertium special character with a backslash', () => {
    expect(taggedToApertium('[a] b\\c $d ^e @f /g {h}')).toBe('\\[a\\] b\\\\c \\$d \\^e \\@f \\/g \\{h\\}');
  });

  it('turns escaped XML into raw characters, escaping < and > for Apertium', () => {
    expect(taggedToApertium('&lt;i&gt; &amp; j')).toBe('\\<i\\> & j');
  });

  it('wraps the words of a tag in a word-bound blank, keeping blanks outside it', () => {
    expect(taggedToApertium('The <g1>big</g1> city')).toBe('The [[1]]big[[/]] city');
    expect(taggedToApertium('<g1>The city</g1>')).toBe('[[1]]The city[[/]]');
    expect(taggedToApertium('<g1>  padded  </g1>.')).toBe('  [[1]]padded[[/]]  .');
  });

  it('gives nested tags the ids of all enclosing tags, outermost first', () => {
    expect(taggedToApertium('a <g1>b <g2>c</g2> d</g1> e')).toBe('a [[1]]b[[/]] [[1;2]]c[[/]] [[1]]d[[/]] e');
  });

  it('escapes special characters inside a word-bound blank', () => {
    expect(taggedToApertium('<g1>$5 [x]</g1>')).toBe('[[1]]\\$5 \\[x\\][[/]]');
  });

  it('sends a name as a known proper noun in a word-bound blank naming its atom, inside its tags', () => {
    expect(taggedToApertium('<x3/> is big.', [3])).toBe('[[n3]]London[[/]] is big.');
    expect(taggedToApertium('<g1><x2/></g1> is big.', [2])).toBe('[[1;n2]]London[[/]] is big.');
  });

  it('sends atoms and tags without words as superblanks', () => {
    expect(taggedToApertium('x<x1/>y')).toBe('x[<x1/>]y');
    expect(taggedToApertium('The <g1> </g1>city')).toBe('The [<g1>] [</g1>]city');
    expect(taggedToApertium('<g1><x2/></g1> z')).toBe('[<g1>][<x2/>][</g1>] z');
  });
});

describe('apertiumToTagged', () => {
  it('unescapes Apertium special characters and escapes <, > and & for tagged text', () => {
    expect(apertiumToTagged('\\[es\\] \\\\ \\$5 \\^ \\@ \\/ \\{x\\} \\<b\\> & c')).toBe('[es] \\ $5 ^ @ / {x} &lt;b&gt; &amp; c');
  });

  it('regroups a word-bound blank into its tag', () => {
    expect(apertiumToTagged('La [[1]]ciudad[[/]] es grande.')).toBe('La <g1>ciudad</g1> es grande.');
  });

  it('reads a duplicated id such as [[1; 1]] as one tag', () => {
    expect(apertiumToTagged('[[1; 1]]ciudad grande[[/]]')).toBe('<g1>ciudad grande</g1>');
    expect(apertiumToTagged('la [[2; 2; 2]]casa[[/]]')).toBe('la <g2>casa</g2>');
  });

  it('joins words of one tag separated only by blanks or atoms into a single span', () => {
    expect(apertiumToTagged('[[1]]la[[/]] [[1]]casa[[/]] roja')).toBe('<g1>la casa</g1> roja');
    expect(apertiumToTagged('[[1]]a[[/]][<x2/>][[1]]b[[/]]')).toBe('<g1>a<x2/>b</g1>');
  });

  it('keeps a span split by a word from outside it as two spans of the same tag', () => {
    expect(apertiumToTagged('[[1]]grande[[/]] la [[1]]guía[[/]]')).toBe('<g1>grande</g1> la <g1>guía</g1>');
  });

  it('nests tags from the ids of a word-bound blank, outermost first', () => {
    expect(apertiumToTagged('[[1]]muy[[/]] [[1;2]]grande[[/]]')).toBe('<g1>muy <g2>grande</g2></g1>');
  });

  it('keeps tags that transfer reordered in their new order', () => {
    expect(apertiumToTagged('[[2]]casa[[/]] [[1]]roja[[/]]')).toBe('<g2>casa</g2> <g1>roja</g1>');
  });

  it('restores atoms and wordless tags from superblanks and drops other superblanks', () => {
    expect(apertiumToTagged('La casa[<x1/>] es roja')).toBe('La casa<x1/> es roja');
    expect(apertiumToTagged('[<g1>][</g1>]ciudad')).toBe('<g1></g1>ciudad');
    expect(apertiumToTagged('ciudad [<b>] grande')).toBe('ciudad grande');
  });

  it("puts a name back where its stand-in's translation is, keeping words transfer moved into its blank", () => {
    expect(apertiumToTagged('[[n3]]Londres[[/]] es grande.')).toBe('<x3/> es grande.');
    expect(apertiumToTagged('la setmana [[n3]]de Londres[[/]] és gran.')).toBe('la setmana de <x3/> és gran.');
    expect(apertiumToTagged('[[1; n2]]Londres[[/]] es grande.')).toBe('<g1><x2/></g1> es grande.');
  });

  it('tidies the double blanks and the blank before punctuation that dropped words leave', () => {
    expect(apertiumToTagged('La casa  es  roja .')).toBe('La casa es roja.');
  });

  it('round-trips tagged text through the Apertium stream format unchanged', () => {
    for (const text of [
      'The city is big.',
      '[a] b\\c $d ^e @f /g {h} &lt;i&gt; &amp; j',
      'The <g1>big</g1> city',
      'a <g1>b <g2>c</g2> d</g1> e',
      'x<x1/>y',
      '<g1><x2/></g1> z',
      '<g1>$5 [x]</g1> and <g2>a\\b</g2>',
    ]) {
      expect(apertiumToTagged(taggedToApertium(text)), text).toBe(text);
    }
  });
});
