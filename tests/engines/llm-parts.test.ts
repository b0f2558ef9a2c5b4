import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve-config.ts';
import { configSchema } from '../../src/config/schema.ts';
import { checkTranslation } from '../../src/engines/llm/check-translation.ts';
import { llmProfile } from '../../src/engines/llm/llm-profile.ts';
import { parseReply } from '../../src/engines/llm/parse-reply.ts';
import { parseDuration, rateLimitWait } from '../../src/engines/llm/rate-limit-wait.ts';
import { ConfigError } from '../../src/errors.ts';
import { loadGlossary } from '../../src/glossary/load-glossary.ts';
import { createTermMatcher } from '../../src/glossary/match-terms.ts';
import { segmentMarkdown } from '../../src/markdown/segment-markdown.ts';
import { segmentOptions } from '../../src/markdown/segment-options.ts';
import { preferredAutoEngine } from '../../src/pipeline/auto-engine.ts';
import { maskArticle } from '../../src/pipeline/mask-article.ts';
import { createTextHints } from '../../src/pipeline/text-hints.ts';
import { repoRoot } from '../support/cli.ts';

const llm = (overrides: object = {}) => configSchema.parse({ llm: { model: 'm', ...overrides } }).llm;

describe('checkTranslation', () => {
  it('accepts a translation with every tag once, in any order', () => {
    expect(checkTranslation('<g1>Fast</g1> and <g2>safe</g2> with <x3/>', 'Mit <x3/>, <g2>sicher</g2> und <g1>schnell</g1>')).toEqual([]);
  });

  it('names tags lost, repeated, unknown or mis-nested', () => {
    expect(checkTranslation('Read <g1>this</g1> and <x2/>', 'Lies <g1>das</g1> und <x2/><x2/> <x5/>')).toEqual(['<x2/> came back 2 times', '<x5/> is not in the source']);
    expect(checkTranslation('<g1><g2>Bold</g2> link</g1>', '<g1><g2>Fett</g1> Link</g2>')).toContain('</g1> closes <g2>: tags are mis-nested');
  });

  it('refuses an empty translation and a copy of a source of three words or more, but not a short name kept', () => {
    expect(checkTranslation('Good morning to you', '  ')).toEqual(['the translation is empty']);
    expect(checkTranslation('Good morning to you', 'good  morning to you')).toEqual(['the translation is the source text, untranslated']);
    expect(checkTranslation('Kubernetes', 'Kubernetes')).toEqual([]);
  });

  it('refuses a translation far longer or shorter than its source', () => {
    const source = 'The park brings digital companies together in one area. This makes it easier for them to share ideas and to work with factories nearby.';
    expect(checkTranslation(source, 'Der Park.')).toEqual([`the translation is 9 characters long against the source's ${source.length}`]);
    expect(checkTranslation(source, 'x'.repeat(source.length * 4 + 21))).toHaveLength(1);
    expect(checkTranslation(source, 'Der Park bringt digitale Firmen zusammen.')).toEqual([]);
    expect(checkTranslation('OK', 'In Ordnung, einverstanden')).toEqual([]);
  });
});

describe('parseReply', () => {
  it('reads translations by id in any order, and the bare list', () => {
    expect(parseReply('{"translations":[{"id":"2","text":"b"},{"id":"1","text":"a"}]}', 2)).toEqual(['a', 'b']);
    expect(parseReply('Sure!\n```json\n[{"id":1,"text":"a"}]\n```', 2)).toEqual(['a', undefined]);
  });

  it.each([
    ['no JSON', 'I cannot help with that.', 'the reply holds no JSON'],
    ['another shape', '{"result":"a"}', 'the reply has no "translations" list'],
    ['an id twice', '{"translations":[{"id":"1","text":"a"},{"id":"1","text":"b"}]}', 'the reply has id "1" twice'],
    ['an id not asked for', '{"translations":[{"id":"0","text":"a"}]}', 'the reply has id "0", which was not asked for'],
  ])('refuses a reply with %s', (_, content, message) => {
    expect(() => parseReply(content, 1)).toThrow(message);
  });
});

describe('rate limit headers', () => {
  it('reads Go-style durations and plain seconds', () => {
    expect([parseDuration('6m0s'), parseDuration('1.5s'), parseDuration('250ms'), parseDuration('1h2m'), parseDuration('3'), parseDuration('soon')]).toEqual([360_000, 1500, 250, 3_720_000, 3000, undefined]);
  });

  it('prefers retry-after-ms, then Retry-After, then the reset of the limit used up', () => {
    expect(rateLimitWait(new Headers({ 'retry-after-ms': '120', 'retry-after': '5' }), 0)).toBe(120);
    expect(rateLimitWait(new Headers({ 'retry-after': '5', 'x-ratelimit-reset-requests': '9s' }), 0)).toBe(5000);
    expect(rateLimitWait(new Headers({ 'x-ratelimit-reset-requests': '9s', 'x-ratelimit-reset-tokens': '2s', 'x-ratelimit-remaining-tokens': '0' }), 0)).toBe(2000);
    expect(rateLimitWait(new Headers({ 'x-ratelimit-reset-requests': '9s', 'x-ratelimit-reset-tokens': '2s' }), 0)).toBe(9000);
    expect(rateLimitWait(new Headers(), 0)).toBeUndefined();
  });
});

describe('LLM engine profile and routing', () => {
  it('changes with the host, model, temperature and style guide, not with the key or the URL path', () => {
    const base = llmProfile(llm(), 'https://api.openai.com/v1', 'es');
    expect(llmProfile(llm(), 'https://api.openai.com/v2', 'es')).toBe(base);
    const changed = [
      llmProfile(llm(), 'http://127.0.0.1:11434/v1', 'es'),
      llmProfile(llm({ model: 'other' }), 'https://api.openai.com/v1', 'es'),
      llmProfile(llm({ temperature: 0.3 }), 'https://api.openai.com/v1', 'es'),
      llmProfile(llm({ languages: { default: { style: 'Formal.' } } }), 'https://api.openai.com/v1', 'es'),
      llmProfile(llm({ languages: { es: { examples: [{ source: 'a', target: 'b' }] } } }), 'https://api.openai.com/v1', 'es'),
    ];
    expect(new Set([base, ...changed]).size).toBe(6);
    expect(llmProfile(llm({ languages: { de: { style: 'Formal.' } } }), 'https://api.openai.com/v1', 'es')).toBe(base);
  });

  it('routes auto to DeepL with its key, else to the LLM engine with a model and a key or base URL, else to none', () => {
    expect(preferredAutoEngine({ llm: llm() }, { DEEPL_AUTH_KEY: 'k', OPENAI_API_KEY: 'k' })).toBe('deepl');
    expect(preferredAutoEngine({ llm: llm() }, { OPENAI_API_KEY: 'k' })).toBe('llm');
    expect(preferredAutoEngine({ llm: llm({ baseURL: 'http://127.0.0.1:8080/v1' }) }, {})).toBe('llm');
    expect(preferredAutoEngine({ llm: llm() }, { OPENAI_BASE_URL: 'http://127.0.0.1:8080/v1' })).toBe('llm');
    expect(preferredAutoEngine({ llm: llm({ apiKeyVariable: 'TEAM_KEY' }) }, { OPENAI_API_KEY: 'k' })).toBeUndefined();
    expect(preferredAutoEngine({ llm: configSchema.parse({}).llm }, { OPENAI_API_KEY: 'k' })).toBeUndefined();
  });

  it('refuses bad llm options with one message naming each', () => {
    const bad = { llm: { baseURL: 'localhost', temperature: 3, apiKeyVariable: 'my key', responseFormat: 'xml' } };
    expect(() => resolveConfig(bad, '/project/pipeline.config.json')).toThrow(ConfigError);
    try {
      resolveConfig(bad, '/project/pipeline.config.json');
    } catch (error) {
      expect((error as Error).message).toMatch(/4 problems/);
      expect((error as Error).message).toMatch(/llm\.baseURL: expected an http or https URL/);
      expect((error as Error).message).toMatch(/llm\.apiKeyVariable: expected an environment variable name/);
      expect((error as Error).message).toMatch(/llm\.responseFormat: expected one of "auto", "json_schema", "json_object", "prompt"/);
    }
  });

  it('refuses a base URL that names a host and port but no http or https scheme', () => {
    for (const baseURL of ['localhost:9/v1', 'ftp://127.0.0.1/v1']) {
      expect(() => resolveConfig({ llm: { baseURL } }, '/project/pipeline.config.json')).toThrow(/llm\.baseURL: expected an http or https URL/);
    }
  });
});

describe('createTextHints', () => {
  it('gives a segment its title, the segments around it and its glossary terms with their target forms', async () => {
    const glossary = await loadGlossary(path.join(repoRoot, 'locales'), 'en', ['es']);
    const text = '# Chongqing\n\nFirst paragraph.\n\n```sh\nnpm test\n```\n\nThe Liangjiang New Area grows.\n\nLast paragraph.\n';
    const masked = maskArticle(segmentMarkdown(text, segmentOptions([])).segments, createTermMatcher(glossary.terms));
    const index = masked.findIndex((item) => item.segment.text.includes('grows'));
    expect(createTextHints(masked, { glossary, language: 'es', title: 'Chongqing', neighbours: 1 })(index)).toEqual({
      title: 'Chongqing',
      before: 'First paragraph.',
      after: 'Last paragraph.',
      terms: [{ id: 1, source: 'Liangjiang New Area', target: 'Nueva Área de Liangjiang', note: 'State-level new area in Chongqing; the official name has a standard translation.' }],
    });
    const first = masked.findIndex((item) => item.segment.text === 'First paragraph.');
    expect(createTextHints(masked, { glossary, language: 'es', neighbours: 0 })(first)).toEqual({});
    const twoAround = createTextHints(masked, { glossary, language: 'es', neighbours: 2 });
    expect(twoAround(first)).toMatchObject({ before: 'Chongqing', after: 'The Liangjiang New Area grows.\nLast paragraph.' });
    expect(twoAround(masked.length - 1)).toMatchObject({ before: 'First paragraph.\nThe Liangjiang New Area grows.' });
    expect(twoAround(masked.length - 1)).not.toHaveProperty('after');
  });
});
