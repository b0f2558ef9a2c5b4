import { describe, expect, it } from 'vitest';
import { categoriesOf, targetPluralForms } from '../../src/i18next/plural-forms.ts';

const fromEnglish = (language: string, type: 'cardinal' | 'ordinal', source: string[]) =>
  targetPluralForms('en', language, type, new Set(source as never[])).map(({ category, from }) => `${category}<${from}`);

describe('plural forms per target language', () => {
  it('lists each language’s CLDR categories in order', () => {
    expect(categoriesOf('pl', 'cardinal')).toEqual(['one', 'few', 'many', 'other']);
    expect(categoriesOf('ar', 'cardinal')).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
    expect(categoriesOf('ja', 'cardinal')).toEqual(['other']);
  });

  it('translates each target form from the English form i18next shows for one of its counts', () => {
    expect(fromEnglish('pl', 'cardinal', ['one', 'other'])).toEqual(['one<one', 'few<other', 'many<other', 'other<other']);
    expect(fromEnglish('ar', 'cardinal', ['one', 'other'])).toEqual(['zero<other', 'one<one', 'two<other', 'few<other', 'many<other', 'other<other']);
    expect(fromEnglish('ja', 'cardinal', ['one', 'other'])).toEqual(['other<other']);
  });

  it('keeps a source `_zero`, which i18next shows for 0 in every language, and uses it for a language’s own zero', () => {
    expect(fromEnglish('es', 'cardinal', ['zero', 'one', 'other'])).toEqual(['zero<zero', 'one<one', 'many<other', 'other<other']);
    expect(fromEnglish('ar', 'cardinal', ['zero', 'one', 'other'])[0]).toBe('zero<zero');
  });

  it('maps ordinals, taking `other` where the target has a single form', () => {
    expect(fromEnglish('es', 'ordinal', ['one', 'two', 'few', 'other'])).toEqual(['other<other']);
    expect(fromEnglish('ca', 'ordinal', ['one', 'two', 'few', 'other'])).toEqual(['one<one', 'two<two', 'few<other', 'other<other']);
  });
});
