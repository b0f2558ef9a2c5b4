/** Whose list the built-in lists follow, for messages that say they may be out of date. */
export const deeplLanguagesListed = "deepl-node 1.28's";

// The languages DeepL translates both from and to, in deepl-node 1.28's list (lower case there).
const commonCodes = [
  'ACE', 'AF', 'AN', 'AR', 'AS', 'AY', 'AZ', 'BA', 'BE', 'BG', 'BHO', 'BN', 'BR', 'BS', 'CA', 'CEB', 'CKB', 'CS', 'CY', 'DA', 'DE',
  'EL', 'EO', 'ES', 'ET', 'EU', 'FA', 'FI', 'FR', 'GA', 'GL', 'GN', 'GOM', 'GU', 'HA', 'HE', 'HI', 'HR', 'HT', 'HU', 'HY', 'ID',
  'IG', 'IS', 'IT', 'JA', 'JV', 'KA', 'KK', 'KMR', 'KO', 'KY', 'LA', 'LB', 'LMO', 'LN', 'LT', 'LV', 'MAI', 'MG', 'MI', 'MK', 'ML',
  'MN', 'MR', 'MS', 'MT', 'MY', 'NB', 'NE', 'NL', 'OC', 'OM', 'PA', 'PAG', 'PAM', 'PL', 'PRS', 'PS', 'QU', 'RO', 'RU', 'SA', 'SCN',
  'SK', 'SL', 'SQ', 'SR', 'ST', 'SU', 'SV', 'SW', 'TA', 'TE', 'TG', 'TH', 'TK', 'TL', 'TN', 'TR', 'TS', 'TT', 'UK', 'UR', 'UZ',
  'VI', 'WO', 'XH', 'YI', 'YUE', 'ZH', 'ZU',
];

/**
 * DeepL's target languages. Only a fallback: when the server answers, its own list decides, so languages DeepL
 * adds later work without a release; when it does not, a language missing here is tried, not refused.
 */
export const deeplTargetLanguages: readonly string[] = [...commonCodes, 'EN-GB', 'EN-US', 'ES-419', 'PT-BR', 'PT-PT', 'ZH-HANS', 'ZH-HANT'];

/** DeepL's source languages; a fallback like `deeplTargetLanguages`. */
export const deeplSourceLanguages: readonly string[] = [...commonCodes, 'EN', 'PT'];

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
