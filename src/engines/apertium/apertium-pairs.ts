// Apertium names languages with ISO 639-3 codes (some older Debian pairs with ISO 639-1).
const iso639_3: Record<string, string> = {
  en: 'eng', es: 'spa', ca: 'cat', gl: 'glg', eo: 'epo', fr: 'fra', de: 'deu', it: 'ita', pt: 'por',
  oc: 'oci', eu: 'eus', an: 'arg', ast: 'ast', ro: 'ron', nl: 'nld', sv: 'swe', da: 'dan', nb: 'nob',
  nn: 'nno', is: 'isl', hbs: 'hbs', sh: 'hbs', sr: 'hbs', hr: 'hbs', bs: 'hbs', mt: 'mlt', ar: 'ara',
  kk: 'kaz', tt: 'tat', ru: 'rus', uk: 'ukr', pl: 'pol', cy: 'cym', br: 'bre', ga: 'gle',
};

/** How to install Apertium with the pairs for English that the sample project uses. */
export const installHint = 'Install it with `apt-get install apertium apertium-eng-spa apertium-eng-cat`.';

/** Apertium pair names that could serve a language pair, most likely first. */
export function candidatePairs(source: string, target: string): string[] {
  const [sourceBase, targetBase] = [baseLanguage(source), baseLanguage(target)];
  const sourceLong = iso639_3[sourceBase] ?? sourceBase;
  const targetLong = iso639_3[targetBase] ?? targetBase;
  return [...new Set([`${sourceLong}-${targetLong}`, `${sourceBase}-${targetBase}`, `${sourceLong}-${targetBase}`, `${sourceBase}-${targetLong}`])];
}

/** Name of the Debian package that would hold a pair. */
export function debianPackageFor(source: string, target: string): string {
  return `apertium-${candidatePairs(source, target)[0]}`;
}

function baseLanguage(code: string): string {
  return code.split('-')[0]!.toLowerCase();
}
