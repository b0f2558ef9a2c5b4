/** Splits a `--lang es,ca` value into codes. */
export function parseLanguages(value: string | undefined): string[] | undefined {
  return value?.split(',').map((code) => code.trim()).filter(Boolean);
}
