import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApertiumEngine } from '../../src/engines/apertium/apertium-engine.ts';
import type { Engine } from '../../src/engines/engine.ts';
import type { Glossary } from '../../src/glossary/glossary.ts';
import { loadGlossary } from '../../src/glossary/load-glossary.ts';
import { maskTerms, unmaskTerms } from '../../src/glossary/mask-terms.ts';
import { createTermMatcher, type TermMatcher } from '../../src/glossary/match-terms.ts';
import { repoRoot } from '../support/cli.ts';

let glossary: Glossary;
let matcher: TermMatcher;

beforeAll(async () => {
  glossary = await loadGlossary(path.join(repoRoot, 'locales'), 'en', ['es', 'ca']);
  matcher = createTermMatcher(glossary.terms);
});

/** A sentence from articles/en with its terms replaced by their form in a language, without an engine. */
function protect(sentence: string, language: string): string {
  const { text, masks } = maskTerms(sentence, matcher, 1);
  return unmaskTerms(text, masks, (termId) => glossary.targetForm(termId, language)).text;
}

describe('the sample glossary in locales/', () => {
  it('covers the names in the sample articles', () => {
    expect(glossary.terms.map((term) => term.id)).toEqual([
      'chongqing',
      'liangjiang',
      'liangjiang-new-area',
      'yuelai',
      'yuelai-convention-city',
      'china-industrial-design-association',
      'china-manufacturing-design-conference',
      'liangjiang-digital-economy-park',
      'china',
    ]);
  });

  it('translates institutions and keeps place names as they are', () => {
    const sentence = 'The China Industrial Design Association connects designers in Chongqing, China, with the Liangjiang New Area and Yuelai.';
    expect(protect(sentence, 'es')).toBe(
      'The Asociación de Diseño Industrial de China connects designers in Chongqing, China, with the Nueva Área de Liangjiang and Yuelai.',
    );
    expect(protect(sentence, 'ca')).toBe(
      'The Associació de Disseny Industrial de la Xina connects designers in Chongqing, Xina, with the Nova Àrea de Liangjiang and Yuelai.',
    );
  });

  it('masks the long official names whole', () => {
    const { masks } = maskTerms('Chongqing Liangjiang Digital Economic Industrial Park\nLiangjiang New Area, Chongqing', matcher, 1);
    expect(masks.map((mask) => mask.termId)).toEqual(['liangjiang-digital-economy-park', 'liangjiang-new-area', 'chongqing']);
  });

  it('leaves "china" the material to the engine', () => {
    expect(maskTerms('a cup of fine china', matcher, 1).masks).toEqual([]);
  });
});

describe('the sample glossary with Apertium', () => {
  let engine: Engine;

  beforeAll(() => {
    engine = createApertiumEngine();
  });

  afterAll(async () => {
    await engine.close();
  });

  /** Masks, translates and unmasks one sentence; no placeholder may be lost on the way. */
  async function translate(sentence: string, language: string): Promise<string> {
    const { text, masks } = maskTerms(sentence, matcher, 1);
    const [translated = ''] = await engine.translate([text], { source: 'en', target: language });
    const result = unmaskTerms(translated, masks, (termId) => glossary.targetForm(termId, language));
    expect(result.missing).toEqual([]);
    return result.text;
  }

  it('keeps "China" from becoming "Porcelana" in Spanish', async () => {
    const translated = await translate('Chongqing is a large city in southwest China.', 'es');
    expect(translated).toContain('China');
    expect(translated).not.toContain('Porcelana');
  });

  it('keeps "Chongqing" from becoming "Txungking" in Catalan', async () => {
    const translated = await translate('The China Industrial Design Association works with companies in Chongqing.', 'ca');
    expect(translated).toContain('Chongqing');
    expect(translated).toContain('Associació de Disseny Industrial de la Xina');
    expect(translated).not.toContain('Txungking');
  });
});
