/**
 * DeepL's target languages as listed by `GET /v2/languages?type=target` in 2025. Only a fallback:
 * when the server answers, its own list decides, so languages DeepL adds later work without a release.
 */
export const deeplTargetLanguages: readonly string[] = [
  'AR', 'BG', 'CS', 'DA', 'DE', 'EL', 'EN-GB', 'EN-US', 'ES', 'ES-419', 'ET', 'FI', 'FR', 'HE', 'HU', 'ID', 'IT', 'JA',
  'KO', 'LT', 'LV', 'NB', 'NL', 'PL', 'PT-BR', 'PT-PT', 'RO', 'RU', 'SK', 'SL', 'SV', 'TH', 'TR', 'UK', 'VI', 'ZH',
  'ZH-HANS', 'ZH-HANT',
];

/** DeepL's source languages in 2025 (`GET /v2/languages`); a fallback like `deeplTargetLanguages`. */
export const deeplSourceLanguages: readonly string[] = [
  'AR', 'BG', 'CS', 'DA', 'DE', 'EL', 'EN', 'ES', 'ET', 'FI', 'FR', 'HE', 'HU', 'ID', 'IT', 'JA', 'KO', 'LT', 'LV',
  'NB', 'NL', 'PL', 'PT', 'RO', 'RU', 'SK', 'SL', 'SV', 'TH', 'TR', 'UK', 'VI', 'ZH',
];

// DeepL refuses bare `en` and `pt` and wants a script for Chinese; these are the variants a config code
// without one means. British English and European Portuguese follow DeepL's own documentation examples.
const variantOfBareCode: Readonly<Record<string, string>> = { en: 'EN-GB', pt: 'PT-PT', zh: 'ZH-HANS', no: 'NB' };
const traditionalChinese = new Set(['hant', 'tw', 'hk', 'mo']);

/**
 * The DeepL target code for a config code: `targetCode` when given, else `en` → `EN-GB`, `pt` → `PT-PT`,
 * `zh`/`zh-CN`/`zh-Hans` → `ZH-HANS`, `zh-TW`/`zh-HK`/`zh-Hant` → `ZH-HANT`, anything else upper-cased (`pt-BR` → `PT-BR`).
 */
export function toDeeplTarget(code: string, targetCode?: string): string {
  if (targetCode) return targetCode.toUpperCase();
  const [base = '', ...subtags] = code.toLowerCase().split('-');
  if (base === 'zh') return subtags.some((subtag) => traditionalChinese.has(subtag)) ? 'ZH-HANT' : 'ZH-HANS';
  if (subtags.length === 0) return variantOfBareCode[base] ?? base.toUpperCase();
  return code.toUpperCase();
}

/** The DeepL source code for a config code: the base language, upper-cased (`en-US` → `EN`); DeepL has no source variants. */
export function toDeeplSource(code: string): string {
  return code.split('-')[0]!.toUpperCase();
}
