import { UsageError } from '../errors.ts';

/**
 * Splits a `--lang es,ca` value into codes. A value with no code in it (`--lang ""`, as an unset variable in a CI
 * script gives) is refused rather than read as "every language", which could send a paid engine far more than asked.
 */
export function parseLanguages(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const codes = value.split(',').map((code) => code.trim()).filter(Boolean);
  if (codes.length === 0) {
    throw new UsageError(`--lang "${value}" names no language.`, { hint: 'Give one or more codes (--lang es,ca), or leave --lang out for every target language.' });
  }
  return codes;
}
