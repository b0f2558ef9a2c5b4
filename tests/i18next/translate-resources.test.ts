import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeeplProject } from '../support/deepl-project.ts';
import { countsByCategory, flattenStrings, loadInI18next, placeholdersOf, readSampleResource } from './resource-project.ts';

// The repository's sample resource, translated through the real CLI by every engine: Apertium (es, ca), DeepL
// through its real client against a test server (de), pseudo-localisation (pl, ar) and copy (ja).
const engines = { es: 'apertium', ca: 'apertium', de: 'deepl', pl: 'pseudo', ar: 'pseudo', ja: 'copy' };
const languages = Object.keys(engines);

let project: DeeplProject;
let source: Record<string, unknown>;
let sourceText: string;

beforeAll(async () => {
  sourceText = await readSampleResource();
  source = JSON.parse(sourceText) as Record<string, unknown>;
  project = await DeeplProject.create({
    config: { targetLanguages: languages, engine: engines },
    files: { 'articles/en/a.md': '# Visiting\n\nA short article about the city.\n', 'locales/en/common.json': sourceText },
  });
  const summary = await project.translateOk();
  expect(summary.languages['es']).toMatchObject({ articles: 1, resources: 1 });
}, 300_000);

afterAll(async () => {
  await project?.dispose();
});

async function output(language: string): Promise<Record<string, unknown>> {
  return JSON.parse(await project.read(`locales/${language}/common.json`)) as Record<string, unknown>;
}

describe('translating i18next resources', () => {
  it.each(languages)('gives %s exactly its own plural categories, cardinal and ordinal', async (language) => {
    const resource = await output(language);
    const cardinal = [...countsByCategory(language, 'cardinal').keys()];
    const ordinal = [...countsByCategory(language, 'ordinal').keys()];
    // Spanish and Catalan `many` is only reached by compact numbers (1.5M), so no plain count finds it; CLDR lists it all the same.
    const listed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    expect(Object.keys(resource).filter((key) => key.startsWith('articleCount_')).map((key) => key.slice('articleCount_'.length)).sort()).toEqual([...new Set([...cardinal, ...listed])].sort());
    expect(Object.keys(resource).filter((key) => key.startsWith('visit_ordinal_')).map((key) => key.slice('visit_ordinal_'.length)).sort()).toEqual(ordinal.sort());
  });

  it.each(languages)('writes %s so that real i18next resolves every key, and each plural for a count of each category', async (language) => {
    const resource = await output(language);
    const t = loadInI18next(language, resource);
    for (const [key] of flattenStrings(source)) {
      if (/_(ordinal_)?(zero|one|two|few|many|other)$/.test(key)) continue;
      const value = t.t(key, { name: 'Ana', author: 'Ana', value: 12, date: new Date(0) });
      expect(value, `${language} ${key}`).not.toBe('');
      expect(value, `${language} ${key}`).not.toBe(key);
    }
    for (const [base, type] of [['articleCount', 'cardinal'], ['visit', 'ordinal']] as const) {
      for (const [category, count] of countsByCategory(language, type)) {
        const written = resource[`${base}_${type === 'ordinal' ? 'ordinal_' : ''}${category}`] as string;
        expect(t.t(base, { count, ordinal: type === 'ordinal' })).toBe(written.replace('{{count}}', String(count)));
      }
    }
  });

  it.each(languages)('keeps every interpolation, nesting reference and Trans tag in %s', async (language) => {
    const translated = new Map(flattenStrings(await output(language)));
    for (const [key, text] of flattenStrings(source)) {
      const plural = /^(.+?_)(ordinal_)?(zero|one|two|few|many|other)$/.exec(key);
      const forms = plural && new RegExp(`^${plural[1]}${plural[2] ?? ''}(zero|one|two|few|many|other)$`);
      const targets = forms ? [...translated].filter(([other]) => forms.test(other)) : [[key, translated.get(key)!] as const];
      expect(targets.length, key).toBeGreaterThan(0);
      for (const [targetKey, target] of targets) expect(placeholdersOf(target), `${language} ${targetKey}`).toEqual(placeholdersOf(text));
    }
  });

  it('keeps key order, indentation, arrays and values that are not strings', async () => {
    const written = await project.read('locales/es/common.json');
    const resource = JSON.parse(written) as Record<string, unknown>;
    expect(written.split('\n')[1]).toMatch(/^ {2}"nav": \{$/);
    expect(written.endsWith('}\n')).toBe(true);
    expect(resource['pageSize']).toBe(source['pageSize']);
    expect(resource['beta']).toBe(source['beta']);
    expect((resource['tags'] as string[]).length).toBe((source['tags'] as string[]).length);
    const order = (keys: string[]) => keys.filter((key) => !/_(ordinal_)?(zero|one|two|few|many|other)$/.test(key));
    expect(order(Object.keys(resource))).toEqual(order(Object.keys(source)));
    expect(written).toContain('"greeting"');
    expect(resource['greeting']).not.toBe(source['greeting']);
  });

  it('sends only the edited string again, once per language', async () => {
    const mark = project.mark();
    await project.write({ 'locales/en/common.json': sourceText.replace('Welcome back, {{name}}!', 'Good to see you again, {{name}}!') });
    const summary = await project.translateOk();
    for (const language of languages) expect(summary.languages[language]!.translated, language).toBe(1);
    expect(project.textsSentSince(mark)).toEqual(['Good to see you again, <x1/>!']);
    expect(((await output('pl'))['greeting'] as string)).toContain('{{name}}');
  }, 300_000);
});
