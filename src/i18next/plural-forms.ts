/** CLDR plural categories, in the order a resource file lists them. */
export const pluralCategories = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof pluralCategories)[number];
export type PluralType = 'cardinal' | 'ordinal';

/** One plural key of a source or target: `items_other`, `place_ordinal_two`, `friend_male_one` (a context kept in the base). */
export interface PluralForm {
  readonly category: PluralCategory;
  /** A count of this category in the target language; none when only compact notation selects it (Spanish `many`). */
  readonly count?: number;
  /** The source category it is translated from. */
  readonly from: PluralCategory;
}

const pluralKey = /^(.+?)_(ordinal_)?(zero|one|two|few|many|other)$/;

/** A key's plural base, type and category, when it has a plural suffix. */
export function readPluralKey(key: string): { readonly base: string; readonly type: PluralType; readonly category: PluralCategory } | undefined {
  const match = pluralKey.exec(key);
  return match ? { base: match[1]!, type: match[2] ? 'ordinal' : 'cardinal', category: match[3] as PluralCategory } : undefined;
}

/** The key of a plural form, as i18next looks it up. */
export function pluralKeyOf(base: string, type: PluralType, category: PluralCategory): string {
  return `${base}_${type === 'ordinal' ? 'ordinal_' : ''}${category}`;
}

/** The categories a language uses, in CLDR order. */
export function categoriesOf(language: string, type: PluralType): PluralCategory[] {
  const used = new Set(new Intl.PluralRules(language, { type }).resolvedOptions().pluralCategories);
  return pluralCategories.filter((category) => used.has(category));
}

// Whole numbers first (1 before 0: a count of none reads as a special case in many languages), then fractions,
// which alone reach Polish `other`.
const candidates = [...Array.from({ length: 200 }, (_, index) => index + 1), 0, 1000, 1_000_000, 0.5, 1.5, 2.5, 0.1, 1.1];

/**
 * A count that a language puts in a category (whole numbers first), chosen so that the source language puts it
 * in the same category if it can, else in `other`: the source form that reads right for the most counts of the
 * category. None when no plain number is in the category.
 */
export function representativeCount(language: string, type: PluralType, category: PluralCategory, sourceLanguage = language): number | undefined {
  const rules = new Intl.PluralRules(language, { type });
  const sourceRules = new Intl.PluralRules(sourceLanguage, { type });
  const counts = candidates.filter((count) => (type === 'cardinal' || Number.isInteger(count)) && rules.select(count) === category);
  return counts.find((count) => sourceRules.select(count) === category) ?? counts.find((count) => sourceRules.select(count) === 'other') ?? counts[0];
}

/**
 * The forms a target language needs of a source plural, each from the source form i18next would show in the
 * source language for a representative count of the target category. A source `_zero`, which i18next shows
 * for a count of 0 in every language, is kept as well.
 */
export function targetPluralForms(sourceLanguage: string, targetLanguage: string, type: PluralType, sourceCategories: ReadonlySet<PluralCategory>): readonly PluralForm[] {
  // Asked for every plural string of every file, with a few distinct answers per run: each costs a millisecond.
  const key = JSON.stringify([sourceLanguage, targetLanguage, type, [...sourceCategories].sort()]);
  let forms = knownForms.get(key);
  if (!forms) knownForms.set(key, (forms = Object.freeze(computeForms(sourceLanguage, targetLanguage, type, sourceCategories))));
  return forms;
}

const knownForms = new Map<string, readonly PluralForm[]>();

function computeForms(sourceLanguage: string, targetLanguage: string, type: PluralType, sourceCategories: ReadonlySet<PluralCategory>): PluralForm[] {
  const sourceRules = new Intl.PluralRules(sourceLanguage, { type });
  const forms = categoriesOf(targetLanguage, type).map((category): PluralForm => {
    const count = representativeCount(targetLanguage, type, category, sourceLanguage);
    if (category === 'zero' && sourceCategories.has('zero')) return { category, count, from: 'zero' };
    const selected = count === undefined ? 'other' : (sourceRules.select(count) as PluralCategory);
    return { category, count, from: sourceCategories.has(selected) ? selected : 'other' };
  });
  if (type === 'cardinal' && sourceCategories.has('zero') && !forms.some((form) => form.category === 'zero')) forms.unshift({ category: 'zero', count: 0, from: 'zero' });
  return forms;
}
