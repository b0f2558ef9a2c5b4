/** How a language writes numbers: the thousands separator and the decimal mark. */
export interface NumberFormat {
  readonly group: string;
  readonly decimal: string;
}

/** A number as written and its canonical value. */
export interface ReadNumber {
  readonly written: string;
  readonly value: string;
}

const spaces = /[\s\u00a0\u202f\u2009]/u;
// Digits joined by single separators: a candidate number however it is formatted, read further per language.
const digitRun = /\d+(?:[.,' ’\u00a0\u202f\u2009]\d+)*/g;
const anyDigit = /\p{Nd}/u;
const nonAscii = /[^\x00-\x7f]/;

// Building an Intl.NumberFormat costs far more than reading a segment; a run uses a handful of languages.
const formats = new Map<string, NumberFormat>();
const patterns = new Map<string, RegExp>();

/** The thousands separator and decimal mark of a language, as Intl formats numbers in it. */
export function numberFormatOf(language: string): NumberFormat {
  let format = formats.get(language);
  if (!format) {
    format = readNumberFormat(language);
    formats.set(language, format);
  }
  return format;
}

function readNumberFormat(language: string): NumberFormat {
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(language).formatToParts(1234567.5);
  } catch {
    // An unknown tag is a config problem reported elsewhere; reading numbers the English way is the safest guess.
    parts = new Intl.NumberFormat('en').formatToParts(1234567.5);
  }
  const group = parts.find((part) => part.type === 'group')?.value ?? ',';
  const decimal = parts.find((part) => part.type === 'decimal')?.value ?? '.';
  return { group: spaces.test(group) ? ' ' : group, decimal };
}

/**
 * The numbers in text as a language writes them, each with a canonical value (`1.000,50` in Spanish → `1000.5`)
 * so the same quantity compares equal across languages. Grouped by run of digits and separators, so a caller
 * can read the same run in two ways. Digits of every script and odd spaces are folded first.
 */
export function readNumbers(text: string, format: NumberFormat): ReadNumber[][] {
  // Text in ASCII has nothing to fold, and most segments hold no digit: neither needs the work below.
  const isAscii = !nonAscii.test(text);
  const compatible = isAscii ? text : text.normalize('NFKC');
  if (!anyDigit.test(compatible)) return [];
  const folded = isAscii ? text : compatible.replace(/[\u00a0\u202f\u2009]/g, ' ').replace(/[^\P{Nd}0-9]/gu, asciiDigit);
  const runs: ReadNumber[][] = [];
  digitRun.lastIndex = 0;
  for (let match = digitRun.exec(folded); match; match = digitRun.exec(folded)) runs.push(readRun(match[0], format));
  return runs;
}

function readRun(run: string, format: NumberFormat): ReadNumber[] {
  const pattern = numberPattern(format);
  const numbers: ReadNumber[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(run); match; match = pattern.exec(run)) {
    const written = match[0];
    // A version (`18.0.0`) or an address is one token in every language, never localised.
    numbers.push(match.groups?.['version'] ? { written, value: written } : { written, value: canonical(written.replaceAll(format.group, '').replace(format.decimal, '.')) });
  }
  return numbers;
}

function numberPattern(format: NumberFormat): RegExp {
  const key = `${format.group}${format.decimal}`;
  let pattern = patterns.get(key);
  if (!pattern) {
    const group = escapeRegExp(format.group);
    const decimal = escapeRegExp(format.decimal);
    // Grouped form first, so `1.000` in German is a thousand; a run that does not group properly falls apart
    // into plain numbers (`2021 100` → 2021 and 100).
    pattern = new RegExp(`(?<!\\d)\\d{1,3}(?:${group}\\d{3})+(?:${decimal}\\d+)?(?!\\d)|(?<version>(?<![\\d.])\\d+(?:\\.\\d+){2,}(?![\\d.]))|\\d+(?:${decimal}\\d+)?`, 'g');
    patterns.set(key, pattern);
  }
  return pattern;
}

/** Unicode lays out each script's digits as runs of ten from zero (٠١٢…, ०१२…), so a digit's value is its place in the run. */
function asciiDigit(digit: string): string {
  let place = 0;
  for (let code = digit.codePointAt(0)! - 1; /\p{Nd}/u.test(String.fromCodePoint(code)); code--) place++;
  return String(place % 10);
}

function canonical(value: string): string {
  const [whole = '', fraction = ''] = value.split('.');
  const digits = whole.replace(/^0+(?=\d)/, '');
  const decimals = fraction.replace(/0+$/, '');
  return decimals === '' ? digits : `${digits}.${decimals}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
