import { describe, expect, it } from 'vitest';
import { toDeeplSource, toDeeplTarget } from '../../src/engines/deepl/deepl-languages.ts';
import { formBodyBytes } from '../../src/engines/deepl/deepl-request-size.ts';
import { deeplTagOptions, normalizeDeeplReply } from '../../src/engines/deepl/deepl-tags.ts';
import { parseRetryAfter } from '../../src/engines/parse-retry-after.ts';

describe('toDeeplTarget', () => {
  it.each([
    ['de', 'DE'],
    ['fr', 'FR'],
    ['ja', 'JA'],
    ['en', 'EN-GB'],
    ['en-US', 'EN-US'],
    ['en-gb', 'EN-GB'],
    ['pt', 'PT-PT'],
    ['pt-BR', 'PT-BR'],
    ['zh', 'ZH-HANS'],
    ['zh-CN', 'ZH-HANS'],
    ['zh-Hans', 'ZH-HANS'],
    ['zh-TW', 'ZH-HANT'],
    ['zh-Hant', 'ZH-HANT'],
    ['zh-Hant-HK', 'ZH-HANT'],
    ['es-419', 'ES-419'],
    ['nb', 'NB'],
    ['no', 'NB'],
    ['fr-CA', 'FR-CA'],
  ])('maps %s to %s', (code, expected) => {
    expect(toDeeplTarget(code)).toBe(expected);
  });

  it('uses targetCode from the config over its own choice', () => {
    expect(toDeeplTarget('en', 'en-US')).toBe('EN-US');
    expect(toDeeplTarget('fr-CA', 'fr')).toBe('FR');
  });
});

describe('toDeeplSource', () => {
  it('keeps only the base language, upper-cased', () => {
    expect(['en', 'en-US', 'pt-BR', 'zh-Hant'].map(toDeeplSource)).toEqual(['EN', 'EN', 'PT', 'ZH']);
  });
});

describe('deeplTagOptions', () => {
  it('lists every tag as non-splitting and the atoms as ignored', () => {
    expect(deeplTagOptions(['Read <g0>the <g1>guide</g1></g0> <x2/>', 'Run <x0/> and <g3>go</g3>'])).toEqual({
      nonSplittingTags: ['g0', 'g1', 'g3', 'x2', 'x0'],
      ignoreTags: ['x2', 'x0'],
    });
  });

  it('sends no tag lists for plain text', () => {
    expect(deeplTagOptions(['Just words &amp; more'])).toEqual({});
  });
});

describe('normalizeDeeplReply', () => {
  it('writes empty elements the way tagged text spells atoms', () => {
    expect(normalizeDeeplReply('Lauf <x0></x0> und <x1 /> los <x2/>')).toBe('Lauf <x0/> und <x1/> los <x2/>');
  });

  it('turns numeric character references into text, escaped where tagged text needs it', () => {
    expect(normalizeDeeplReply('it&#39;s &#60;b&#x3E; &amp; <g0>x</g0>')).toBe("it's &lt;b&gt; &amp; <g0>x</g0>");
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-06-01T12:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date as the time left until it', () => {
    expect(parseRetryAfter('Sun, 01 Jun 2025 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 01 Jun 2025 11:00:00 GMT', now)).toBe(0);
  });

  it('gives undefined for a missing or unreadable header', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('formBodyBytes', () => {
  it('counts the form-encoded size, where non-ASCII bytes and markup triple', () => {
    // text=abc against text=%C3%A9%3C%3E
    expect(formBodyBytes(['é<>'], {})).toBe(formBodyBytes(['abc'], {}) + 9);
  });
});
