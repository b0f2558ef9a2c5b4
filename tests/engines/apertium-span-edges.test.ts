import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApertiumEngine } from '../../src/engines/apertium/apertium-engine.ts';
import { apertiumToTagged } from '../../src/engines/apertium/apertium-to-tagged.ts';
import { taggedToApertium } from '../../src/engines/apertium/tagged-to-apertium.ts';
import type { Engine, LanguagePair } from '../../src/engines/engine.ts';

const timeout = 60_000;
const es = { source: 'en', target: 'es' } as const;
const ca = { source: 'en', target: 'ca' } as const;

let engine: Engine;

beforeAll(() => {
  engine = createApertiumEngine();
});

afterAll(async () => {
  await engine.close();
});

/** The contents of every `<gN>…</gN>` span of a translation (spans of one id are not nested in these tests). */
function spans(text: string, id: number): string[] {
  return [...text.matchAll(new RegExp(`<g${id}>(.*?)</g${id}>`, 'g'))].map((match) => match[1]!);
}

async function translate(text: string, pair: LanguagePair = es, names: number[] = []): Promise<string> {
  const [translation] = await engine.translate([text], pair, { names: [names] });
  return translation!;
}

describe('span edges through Apertium', () => {
  it(
    'keeps inline code that begins a span inside it',
    async () => {
      const spanish = await translate('Run the <g1><x2/> command</g1> now.');
      expect(spans(spanish, 1)).toHaveLength(1);
      expect(spans(spanish, 1)[0]).toMatch(/^<x2\/> \p{L}/u);
    },
    timeout,
  );

  it(
    'keeps inline code that ends a span inside it',
    async () => {
      const spanish = await translate('<g1>Node options such as <x2/></g1>');
      expect(spanish.split('<x2/>')).toHaveLength(2);
      expect(spans(spanish, 1).some((span) => span.endsWith(' <x2/>'))).toBe(true);
    },
    timeout,
  );

  it(
    'keeps a glossary name that begins a span inside it',
    async () => {
      const spanish = await translate('<g1><x2/> is big</g1>.', es, [2]);
      expect(spans(spanish, 1).join('')).toContain('<x2/>');
    },
    timeout,
  );

  it(
    'keeps an @ that begins a span inside it',
    async () => {
      const spanish = await translate('Follow <g1>@google</g1> now.');
      expect(spans(spanish, 1)).toEqual(['@google']);
    },
    timeout,
  );

  it(
    'keeps an _ that ends a span inside it',
    async () => {
      const spanish = await translate('Use <g1>n_</g1> now.');
      expect(spans(spanish, 1)).toEqual(['n_']);
    },
    timeout,
  );

  it(
    'keeps the braces around a span’s word inside it',
    async () => {
      const spanish = await translate('A <g1>{Object}</g1> here.');
      const catalan = await translate('A <g1>{Object}</g1> here.', ca);
      for (const translation of [spanish, catalan]) {
        expect(spans(translation, 1)).toHaveLength(1);
        expect(spans(translation, 1)[0]).toMatch(/^\{\p{L}+\}$/u);
      }
    },
    timeout,
  );

  it(
    'keeps a # that begins a span inside it',
    async () => {
      const spanish = await translate('See <g1>#825 (comment)</g1> here.');
      expect(spans(spanish, 1)).toHaveLength(1);
      expect(spans(spanish, 1)[0]).toMatch(/^#825 \(\p{L}+\)$/u);
    },
    timeout,
  );

  it(
    'keeps a span that holds only symbols',
    async () => {
      expect(spans(await translate('See <g1>@</g1> here.'), 1)).toEqual(['@']);
    },
    timeout,
  );

  it(
    'leaves a symbol that stood outside the span outside it',
    async () => {
      const spanish = await translate('Follow @<g1>google</g1> now.');
      expect(spanish).toContain('@<g1>google</g1>');
    },
    timeout,
  );

  it(
    'keeps a symbol between two words of a span inside it',
    async () => {
      expect(spans(await translate('Follow <g1>the @google team</g1> now.'), 1).join(' ')).toContain('@');
      expect(spans(await translate('Follow <g1>the @google team</g1> now.'), 1)).toHaveLength(1);
    },
    timeout,
  );
});

describe('apertiumToTagged with the source it translates', () => {
  it('puts a symbol back inside the span that began or ended with it in the source', () => {
    expect(apertiumToTagged('Sigue \\@[[1]]google[[/]] ahora', 'Follow <g1>@google</g1> now')).toBe('Sigue <g1>@google</g1> ahora');
    expect(apertiumToTagged('Uso [[1]]n[[/]]_ ahora', 'Use <g1>n_</g1> now')).toBe('Uso <g1>n_</g1> ahora');
    expect(apertiumToTagged('Un \\{[[1]]Objeto[[/]]\\} aquí', 'A <g1>{Object}</g1> here')).toBe('Un <g1>{Objeto}</g1> aquí');
  });

  it('leaves a symbol outside when the source had it outside the span', () => {
    expect(apertiumToTagged('Sigue \\@[[1]]google[[/]] ahora', 'Follow @<g1>google</g1> now')).toBe('Sigue @<g1>google</g1> ahora');
  });

  it('moves only the symbols of the edge, not the blank or words before them', () => {
    expect(apertiumToTagged('Ve el #[[1]]825[[/]] aquí', 'See the <g1>#825</g1> here')).toBe('Ve el <g1>#825</g1> aquí');
  });

  it('puts the edge symbol into the innermost span that has it', () => {
    expect(apertiumToTagged('[[1]]ve[[/]] \\@[[1; 2]]foo[[/]]', '<g1>see <g2>@foo</g2></g1>')).toBe('<g1>ve <g2>@foo</g2></g1>');
  });

  it('puts an atom back inside the tags that enclosed it in the source', () => {
    expect(apertiumToTagged('la [<x2/>] [[1]]orden[[/]] ahora', 'the <g1><x2/> command</g1> now')).toBe('la <g1><x2/> orden</g1> ahora');
    expect(apertiumToTagged('[[1]]Opciones[[/]] [[1]]como[[/]] [<x2/>]', '<g1>Options such as <x2/></g1>')).toBe('<g1>Opciones como <x2/></g1>');
  });

  it('opens a span that holds only an atom once', () => {
    expect(apertiumToTagged('Gira a un [<g1>][<x2/>][</g1>] cas', 'Turn into an <g1><x2/></g1> instance')).toBe('Gira a un <g1><x2/></g1> cas');
  });

  it('leaves an atom outside a span when the source had it outside', () => {
    expect(apertiumToTagged('[[1]]a[[/]] [<x2/>] [[1]]b[[/]]', '<g1>a b</g1> <x2/>')).toBe('<g1>a</g1> <x2/> <g1>b</g1>');
  });
});

describe('taggedToApertium', () => {
  it('sends a span of symbols only as superblanks, which Apertium keeps in place', () => {
    expect(taggedToApertium('See <g1>@</g1> here')).toBe('See [<g1>]\\@[</g1>] here');
  });
});
