import { readFile } from 'node:fs/promises';
import path from 'node:path';
import i18next from 'i18next';
import { repoRoot } from '../support/cli.ts';

/** The sample resource file of the repository, as `npm start` translates it. */
export function readSampleResource(): Promise<string> {
  return readFile(path.join(repoRoot, 'locales', 'en', 'common.json'), 'utf8');
}

/** Every string of a resource with its dotted key, nested keys and array items included. */
export function flattenStrings(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => flattenStrings(child, prefix === '' ? key : `${prefix}.${key}`));
}

/** Placeholders and markup of a string: what no translation may change. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{\{[^}]*\}\}|\$t\([^)]*\)|<\/?\w+\s*\/?>/g)].map((match) => match[0]).sort();
}

/** A count in each plural category of a language, computed here with Intl alone. */
export function countsByCategory(language: string, type: Intl.PluralRuleType): Map<string, number> {
  const rules = new Intl.PluralRules(language, { type });
  const counts = new Map<string, number>();
  for (const count of [...Array.from({ length: 201 }, (_, index) => index), 0.5, 1.5]) {
    if (type === 'ordinal' && !Number.isInteger(count)) continue;
    const category = rules.select(count);
    if (!counts.has(category)) counts.set(category, count);
  }
  return counts;
}

/** A real i18next instance holding one resource as its `translation` namespace. */
export function loadInI18next(language: string, resource: unknown): typeof i18next {
  const instance = i18next.createInstance();
  void instance.init({ lng: language, fallbackLng: false, initAsync: false, showSupportNotice: false, resources: { [language]: { translation: resource as Record<string, unknown> } }, interpolation: { escapeValue: false } });
  return instance;
}
